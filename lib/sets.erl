%% sets.erl - beamlet's unordered sets, written in the Erlang subset that
%% beamlet's compiler accepts: Erlang/OTP 25's sets with its version 1
%% representation (version 2, a map, needs maps, which the subset lacks).
%%
%% A set is a linear hash table (Larson's dynamic hashing):
%%   {set, Size, N, MaxN, BSo, ExpSize, ConSize, Empty, Segs}
%% Segs is a tuple of segments, each a tuple of 16 buckets (lists); N
%% buckets are in use, MaxN is the next power of two (times 16), BSo is
%% MaxN / 2. An element E lives in bucket phash(E, MaxN), or that minus
%% BSo when the bucket is not in use yet. The table grows by one bucket
%% when Size passes 5 per bucket (splitting bucket N+1-BSo) and shrinks
%% by one when it falls below 3 per bucket; the segment tuple doubles or
%% halves when N reaches MaxN or BSo. Elements are compared with =:=.
%%
%% The buckets follow OTP's exactly, including the order of elements
%% within them, so a set built by the same calls prints the same and
%% to_list/1 and fold/3 visit the elements in the same order. That needs
%% OTP's erlang:phash/2, which beamlet lacks: phash/2 below computes it.
%% Bad arguments raise what OTP's module raises (mostly function_clause).
-module(sets).

-export([new/0, new/1, from_list/1, from_list/2, is_set/1, size/1,
         is_empty/1, is_element/2, add_element/2, del_element/2,
         to_list/1, fold/3, filter/2, union/1, union/2, intersection/1,
         intersection/2, is_disjoint/2, subtract/2, is_subset/2]).

-define(SEG, 16).

new() ->
    Empty = erlang:make_tuple(16, []),
    {set, 0, 16, 16, 8, 80, 48, Empty, {Empty}}.

new(Opts) ->
    case proplists:get_value(version, Opts, 1) of
        1 -> new();
        2 -> erlang:error(badarg)
    end.

from_list(L) ->
    case L of
        [] -> new();
        [_ | _] -> add_list(L, new())
    end.

from_list(L, Opts) ->
    case proplists:get_value(version, Opts, 1) of
        1 -> from_list(L);
        2 -> erlang:error(badarg)
    end.

add_list([E | L], Set) -> add_list(L, add_element(E, Set));
add_list([], Set) -> Set.

is_set({set, _, _, _, _, _, _, _, _}) -> true;
is_set(_) -> false.

size({set, Size, _, _, _, _, _, _, _}) -> Size.

is_empty({set, Size, _, _, _, _, _, _, _}) -> Size =:= 0.

is_element(E, {set, _, _, _, _, _, _, _, Segs} = Set) ->
    lists:member(E, bucket(Segs, slot(Set, E))).

add_element(E, {set, _, _, _, _, _, _, _, Segs} = Set) ->
    Slot = slot(Set, E),
    Bucket = bucket(Segs, Slot),
    case lists:member(E, Bucket) of
        true -> Set;
        false -> grow(setelement(9, Set, put_bucket(Segs, Slot, [E | Bucket])))
    end.

del_element(E, {set, _, _, _, _, _, _, _, Segs} = Set) ->
    Slot = slot(Set, E),
    Bucket = bucket(Segs, Slot),
    case lists:member(E, Bucket) of
        true -> shrink(setelement(9, Set, put_bucket(Segs, Slot, lists:delete(E, Bucket))), 1);
        false -> Set
    end.

%% ---------------------------------------------------------------------
%% Folding, filtering
%% ---------------------------------------------------------------------

to_list({set, _, _, _, _, _, _, _, _} = Set) ->
    fold(fun(E, L) -> [E | L] end, [], Set).

%% The last segment first, its last bucket first; each bucket from its head.
fold(F, Acc, {set, _, _, _, _, _, _, _, Segs}) when is_function(F, 2) ->
    fold_segs(F, Acc, Segs, tuple_size(Segs)).

fold_segs(_, Acc, _, 0) -> Acc;
fold_segs(F, Acc, Segs, I) ->
    Seg = element(I, Segs),
    fold_segs(F, fold_seg(F, Acc, Seg, tuple_size(Seg)), Segs, I - 1).

fold_seg(_, Acc, _, 0) -> Acc;
fold_seg(F, Acc, Seg, I) ->
    fold_seg(F, fold_bucket(F, Acc, element(I, Seg)), Seg, I - 1).

fold_bucket(F, Acc, [E | Bucket]) -> fold_bucket(F, F(E, Acc), Bucket);
fold_bucket(_, Acc, []) -> Acc.

%% Buckets are visited first to last, and each comes out reversed (as
%% OTP's do); the table then shrinks by at most one bucket.
filter(F, {set, _, _, _, _, _, _, _, Segs} = Set) when is_function(F, 1) ->
    {Segs1, Removed} = filter_segs(F, tuple_to_list(Segs), [], 0),
    shrink(setelement(9, Set, list_to_tuple(Segs1)), Removed).

filter_segs(F, [Seg | Segs], Acc, N) ->
    {Buckets, N1} = filter_buckets(F, tuple_to_list(Seg), [], N),
    filter_segs(F, Segs, [list_to_tuple(Buckets) | Acc], N1);
filter_segs(_, [], Acc, N) -> {lists:reverse(Acc), N}.

filter_buckets(F, [B | Bs], Acc, N) ->
    {B1, N1} = filter_bucket(F, B, [], N),
    filter_buckets(F, Bs, [B1 | Acc], N1);
filter_buckets(_, [], Acc, N) -> {lists:reverse(Acc), N}.

filter_bucket(F, [E | Es], Kept, N) ->
    case F(E) of
        true -> filter_bucket(F, Es, [E | Kept], N);
        false -> filter_bucket(F, Es, Kept, N + 1)
    end;
filter_bucket(_, [], Kept, N) -> {Kept, N}.

%% ---------------------------------------------------------------------
%% Set operations
%% ---------------------------------------------------------------------

%% The smaller set's elements go into the larger one.
union({set, N1, _, _, _, _, _, _, _} = S1, {set, N2, _, _, _, _, _, _, _} = S2) ->
    case N1 < N2 of
        true -> fold(fun add_element/2, S2, S1);
        false -> fold(fun add_element/2, S1, S2)
    end.

union([S1, S2 | Sets]) -> union_all(union(S1, S2), Sets);
union([S]) -> S;
union([]) -> new().

union_all(Acc, [S | Sets]) -> union_all(union(Acc, S), Sets);
union_all(Acc, []) -> Acc.

%% The smaller set is filtered.
intersection({set, N1, _, _, _, _, _, _, _} = S1, {set, N2, _, _, _, _, _, _, _} = S2) ->
    case N1 < N2 of
        true -> filter(fun(E) -> is_element(E, S2) end, S1);
        false -> filter(fun(E) -> is_element(E, S1) end, S2)
    end.

intersection([S1, S2 | Sets]) -> intersection_all(intersection(S1, S2), Sets);
intersection([S]) -> S.

intersection_all(Acc, [S | Sets]) -> intersection_all(intersection(Acc, S), Sets);
intersection_all(Acc, []) -> Acc.

subtract({set, _, _, _, _, _, _, _, _} = S1, {set, _, _, _, _, _, _, _, _} = S2) ->
    filter(fun(E) -> not is_element(E, S2) end, S1).

is_subset({set, N1, _, _, _, _, _, _, _} = S1, {set, N2, _, _, _, _, _, _, _} = S2) ->
    N1 =< N2 andalso all(fun(E) -> is_element(E, S2) end, to_list(S1)).

is_disjoint({set, N1, _, _, _, _, _, _, _} = S1, {set, N2, _, _, _, _, _, _, _} = S2) ->
    case N1 < N2 of
        true -> not any(fun(E) -> is_element(E, S2) end, to_list(S1));
        false -> not any(fun(E) -> is_element(E, S1) end, to_list(S2))
    end.

all(P, [E | Es]) -> P(E) andalso all(P, Es);
all(_, []) -> true.

any(P, [E | Es]) -> P(E) orelse any(P, Es);
any(_, []) -> false.

%% ---------------------------------------------------------------------
%% The table
%% ---------------------------------------------------------------------

slot({set, _, N, MaxN, BSo, _, _, _, _}, E) ->
    case phash(E, MaxN) of
        H when H > N -> H - BSo;
        H -> H
    end.

bucket(Segs, Slot) ->
    I = Slot - 1,
    element(I rem ?SEG + 1, element(I div ?SEG + 1, Segs)).

put_bucket(Segs, Slot, Bucket) ->
    I = Slot - 1,
    SegI = I div ?SEG + 1,
    setelement(SegI, Segs, setelement(I rem ?SEG + 1, element(SegI, Segs), Bucket)).

%% One element was added: grow by a bucket if the load passes 5.
grow({set, Size, N, MaxN0, BSo0, ExpSize, _, Empty, Segs0}) when Size + 1 > ExpSize ->
    {MaxN, BSo, Segs} =
        case N =:= MaxN0 of
            true -> {2 * MaxN0, 2 * BSo0, widen(Segs0, Empty)};
            false -> {MaxN0, BSo0, Segs0}
        end,
    N1 = N + 1,
    From = N1 - BSo,
    {Stay, Move} = split(bucket(Segs, From), From, MaxN),
    Segs1 = put_bucket(put_bucket(Segs, From, Stay), N1, Move),
    {set, Size + 1, N1, MaxN, BSo, N1 * 5, N1 * 3, Empty, Segs1};
grow({set, Size, _, _, _, _, _, _, _} = Set) ->
    setelement(2, Set, Size + 1).

%% Removed elements are gone: shrink by a bucket if the load fell below 3.
shrink({set, Size, N, MaxN, BSo, _, ConSize, Empty, Segs}, Removed)
  when Size - Removed < ConSize, N > ?SEG ->
    Into = N - BSo,
    Segs1 = put_bucket(put_bucket(Segs, Into, bucket(Segs, Into) ++ bucket(Segs, N)), N, []),
    N1 = N - 1,
    case N1 =:= BSo of
        true ->
            {set, Size - Removed, N1, MaxN div 2, BSo div 2, N1 * 5, N1 * 3, Empty,
             narrow(Segs1)};
        false ->
            {set, Size - Removed, N1, MaxN, BSo, N1 * 5, N1 * 3, Empty, Segs1}
    end;
shrink({set, Size, _, _, _, _, _, _, _} = Set, Removed) ->
    setelement(2, Set, Size - Removed).

%% The elements of bucket From that stay and those that move to the new
%% bucket, each in their order.
split([E | Es], From, MaxN) ->
    {Stay, Move} = split(Es, From, MaxN),
    case phash(E, MaxN) of
        From -> {[E | Stay], Move};
        _ -> {Stay, [E | Move]}
    end;
split([], _, _) -> {[], []}.

widen(Segs, Empty) ->
    list_to_tuple(tuple_to_list(Segs) ++ lists:duplicate(tuple_size(Segs), Empty)).

narrow(Segs) ->
    list_to_tuple(lists:sublist(tuple_to_list(Segs), tuple_size(Segs) div 2)).

%% ---------------------------------------------------------------------
%% erlang:phash/2 (OTP's old term hash): 1 + (hash(Term) rem Range), the
%% hash a 32-bit value built by multiplying by primes just above 2^28 and
%% adding what each part of the term contributes. Pids, ports, refs, funs
%% and bit strings that are not binaries are hashed with phash2 instead:
%% their sets keep their own order here, not OTP's.
%% ---------------------------------------------------------------------

-define(P1, 268440163).
-define(P2, 268439161).
-define(P3, 268435459).
-define(P4, 268436141).
-define(P6, 268437017).
-define(P8, 268437511).
-define(P9, 268439627).
-define(M32, 16#FFFFFFFF).

phash(Term, Range) -> hash(Term, 0) rem Range + 1.

hash([], H) -> (H * ?P3 + 1) band ?M32;
hash(A, H) when is_atom(A) -> (H * ?P1 + atom_hash(atom_to_list(A), 0)) band ?M32;
hash(I, H) when is_integer(I), I >= 0 -> (int_bytes(I, H, 0) * ?P3) band ?M32;
hash(I, H) when is_integer(I) -> (int_bytes(-I, H, 0) * ?P4) band ?M32;
hash(F, H) when is_float(F) -> (H * ?P6 + float_word(F)) band ?M32;
hash([_ | _] = L, H) -> list_hash(L, H);
hash(T, H) when is_tuple(T) -> tuple_hash(T, 1, tuple_size(T), H);
hash(B, H) when is_binary(B) ->
    (bytes_hash(binary_to_list(B), H) * ?P4 + byte_size(B)) band ?M32;
hash(X, H) -> (H * ?P9 + erlang:phash2(X)) band ?M32.

%% Magnitude bytes, least significant first, in whole 32-bit words.
int_bytes(I, H, N) when I > 0; N rem 4 =/= 0; N =:= 0 ->
    int_bytes(I bsr 8, (H * ?P2 + (I band 255)) band ?M32, N + 1);
int_bytes(_, H, _) -> H.

%% The two 32-bit halves of the IEEE double, xor-ed; -0.0 counts as 0.0.
float_word(F) when F == 0 -> 0;
float_word(F) ->
    [131, 70, A, B, C, D, E, F1, G, H] = binary_to_list(term_to_binary(F)),
    (((A bxor E) bsl 24) bor ((B bxor F1) bsl 16) bor ((C bxor G) bsl 8) bor (D bxor H)).

%% A run of bytes at the head of a list is hashed byte by byte; any other
%% head as a term; the tail ending the list (not a cons) as a term, and
%% then the whole is multiplied once more.
list_hash([X | T], H) when is_integer(X), X >= 0, X =< 255 -> list_tail(T, (H * ?P2 + X) band ?M32);
list_hash([X | T], H) -> list_tail(T, hash(X, H)).

list_tail([_ | _] = T, H) -> list_hash(T, H);
list_tail(T, H) -> (hash(T, H) * ?P8) band ?M32.

tuple_hash(T, I, N, H) when I =< N -> tuple_hash(T, I + 1, N, hash(element(I, T), H));
tuple_hash(_, _, N, H) -> (H * ?P9 + N) band ?M32.

bytes_hash([X | Xs], H) -> bytes_hash(Xs, (H * ?P1 + X) band ?M32);
bytes_hash([], H) -> H.

%% hashpjw over the atom's name in UTF-8, except that a character below
%% 256 counts as itself (OTP decodes two-byte Latin-1 sequences back).
atom_hash([C | Cs], H) when C < 256 -> atom_hash(Cs, pjw(C, H));
atom_hash([C | Cs], H) -> atom_hash(Cs, lists:foldl(fun pjw/2, H, utf8(C)));
atom_hash([], H) -> H.

pjw(Byte, H0) ->
    H = (H0 bsl 4) + Byte,
    case H band 16#F0000000 of
        0 -> H;
        G -> (H bxor (G bsr 24)) bxor G
    end.

utf8(C) when C < 16#800 -> [16#C0 bor (C bsr 6), 16#80 bor (C band 63)];
utf8(C) when C < 16#10000 ->
    [16#E0 bor (C bsr 12), 16#80 bor ((C bsr 6) band 63), 16#80 bor (C band 63)];
utf8(C) ->
    [16#F0 bor (C bsr 18), 16#80 bor ((C bsr 12) band 63), 16#80 bor ((C bsr 6) band 63),
     16#80 bor (C band 63)].
