%% lists.erl - beamlet's list library, written in the Erlang subset that
%% beamlet's compiler accepts (no maps, no binary syntax, no other modules).
%%
%% Results, and the error class and reason raised on bad arguments, follow
%% Erlang/OTP 25's lists module; tests/lib/lists_test.erl checks that
%% against OTP itself. Functions that walk long lists to produce a single
%% value (foldl, reverse, seq, sum, sort's merges, ...) are tail recursive;
%% those that build a list element by element (map, filter, zip, ...) are
%% body recursive, as OTP's are.
-module(lists).

-export([all/2, any/2, append/1, append/2, concat/1, delete/2, droplast/1,
         dropwhile/2, duplicate/2, enumerate/1, enumerate/2, filter/2,
         filtermap/2, flatlength/1, flatmap/2, flatten/1, flatten/2,
         foldl/3, foldr/3, foreach/2, join/2, keydelete/3, keyfind/3,
         keymap/3, keymember/3, keymerge/3, keyreplace/4, keysearch/3,
         keysort/2, keystore/4, keytake/3, last/1, map/2, mapfoldl/3,
         mapfoldr/3, max/1, member/2, merge/1, merge/2, merge/3, min/1,
         nth/2, nthtail/2, partition/2, prefix/2, reverse/1, reverse/2,
         search/2, seq/2, seq/3, sort/1, sort/2, split/2, splitwith/2, sublist/2,
         sublist/3, subtract/2, suffix/2, sum/1, takewhile/2, ukeysort/2,
         umerge/2, uniq/1, uniq/2, unzip/1, unzip3/1, usort/1, usort/2,
         zf/2, zip/2, zip3/3, zipwith/3, zipwith3/4]).

%% ---------------------------------------------------------------------
%% Reversing, appending, flattening
%% ---------------------------------------------------------------------

%% reverse/1 raises function_clause for a non-list or a one-cell improper
%% list, and badarg for a longer improper one, as OTP's does.
reverse([] = L) -> L;
reverse([_] = L) -> L;
reverse([A, B | T]) -> reverse(T, [B, A]).

%% reverse(L, Tail): the elements of L in reverse order, followed by Tail.
reverse([H | T], Acc) -> reverse(T, [H | Acc]);
reverse([], Acc) -> Acc;
reverse(_, _) -> erlang:error(badarg).

append(A, B) -> A ++ B.

%% append(ListOfLists): the last list is the tail of the result as is;
%% the others are copied, last first, so the work is linear.
append(Ls) ->
    case rev_check(Ls, []) of
        [] -> [];
        [Last | Rest] -> append_rev(Rest, Last)
    end.

append_rev([H | T], Acc) -> append_rev(T, H ++ Acc);
append_rev([], Acc) -> Acc.

%% Reverses a list, raising function_clause if it is not a proper list.
rev_check([H | T], Acc) -> rev_check(T, [H | Acc]);
rev_check([], Acc) -> Acc.

subtract(A, B) -> A -- B.

concat(Things) -> append(concat_strings(Things)).

concat_strings([H | T]) -> [thing_to_list(H) | concat_strings(T)];
concat_strings([]) -> [].

thing_to_list(X) when is_integer(X) -> integer_to_list(X);
thing_to_list(X) when is_float(X) -> float_to_list(X);
thing_to_list(X) when is_atom(X) -> atom_to_list(X);
thing_to_list(X) when is_list(X) -> X.

flatten(L) when is_list(L) -> flat(L, []).

flatten(L, Tail) when is_list(L), is_list(Tail) -> flat(L, Tail).

%% flat(DeepList, Tail): the flattened DeepList followed by Tail.
flat([H | T], Tail) when is_list(H) -> flat(H, flat(T, Tail));
flat([H | T], Tail) -> [H | flat(T, Tail)];
flat([], Tail) -> Tail.

flatlength(L) -> flatlength(L, 0).

flatlength([H | T], N) when is_list(H) -> flatlength(T, flatlength(H, N));
flatlength([_ | T], N) -> flatlength(T, N + 1);
flatlength([], N) -> N.

join(_Sep, []) -> [];
join(Sep, [H | T]) -> [H | join_rest(Sep, T)].

join_rest(Sep, [H | T]) -> [Sep, H | join_rest(Sep, T)];
join_rest(_Sep, []) -> [].

%% ---------------------------------------------------------------------
%% Indexing and slicing
%% ---------------------------------------------------------------------

nth(1, [H | _]) -> H;
nth(N, [_ | T]) when N > 1 -> nth(N - 1, T).

nthtail(1, [_ | T]) -> T;
nthtail(N, [_ | T]) when N > 1 -> nthtail(N - 1, T);
nthtail(0, L) when is_list(L) -> L.

last([X]) -> X;
last([_ | T]) -> last(T).

droplast([_]) -> [];
droplast([H | T]) -> [H | droplast(T)].

duplicate(N, X) when is_integer(N), N >= 0 -> duplicate(N, X, []).

duplicate(0, _, Acc) -> Acc;
duplicate(N, X, Acc) -> duplicate(N - 1, X, [X | Acc]).

sublist(L, Len) when is_integer(Len), Len >= 0, is_list(L) -> take(L, Len).

%% take(L, N): the first N elements of L (fewer if L is shorter).
take([H | T], N) when N > 1 -> [H | take(T, N - 1)];
take([H | _], 1) -> [H];
take(_, 0) -> [];
take([], _) -> [].

%% sublist(L, Start, Len): OTP 25 returns [] when L ends before Start,
%% whatever Len is; Len is checked only once Start is reached.
sublist(L, 1, Len) -> sublist(L, Len);
sublist([], Start, _) when is_integer(Start), Start >= 2 -> [];
sublist([_ | T], Start, Len) when is_integer(Start), Start >= 2 ->
    sublist(T, Start - 1, Len).

split(N, L) when is_integer(N), N >= 0, is_list(L) ->
    case split_acc(N, L, []) of
        short -> erlang:error(badarg);
        Res -> Res
    end;
split(_, _) ->
    erlang:error(badarg).

split_acc(0, L, Acc) -> {reverse(Acc, []), L};
split_acc(N, [H | T], Acc) -> split_acc(N - 1, T, [H | Acc]);
split_acc(_, [], _) -> short.

prefix([X | P], [X | L]) -> prefix(P, L);
prefix([], L) when is_list(L) -> true;
prefix([_ | _], L) when is_list(L) -> false.

suffix(Suffix, L) ->
    D = length(L) - length(Suffix),
    D >= 0 andalso nthtail(D, L) =:= Suffix.

enumerate(L) -> enumerate(1, L).

enumerate(I, L) when is_integer(I), is_list(L) -> enumerate_from(I, L).

enumerate_from(I, [H | T]) -> [{I, H} | enumerate_from(I + 1, T)];
enumerate_from(_, []) -> [].

%% seq(From, To): From, From+1, ..., To; [] when To is From-1. Built from
%% the end so the loop is tail recursive.
seq(From, To) when is_integer(From), is_integer(To), From - 1 =< To ->
    seq_down(To, From, 1, []).

%% seq_down(X, Low, Step, Acc): X, X-Step, ... down to Low, prepended to Acc.
seq_down(X, Low, Step, Acc) when X >= Low -> seq_down(X - Step, Low, Step, [X | Acc]);
seq_down(_, _, _, Acc) -> Acc.

seq(From, To, Inc)
  when is_integer(From), is_integer(To), is_integer(Inc), Inc > 0,
       From - Inc =< To ->
    if From > To -> [];
       true -> seq_down(From + ((To - From) div Inc) * Inc, From, Inc, [])
    end;
seq(From, To, Inc)
  when is_integer(From), is_integer(To), is_integer(Inc), Inc < 0,
       From - Inc >= To ->
    if From < To -> [];
       true -> seq_up(From - ((From - To) div (-Inc)) * (-Inc), From, Inc, [])
    end;
seq(From, From, 0) when is_integer(From) ->
    [From];
seq(_, _, _) ->
    erlang:error(badarg).

%% seq_up(X, High, Step, Acc), Step < 0: X, X-Step, ... up to High.
seq_up(X, High, Step, Acc) when X =< High -> seq_up(X - Step, High, Step, [X | Acc]);
seq_up(_, _, _, Acc) -> Acc.

%% ---------------------------------------------------------------------
%% Numbers, membership
%% ---------------------------------------------------------------------

sum(L) -> sum(L, 0).

sum([H | T], Acc) -> sum(T, Acc + H);
sum([], Acc) -> Acc.

%% max/min keep the first of several elements that compare equal.
max([H | T]) -> max_1(T, H).

max_1([H | T], M) when H > M -> max_1(T, H);
max_1([_ | T], M) -> max_1(T, M);
max_1([], M) -> M.

min([H | T]) -> min_1(T, H).

min_1([H | T], M) when H < M -> min_1(T, H);
min_1([_ | T], M) -> min_1(T, M);
min_1([], M) -> M.

%% member/2 matches exactly (=:=); an improper tail reached before the
%% element is found is badarg, as for OTP's built-in version.
member(X, [X | _]) -> true;
member(X, [_ | T]) -> member(X, T);
member(_, []) -> false;
member(_, _) -> erlang:error(badarg).

delete(X, L) -> delete(X, L, []).

delete(X, [X | T], Acc) -> reverse(Acc, T);
delete(X, [H | T], Acc) -> delete(X, T, [H | Acc]);
delete(_, [], Acc) -> reverse(Acc, []).

%% ---------------------------------------------------------------------
%% Higher-order functions
%% ---------------------------------------------------------------------

map(F, L) when is_function(F, 1) ->
    case L of
        [H | T] -> [F(H) | map_1(F, T)];
        [] -> []
    end.

map_1(F, [H | T]) -> [F(H) | map_1(F, T)];
map_1(_, []) -> [].

flatmap(F, L) when is_function(F, 1) -> flatmap_1(F, L).

flatmap_1(F, [H | T]) -> F(H) ++ flatmap_1(F, T);
flatmap_1(_, []) -> [].

foldl(F, Acc, L) when is_function(F, 2) ->
    case L of
        [H | T] -> foldl_1(F, F(H, Acc), T);
        [] -> Acc
    end.

foldl_1(F, Acc, [H | T]) -> foldl_1(F, F(H, Acc), T);
foldl_1(_, Acc, []) -> Acc.

foldr(F, Acc, L) when is_function(F, 2) -> foldr_1(F, Acc, L).

foldr_1(F, Acc, [H | T]) -> F(H, foldr_1(F, Acc, T));
foldr_1(_, Acc, []) -> Acc.

foreach(F, L) when is_function(F, 1) -> foreach_1(F, L).

foreach_1(F, [H | T]) -> F(H), foreach_1(F, T);
foreach_1(_, []) -> ok.

%% filter raises {bad_filter, V} when the predicate returns a non-boolean
%% and {bad_generator, Tail} on an improper list, as a list comprehension.
filter(P, L) when is_function(P, 1) -> filter_1(P, L).

filter_1(P, [H | T]) ->
    case P(H) of
        true -> [H | filter_1(P, T)];
        false -> filter_1(P, T);
        V -> erlang:error({bad_filter, V})
    end;
filter_1(_, []) -> [];
filter_1(_, T) -> erlang:error({bad_generator, T}).

filtermap(F, L) when is_function(F, 1) -> filtermap_1(F, L).

filtermap_1(F, [H | T]) ->
    case F(H) of
        false -> filtermap_1(F, T);
        true -> [H | filtermap_1(F, T)];
        {true, V} -> [V | filtermap_1(F, T)]
    end;
filtermap_1(_, []) -> [].

%% zf/2 is the old name of filtermap/2.
zf(F, L) -> filtermap(F, L).

%% search(P, L): {value, X} for the first X of L with P(X), else false.
search(P, L) when is_function(P, 1) -> search_1(P, L).

search_1(P, [H | T]) ->
    case P(H) of
        true -> {value, H};
        false -> search_1(P, T)
    end;
search_1(_, []) -> false.

all(P, L) when is_function(P, 1) ->
    case L of
        [H | T] ->
            case P(H) of
                true -> all_1(P, T);
                false -> false
            end;
        [] -> true
    end.

all_1(P, [H | T]) ->
    case P(H) of
        true -> all_1(P, T);
        false -> false
    end;
all_1(_, []) -> true.

any(P, L) when is_function(P, 1) ->
    case L of
        [H | T] ->
            case P(H) of
                true -> true;
                false -> any_1(P, T)
            end;
        [] -> false
    end.

any_1(P, [H | T]) ->
    case P(H) of
        true -> true;
        false -> any_1(P, T)
    end;
any_1(_, []) -> false.

takewhile(P, L) when is_function(P, 1) -> takewhile_1(P, L).

takewhile_1(P, [H | T]) ->
    case P(H) of
        true -> [H | takewhile_1(P, T)];
        false -> []
    end;
takewhile_1(_, []) -> [].

dropwhile(P, L) when is_function(P, 1) -> dropwhile_1(P, L).

dropwhile_1(P, [H | T] = L) ->
    case P(H) of
        true -> dropwhile_1(P, T);
        false -> L
    end;
dropwhile_1(_, []) -> [].

splitwith(P, L) when is_function(P, 1) -> splitwith_1(P, L, []).

splitwith_1(P, [H | T] = L, Acc) ->
    case P(H) of
        true -> splitwith_1(P, T, [H | Acc]);
        false -> {reverse(Acc, []), L}
    end;
splitwith_1(_, [], Acc) -> {reverse(Acc, []), []}.

partition(P, L) when is_function(P, 1) -> partition_1(P, L, [], []).

partition_1(P, [H | T], Yes, No) ->
    case P(H) of
        true -> partition_1(P, T, [H | Yes], No);
        false -> partition_1(P, T, Yes, [H | No])
    end;
partition_1(_, [], Yes, No) -> {reverse(Yes, []), reverse(No, [])}.

mapfoldl(F, Acc, L) when is_function(F, 2) -> mapfoldl_1(F, Acc, L).

mapfoldl_1(F, Acc0, [H | T]) ->
    {R, Acc1} = F(H, Acc0),
    {Rs, Acc2} = mapfoldl_1(F, Acc1, T),
    {[R | Rs], Acc2};
mapfoldl_1(_, Acc, []) -> {[], Acc}.

mapfoldr(F, Acc, L) when is_function(F, 2) -> mapfoldr_1(F, Acc, L).

mapfoldr_1(F, Acc0, [H | T]) ->
    {Rs, Acc1} = mapfoldr_1(F, Acc0, T),
    {R, Acc2} = F(H, Acc1),
    {[R | Rs], Acc2};
mapfoldr_1(_, Acc, []) -> {[], Acc}.

%% ---------------------------------------------------------------------
%% Zipping
%% ---------------------------------------------------------------------

zip([A | As], [B | Bs]) -> [{A, B} | zip(As, Bs)];
zip([], []) -> [].

zip3([A | As], [B | Bs], [C | Cs]) -> [{A, B, C} | zip3(As, Bs, Cs)];
zip3([], [], []) -> [].

zipwith(F, [A | As], [B | Bs]) -> [F(A, B) | zipwith(F, As, Bs)];
zipwith(F, [], []) when is_function(F, 2) -> [].

zipwith3(F, [A | As], [B | Bs], [C | Cs]) ->
    [F(A, B, C) | zipwith3(F, As, Bs, Cs)];
zipwith3(F, [], [], []) when is_function(F, 3) -> [].

unzip(L) -> unzip(L, [], []).

unzip([{A, B} | T], As, Bs) -> unzip(T, [A | As], [B | Bs]);
unzip([], As, Bs) -> {reverse(As, []), reverse(Bs, [])}.

unzip3(L) -> unzip3(L, [], [], []).

unzip3([{A, B, C} | T], As, Bs, Cs) -> unzip3(T, [A | As], [B | Bs], [C | Cs]);
unzip3([], As, Bs, Cs) -> {reverse(As, []), reverse(Bs, []), reverse(Cs, [])}.

%% ---------------------------------------------------------------------
%% Tuple lists (keys compare with ==, like OTP's)
%% ---------------------------------------------------------------------

%% True when T is a tuple with at least N elements whose Nth equals K.
key_hit(K, N, T) ->
    is_tuple(T) andalso tuple_size(T) >= N andalso element(N, T) == K.

keyfind(K, N, L) when is_integer(N), N > 0 -> keyfind_1(K, N, L);
keyfind(_, _, _) -> erlang:error(badarg).

keyfind_1(K, N, [H | T]) ->
    case key_hit(K, N, H) of
        true -> H;
        false -> keyfind_1(K, N, T)
    end;
keyfind_1(_, _, []) -> false;
keyfind_1(_, _, _) -> erlang:error(badarg).

keymember(K, N, L) -> keyfind(K, N, L) =/= false.

keysearch(K, N, L) ->
    case keyfind(K, N, L) of
        false -> false;
        T -> {value, T}
    end.

keydelete(K, N, L) when is_integer(N), N > 0 -> keydelete_1(K, N, L, []).

keydelete_1(K, N, [H | T], Acc) ->
    case key_hit(K, N, H) of
        true -> reverse(Acc, T);
        false -> keydelete_1(K, N, T, [H | Acc])
    end;
keydelete_1(_, _, [], Acc) -> reverse(Acc, []).

keyreplace(K, N, L, New) when is_integer(N), N > 0, is_tuple(New) ->
    keyreplace_1(K, N, L, New, []).

keyreplace_1(K, N, [H | T], New, Acc) ->
    case key_hit(K, N, H) of
        true -> reverse(Acc, [New | T]);
        false -> keyreplace_1(K, N, T, New, [H | Acc])
    end;
keyreplace_1(_, _, [], _, Acc) -> reverse(Acc, []).

keystore(K, N, L, New) when is_integer(N), N > 0, is_tuple(New) ->
    keystore_1(K, N, L, New, []).

keystore_1(K, N, [H | T], New, Acc) ->
    case key_hit(K, N, H) of
        true -> reverse(Acc, [New | T]);
        false -> keystore_1(K, N, T, New, [H | Acc])
    end;
keystore_1(_, _, [], New, Acc) -> reverse(Acc, [New]).

keytake(K, N, L) when is_integer(N), N > 0 -> keytake_1(K, N, L, []).

keytake_1(K, N, [H | T], Acc) ->
    case key_hit(K, N, H) of
        true -> {value, H, reverse(Acc, T)};
        false -> keytake_1(K, N, T, [H | Acc])
    end;
keytake_1(_, _, [], _) -> false.

keymap(F, N, [H | T]) ->
    [setelement(N, H, F(element(N, H))) | keymap(F, N, T)];
keymap(F, N, []) when is_function(F, 1), is_integer(N), N > 0 -> [].

%% ---------------------------------------------------------------------
%% Sorting and merging
%%
%% All sorts are merge sorts: the input is cut into sorted runs, then runs
%% are merged pairwise until one is left. Merges are stable with respect
%% to the order of the runs (the earlier run in the list wins ties). To
%% keep every merge tail recursive without reversing each result, passes
%% alternate: a pass over ascending runs produces descending ones and the
%% next pass merges those back into ascending ones.
%%
%% sort/2, keysort/2, usort/1,2 and ukeysort/2 are stable, as OTP
%% documents them: they use natural runs (non-decreasing ones, and
%% strictly decreasing ones reversed). sort/1 is not stable in OTP: terms
%% that compare equal without being identical (1 and 1.0) come out in an
%% order that depends on how OTP cuts the input into runs. So that output
%% matches OTP's byte for byte, sort/1 cuts runs the way OTP's does (see
%% asc_runs/desc_runs); since merges only ever combine adjacent runs and
%% are stable, the result then depends only on the runs and their order.
%% ---------------------------------------------------------------------

sort([X, Y | L] = L0) when X =< Y ->
    case L of
        [] -> L0;
        [Z] when Y =< Z -> L0;
        [Z] when X =< Z -> [X, Z, Y];
        [Z] -> [Z, X, Y];
        _ when X == Y -> equal_prefix(Y, L, [X]);
        _ -> asc_runs(X, Y, L, [], [])
    end;
sort([X, Y | L]) ->
    case L of
        [] -> [Y, X];
        [Z] when X =< Z -> [Y, X, Z];
        [Z] when Y =< Z -> [Y, Z, X];
        [Z] -> [Z, Y, X];
        _ -> desc_runs(X, Y, L, [], [])
    end;
sort([_] = L) -> L;
sort([] = L) -> L.

%% A list starting with several equal elements: they seed the first run.
equal_prefix(X, [Y | L], R) when X == Y -> equal_prefix(Y, L, [X | R]);
equal_prefix(X, [Y | L], R) when X < Y -> asc_runs(X, Y, L, R, []);
equal_prefix(X, [Y | L], R) -> desc_runs(X, Y, L, R, []);
equal_prefix(X, [], R) -> reverse(R, [X]).

%% asc_runs(X, Y, L, R, Runs) builds a non-decreasing run whose last two
%% elements are X =< Y, with the ones before them in R (reversed). Runs
%% holds the finished runs, each reversed, latest first. An element Z
%% below Y joins the run if it is not below X (going between X and Y), or
%% at its start while the run has only two elements; otherwise it is set
%% aside as S (asc_runs_s) and starts the next run with the next element
%% that does not fit. Here earlier runs win ties.
asc_runs(X, Y, [Z | L], R, Rs) when Z >= Y -> asc_runs(Y, Z, L, [X | R], Rs);
asc_runs(X, Y, [Z | L], R, Rs) when Z >= X -> asc_runs(Z, Y, L, [X | R], Rs);
asc_runs(X, Y, [Z | L], [], Rs) -> asc_runs(X, Y, L, [Z], Rs);
asc_runs(X, Y, [Z | L], R, Rs) -> asc_runs_s(X, Y, L, R, Rs, Z);
asc_runs(X, Y, [], R, Rs) -> merge_runs(reverse([[Y, X | R] | Rs], []), down).

asc_runs_s(X, Y, [Z | L], R, Rs, S) when Z >= Y -> asc_runs_s(Y, Z, L, [X | R], Rs, S);
asc_runs_s(X, Y, [Z | L], R, Rs, S) when Z >= X -> asc_runs_s(Z, Y, L, [X | R], Rs, S);
asc_runs_s(X, Y, [Z | L], R, Rs, S) when S =< Z -> asc_runs(S, Z, L, [], [[Y, X | R] | Rs]);
asc_runs_s(X, Y, [Z | L], R, Rs, S) -> asc_runs(Z, S, L, [], [[Y, X | R] | Rs]);
asc_runs_s(X, Y, [], R, Rs, S) ->
    merge_runs(reverse([[S], [Y, X | R] | Rs], []), down).

%% desc_runs: the mirror image, for a list that starts decreasing. Runs
%% are non-increasing, so [Y, X | R] is ascending; here later runs win
%% ties, so Runs (latest first) is already in priority order.
desc_runs(X, Y, [Z | L], R, Rs) when Z =< Y -> desc_runs(Y, Z, L, [X | R], Rs);
desc_runs(X, Y, [Z | L], R, Rs) when Z =< X -> desc_runs(Z, Y, L, [X | R], Rs);
desc_runs(X, Y, [Z | L], [], Rs) -> desc_runs(X, Y, L, [Z], Rs);
desc_runs(X, Y, [Z | L], R, Rs) -> desc_runs_s(X, Y, L, R, Rs, Z);
desc_runs(X, Y, [], R, Rs) -> merge_runs([[Y, X | R] | Rs], up).

desc_runs_s(X, Y, [Z | L], R, Rs, S) when Z =< Y -> desc_runs_s(Y, Z, L, [X | R], Rs, S);
desc_runs_s(X, Y, [Z | L], R, Rs, S) when Z =< X -> desc_runs_s(Z, Y, L, [X | R], Rs, S);
desc_runs_s(X, Y, [Z | L], R, Rs, S) when S > Z -> desc_runs(S, Z, L, [], [[Y, X | R] | Rs]);
desc_runs_s(X, Y, [Z | L], R, Rs, S) -> desc_runs(Z, S, L, [], [[Y, X | R] | Rs]);
desc_runs_s(X, Y, [], R, Rs, S) -> merge_runs([[S], [Y, X | R] | Rs], up).

%% A stable sort by term order (used by usort/1).
stable_sort([_, _ | _] = L) -> merge_runs(reverse(runs(L, []), []), up);
stable_sort(L) -> L.

%% runs(List, Acc): the natural runs of List, as ascending lists, latest
%% first. A strictly decreasing run, collected by prepending, is ascending.
runs([X, Y | T], Acc) when X =< Y -> run_up(Y, T, [Y, X], Acc);
runs([X, Y | T], Acc) -> run_down(Y, T, [Y, X], Acc);
runs([X], Acc) -> [[X] | Acc];
runs([], Acc) -> Acc.

%% run_up: Run holds the current non-decreasing run reversed (Last first).
run_up(Last, [Y | T], Run, Acc) when Last =< Y -> run_up(Y, T, [Y | Run], Acc);
run_up(_, T, Run, Acc) -> runs(T, [reverse(Run, []) | Acc]).

run_down(Last, [Y | T], Run, Acc) when Last > Y -> run_down(Y, T, [Y | Run], Acc);
run_down(_, T, Run, Acc) -> runs(T, [Run | Acc]).

%% merge_runs(Runs, Dir): Runs in priority order (an earlier run's element
%% goes first among equal ones), all ascending (up) or all descending
%% (down). Returns the single sorted, ascending list.
merge_runs([R], up) -> R;
merge_runs([R], down) -> reverse(R, []);
merge_runs(Runs, up) -> merge_runs(reverse(pass_up(Runs, []), []), down);
merge_runs(Runs, down) -> merge_runs(reverse(pass_down(Runs, []), []), up).

%% One pass over ascending runs: each pair A, B becomes one descending
%% run. The output is in reverse order.
pass_up([A, B | Rs], Acc) -> pass_up(Rs, [merge_up(A, B, []) | Acc]);
pass_up([A], Acc) -> [rev_check(A, []) | Acc];
pass_up([], Acc) -> Acc.

%% Merges ascending A and B into a descending list; on ties A's element
%% is taken first (so ends up deeper in the result, i.e. before B's once
%% the result is reversed).
merge_up([X | Xs], [Y | Ys], Acc) -> merge_up_1(X, Xs, Y, Ys, Acc);
merge_up([], B, Acc) when is_list(B) -> reverse(B, Acc);
merge_up([_ | _] = A, [], Acc) -> reverse(A, Acc).

%% The heads X and Y are kept apart so that only the list advanced is
%% matched again.
merge_up_1(X, Xs, Y, Ys, Acc) when X =< Y ->
    case Xs of
        [X1 | Xs1] -> merge_up_1(X1, Xs1, Y, Ys, [X | Acc]);
        [] -> reverse(Ys, [Y, X | Acc])
    end;
merge_up_1(X, Xs, Y, Ys, Acc) ->
    case Ys of
        [Y1 | Ys1] -> merge_up_1(X, Xs, Y1, Ys1, [Y | Acc]);
        [] -> reverse(Xs, [X, Y | Acc])
    end.

pass_down([A, B | Rs], Acc) -> pass_down(Rs, [merge_down(A, B, []) | Acc]);
pass_down([A], Acc) -> [rev_check(A, []) | Acc];
pass_down([], Acc) -> Acc.

%% Merges descending A and B into an ascending list: the larger head is
%% taken first, and on ties B's, so that A's element ends up before it.
merge_down([X | Xs], [Y | Ys], Acc) -> merge_down_1(X, Xs, Y, Ys, Acc);
merge_down([], B, Acc) when is_list(B) -> reverse(B, Acc);
merge_down([_ | _] = A, [], Acc) -> reverse(A, Acc).

merge_down_1(X, Xs, Y, Ys, Acc) when X > Y ->
    case Xs of
        [X1 | Xs1] -> merge_down_1(X1, Xs1, Y, Ys, [X | Acc]);
        [] -> reverse(Ys, [Y, X | Acc])
    end;
merge_down_1(X, Xs, Y, Ys, Acc) ->
    case Ys of
        [Y1 | Ys1] -> merge_down_1(X, Xs, Y1, Ys1, [Y | Acc]);
        [] -> reverse(Xs, [X, Y | Acc])
    end.

%% sort/2: the natural merge sort of stable_sort/1, with a "less than or
%% equal" fun Le.
sort(Le, [_, _ | _] = L) ->
    fmerge_passes(Le, fruns(Le, L, []), up);
sort(Le, [_] = L) when is_function(Le, 2) -> L;
sort(Le, []) when is_function(Le, 2) -> [].

fruns(Le, [X, Y | T], Acc) ->
    case Le(X, Y) of
        true -> frun_up(Le, Y, T, [Y, X], Acc);
        false -> frun_down(Le, Y, T, [Y, X], Acc)
    end;
fruns(_, [X], Acc) -> [[X] | Acc];
fruns(_, [], Acc) -> Acc.

frun_up(Le, Last, [Y | T] = L, Run, Acc) ->
    case Le(Last, Y) of
        true -> frun_up(Le, Y, T, [Y | Run], Acc);
        false -> fruns(Le, L, [reverse(Run, []) | Acc])
    end;
frun_up(Le, _, [], Run, Acc) -> fruns(Le, [], [reverse(Run, []) | Acc]).

frun_down(Le, Last, [Y | T] = L, Run, Acc) ->
    case Le(Last, Y) of
        false -> frun_down(Le, Y, T, [Y | Run], Acc);
        true -> fruns(Le, L, [Run | Acc])
    end;
frun_down(Le, _, [], Run, Acc) -> fruns(Le, [], [Run | Acc]).

fmerge_passes(_, [R], up) -> R;
fmerge_passes(_, [R], down) -> reverse(R, []);
fmerge_passes(Le, RevRuns, up) ->
    fmerge_passes(Le, fpass_up(Le, reverse(RevRuns, []), []), down);
fmerge_passes(Le, RevRuns, down) ->
    fmerge_passes(Le, fpass_down(Le, reverse(RevRuns, []), []), up).

fpass_up(Le, [A, B | Rs], Acc) -> fpass_up(Le, Rs, [fmerge_up(Le, A, B, []) | Acc]);
fpass_up(_, [A], Acc) -> [reverse(A, []) | Acc];
fpass_up(_, [], Acc) -> Acc.

fmerge_up(Le, [X | Xs], [Y | Ys], Acc) -> fmerge_up_1(Le, X, Xs, Y, Ys, Acc);
fmerge_up(_, [], B, Acc) -> reverse(B, Acc);
fmerge_up(_, A, [], Acc) -> reverse(A, Acc).

fmerge_up_1(Le, X, Xs, Y, Ys, Acc) ->
    case Le(X, Y) of
        true ->
            case Xs of
                [X1 | Xs1] -> fmerge_up_1(Le, X1, Xs1, Y, Ys, [X | Acc]);
                [] -> reverse(Ys, [Y, X | Acc])
            end;
        false ->
            case Ys of
                [Y1 | Ys1] -> fmerge_up_1(Le, X, Xs, Y1, Ys1, [Y | Acc]);
                [] -> reverse(Xs, [X, Y | Acc])
            end
    end.

fpass_down(Le, [A, B | Rs], Acc) -> fpass_down(Le, Rs, [fmerge_down(Le, A, B, []) | Acc]);
fpass_down(_, [A], Acc) -> [reverse(A, []) | Acc];
fpass_down(_, [], Acc) -> Acc.

fmerge_down(Le, [X | Xs], [Y | Ys], Acc) -> fmerge_down_1(Le, X, Xs, Y, Ys, Acc);
fmerge_down(_, [], B, Acc) -> reverse(B, Acc);
fmerge_down(_, A, [], Acc) -> reverse(A, Acc).

fmerge_down_1(Le, X, Xs, Y, Ys, Acc) ->
    case Le(X, Y) of
        false ->
            case Xs of
                [X1 | Xs1] -> fmerge_down_1(Le, X1, Xs1, Y, Ys, [X | Acc]);
                [] -> reverse(Ys, [Y, X | Acc])
            end;
        true ->
            case Ys of
                [Y1 | Ys1] -> fmerge_down_1(Le, X, Xs, Y1, Ys1, [Y | Acc]);
                [] -> reverse(Xs, [X, Y | Acc])
            end
    end.

%% keysort/2 is stable, except for one quirk of OTP's, reproduced here: a
%% list of four or more elements that starts with several tuples equal as
%% a whole (==, e.g. {1, a} and {1.0, a}) followed by one with a smaller
%% key comes out with those first tuples in reverse order. Like OTP's,
%% keysort/ukeysort look at element N only when there are two elements or
%% more (so [X] is returned as is) and raise case_clause for a non-list.
keysort(N, L) when is_integer(N), N > 0 ->
    case L of
        [] -> L;
        [_] -> L;
        [X, Y, _, _ | _] when X == Y -> key_sort(N, equal_head(N, L, []));
        [_, _ | _] -> key_sort(N, L)
    end.

%% key_sort(N, L): a stable sort on element N: natural runs merged
%% pairwise as in stable_sort/1, with the key of each held head kept
%% beside it so element/2 is called once per element and merge step.
key_sort(N, L) -> kmerge_runs(N, reverse(kruns(N, L, []), []), up).

kruns(N, [X, Y | T], Acc) ->
    KY = element(N, Y),
    case element(N, X) =< KY of
        true -> krun_up(N, KY, T, [Y, X], Acc);
        false -> krun_down(N, KY, T, [Y, X], Acc)
    end;
kruns(_, [X], Acc) -> [[X] | Acc];
kruns(_, [], Acc) -> Acc.

krun_up(N, KLast, [Y | T] = L, Run, Acc) ->
    KY = element(N, Y),
    if KLast =< KY -> krun_up(N, KY, T, [Y | Run], Acc);
       true -> kruns(N, L, [reverse(Run, []) | Acc])
    end;
krun_up(N, _, [], Run, Acc) -> kruns(N, [], [reverse(Run, []) | Acc]).

krun_down(N, KLast, [Y | T] = L, Run, Acc) ->
    KY = element(N, Y),
    if KLast > KY -> krun_down(N, KY, T, [Y | Run], Acc);
       true -> kruns(N, L, [Run | Acc])
    end;
krun_down(N, _, [], Run, Acc) -> kruns(N, [], [Run | Acc]).

kmerge_runs(_, [R], up) -> R;
kmerge_runs(_, [R], down) -> reverse(R, []);
kmerge_runs(N, Runs, up) -> kmerge_runs(N, reverse(kpass_up(N, Runs, []), []), down);
kmerge_runs(N, Runs, down) -> kmerge_runs(N, reverse(kpass_down(N, Runs, []), []), up).

kpass_up(N, [[X | Xs], [Y | Ys] | Rs], Acc) ->
    kpass_up(N, Rs, [kmerge_up(N, X, element(N, X), Xs, Y, element(N, Y), Ys, []) | Acc]);
kpass_up(_, [A], Acc) -> [reverse(A, []) | Acc];
kpass_up(_, [], Acc) -> Acc.

%% As merge_up_1, comparing the keys KX and KY of the heads X and Y.
kmerge_up(N, X, KX, Xs, Y, KY, Ys, Acc) when KX =< KY ->
    case Xs of
        [X1 | Xs1] -> kmerge_up(N, X1, element(N, X1), Xs1, Y, KY, Ys, [X | Acc]);
        [] -> reverse(Ys, [Y, X | Acc])
    end;
kmerge_up(N, X, KX, Xs, Y, _, Ys, Acc) ->
    case Ys of
        [Y1 | Ys1] -> kmerge_up(N, X, KX, Xs, Y1, element(N, Y1), Ys1, [Y | Acc]);
        [] -> reverse(Xs, [X, Y | Acc])
    end.

kpass_down(N, [[X | Xs], [Y | Ys] | Rs], Acc) ->
    kpass_down(N, Rs, [kmerge_down(N, X, element(N, X), Xs, Y, element(N, Y), Ys, []) | Acc]);
kpass_down(_, [A], Acc) -> [reverse(A, []) | Acc];
kpass_down(_, [], Acc) -> Acc.

kmerge_down(N, X, KX, Xs, Y, KY, Ys, Acc) when KX > KY ->
    case Xs of
        [X1 | Xs1] -> kmerge_down(N, X1, element(N, X1), Xs1, Y, KY, Ys, [X | Acc]);
        [] -> reverse(Ys, [Y, X | Acc])
    end;
kmerge_down(N, X, KX, Xs, Y, _, Ys, Acc) ->
    case Ys of
        [Y1 | Ys1] -> kmerge_down(N, X, KX, Xs, Y1, element(N, Y1), Ys1, [Y | Acc]);
        [] -> reverse(Xs, [X, Y | Acc])
    end.

%% equal_head(N, L, Acc): L with its leading run of == elements reversed
%% when the element after them has a smaller key (see keysort/2).
equal_head(N, [X, Y | T], Acc) when X == Y -> equal_head(N, [Y | T], [X | Acc]);
equal_head(N, [X, Y | T], Acc) ->
    case element(N, Y) < element(N, X) of
        true -> [X | Acc] ++ [Y | T];
        false -> reverse(Acc, [X, Y | T])
    end;
equal_head(_, [X], Acc) -> reverse(Acc, [X]).

key_le(N) -> fun(A, B) -> element(N, A) =< element(N, B) end.

usort(L) -> dedup(stable_sort(L)).

%% dedup(Sorted): drops each element equal (==) to the one before it.
dedup([X | T]) -> [X | dedup(X, T)];
dedup([]) -> [].

dedup(X, [Y | T]) when X == Y -> dedup(X, T);
dedup(_, [Y | T]) -> [Y | dedup(Y, T)];
dedup(_, []) -> [].

%% usort(Le, L): after a stable sort, Y following X is a duplicate when
%% Le(Y, X) holds too (X =< Y being known).
usort(Le, L) when is_function(Le, 2) ->
    case sort(Le, L) of
        [X | T] -> [X | fdedup(Le, X, T)];
        [] -> []
    end.

fdedup(Le, X, [Y | T]) ->
    case Le(Y, X) of
        true -> fdedup(Le, X, T);
        false -> [Y | fdedup(Le, Y, T)]
    end;
fdedup(_, _, []) -> [].

ukeysort(N, L) when is_integer(N), N > 0 ->
    case L of
        [] -> L;
        [_] -> L;
        [_, _ | _] -> kdedup(N, key_sort(N, L))
    end.

kdedup(N, [X | T]) -> [X | kdedup(N, element(N, X), T)].

kdedup(N, K, [Y | T]) ->
    case element(N, Y) of
        KY when KY == K -> kdedup(N, K, T);
        KY -> [Y | kdedup(N, KY, T)]
    end;
kdedup(_, _, []) -> [].

%% uniq(L): L without the elements that exactly equal (=:=) an earlier
%% one, in their original order. Without maps this pairs each element
%% with its position and sorts the pairs (positions differ, so no two
%% pairs compare equal); equal (==) elements then sit together ordered by
%% position, the first of each exact value is kept, and a second sort on
%% positions restores the original order: O(n log n).
uniq(L) when is_list(L) -> uniq_by(L, L).

uniq(F, L) when is_function(F, 1), is_list(L) -> uniq_by(map(F, L), L).

%% uniq_by(Keys, L): the elements of L whose key is the first of its
%% value: the positions to keep, sorted, pick them out of L.
uniq_by(Keys, L) -> pick(sort(uniq_groups(sort(tag(Keys, 1)), [])), L, 1).

tag([K | Ks], I) -> [{K, I} | tag(Ks, I + 1)];
tag([], _) -> [].

%% Walks {Key, Index} sorted by Key then Index; Seen holds the distinct
%% keys kept so far in the current group of == keys. Returns the indexes
%% of the elements to keep.
uniq_groups([{K, I} | T], Acc) -> uniq_group(T, K, [K], [I | Acc]);
uniq_groups([], Acc) -> Acc.

uniq_group([{K, I} | T], G, Seen, Acc) when K == G ->
    case member(K, Seen) of
        true -> uniq_group(T, G, Seen, Acc);
        false -> uniq_group(T, G, [K | Seen], [I | Acc])
    end;
uniq_group(T, _, _, Acc) -> uniq_groups(T, Acc).

%% pick(Indexes, L, I): the elements of L at the (ascending) Indexes; the
%% head of L is at index I.
pick([I | Is], [X | Xs], I) -> [X | pick(Is, Xs, I + 1)];
pick([_ | _] = Is, [_ | Xs], I) -> pick(Is, Xs, I + 1);
pick([], _, _) -> [].

%% merge(A, B): both sorted; on ties A's element goes first. When one
%% list runs out, the rest of the other is walked too (badarg if it is
%% improper), as in OTP.
merge(A, []) -> A;
merge(A, [_ | _] = B) -> reverse(merge2(A, B, []), []).

merge2([X | Xs] = A, [Y | Ys] = B, Acc) ->
    if X =< Y -> merge2(Xs, B, [X | Acc]);
       true -> merge2(A, Ys, [Y | Acc])
    end;
merge2([], B, Acc) -> reverse(B, Acc);
merge2(A, [], Acc) -> reverse(A, Acc).

merge(Le, A, []) when is_function(Le, 2) -> A;
merge(Le, A, [_ | _] = B) when is_function(Le, 2) -> reverse(fmerge2(Le, A, B, []), []).

fmerge2(Le, [X | Xs] = A, [Y | Ys] = B, Acc) ->
    case Le(X, Y) of
        true -> fmerge2(Le, Xs, B, [X | Acc]);
        false -> fmerge2(Le, A, Ys, [Y | Acc])
    end;
fmerge2(_, [], B, Acc) -> reverse(B, Acc);
fmerge2(_, A, [], Acc) -> reverse(A, Acc).

%% merge(ListOfLists): all merged, earlier lists winning ties. Empty
%% lists are dropped first; a single list left is returned as it is.
merge(Ls) ->
    case [L || L <- rev_check(rev_check(Ls, []), []), L =/= []] of
        [] -> [];
        [L] -> L;
        NonEmpty -> merge_runs(NonEmpty, up)
    end.

keymerge(N, A, B) when is_integer(N), N > 0 ->
    case B of
        [] -> A;
        [H | _] ->
            _ = element(N, H),
            reverse(fmerge2(key_le(N), A, B, []), [])
    end.

%% umerge(A, B): both sorted without duplicates; an element of B equal to
%% the current one of A is dropped.
umerge([], B) -> B;
umerge([_ | _] = A, B) -> reverse(umerge2(A, B, []), []).

umerge2([X | Xs] = A, [Y | Ys] = B, Acc) ->
    if X < Y -> umerge2(Xs, B, [X | Acc]);
       X == Y -> umerge2(Xs, Ys, [X | Acc]);
       true -> umerge2(A, Ys, [Y | Acc])
    end;
umerge2([], B, Acc) -> reverse(B, Acc);
umerge2([_ | _] = A, [], Acc) -> reverse(A, Acc).
