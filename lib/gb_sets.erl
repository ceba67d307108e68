%% gb_sets.erl - beamlet's sets as general balanced trees (Andersson's
%% scheme), written in the Erlang subset that beamlet's compiler accepts.
%%
%% A set is {Size, Node}, a Node is nil or {Element, Smaller, Bigger}: the
%% same representation as Erlang/OTP 25's gb_sets, built by the same rules
%% (insert/2 rebuilds a subtree when its height passes twice the log2 of
%% its size; the set operations choose between merging sorted lists and
%% looking elements up by the same size test), so a set built by the same
%% calls prints the same text under both. Elements are compared with <
%% and > (1 and 1.0 are the same element); where two such meet, the one
%% kept is the one OTP keeps. Bad arguments raise what OTP's module raises.
-module(gb_sets).

-export([empty/0, new/0, is_empty/1, size/1, singleton/1, is_member/2,
         is_element/2, insert/2, add/2, add_element/2, balance/1,
         from_list/1, from_ordset/1, delete/2, delete_any/2, del_element/2,
         take_smallest/1, take_largest/1, smallest/1, largest/1,
         to_list/1, iterator/1, iterator_from/2, next/1, union/1, union/2,
         intersection/1, intersection/2, is_disjoint/2, difference/2,
         subtract/2, is_subset/2, is_set/1, filter/2, fold/3]).

empty() -> {0, nil}.

new() -> empty().

is_empty({0, nil}) -> true;
is_empty(_) -> false.

size({Size, _}) -> Size.

singleton(X) -> {1, {X, nil, nil}}.

is_element(X, Set) -> is_member(X, Set).

is_member(X, {_, Node}) -> member(X, Node).

member(X, {E, Smaller, _}) when X < E -> member(X, Smaller);
member(X, {E, _, Bigger}) when X > E -> member(X, Bigger);
member(_, {_, _, _}) -> true;
member(_, nil) -> false.

%% ---------------------------------------------------------------------
%% Inserting (see gb_trees.erl for the balance rule and the budget)
%% ---------------------------------------------------------------------

%% A node is a 3-tuple too: the walk back up tells the measures {Node, H, S}
%% from a node by H, an integer only in the former.

insert(X, {Size, Node}) ->
    New = Size + 1,
    {New, ins(X, Node, New * New)}.

ins(X, {E, Smaller, Bigger}, Budget) when X < E ->
    case ins(X, Smaller, Budget bsr 1) of
        {Sm, H1, S1} when is_integer(H1) -> up({E, Sm, Bigger}, H1, S1, Bigger);
        Sm -> {E, Sm, Bigger}
    end;
ins(X, {E, Smaller, Bigger}, Budget) when X > E ->
    case ins(X, Bigger, Budget bsr 1) of
        {Bi, H1, S1} when is_integer(H1) -> up({E, Smaller, Bi}, H1, S1, Smaller);
        Bi -> {E, Smaller, Bi}
    end;
ins(X, nil, 0) -> {{X, nil, nil}, 1, 1};
ins(X, nil, _) -> {X, nil, nil};
ins(X, _, _) -> erlang:error({key_exists, X}).

up(Node, H1, S1, Other) ->
    {H2, S2} = measure(Other),
    H = 2 * erlang:max(H1, H2),
    S = S1 + S2 + 1,
    case H > S * S of
        true -> balance_node(Node, S);
        false -> {Node, H, S}
    end.

%% {2^height, size} of a subtree.
measure(nil) -> {1, 0};
measure({_, nil, nil}) -> {1, 1};
measure({_, Smaller, Bigger}) ->
    {H1, S1} = measure(Smaller),
    {H2, S2} = measure(Bigger),
    {2 * erlang:max(H1, H2), S1 + S2 + 1}.

add(X, Set) -> add_element(X, Set).

add_element(X, Set) ->
    case is_member(X, Set) of
        true -> Set;
        false -> insert(X, Set)
    end.

%% ---------------------------------------------------------------------
%% Rebuilding
%% ---------------------------------------------------------------------

balance({Size, Node}) -> {Size, balance_node(Node, Size)}.

balance_node(Node, Size) -> from_sorted(to_list(Node, []), Size).

from_list(L) -> from_ordset(lists:usort(L)).

from_ordset(L) ->
    Size = length(L),
    {Size, from_sorted(L, Size)}.

from_sorted(L, Size) ->
    {Node, []} = build(L, Size),
    Node.

%% build(L, N): a balanced node of the first N elements of the ascending
%% list L, and the rest; with an even count the smaller side has one more.
build(L, N) when N > 1 ->
    Rest = N - 1,
    NBig = Rest div 2,
    {Smaller, [E | L1]} = build(L, Rest - NBig),
    {Bigger, L2} = build(L1, NBig),
    {{E, Smaller, Bigger}, L2};
build([E | L], 1) -> {{E, nil, nil}, L};
build(L, 0) -> {nil, L}.

%% The same from a descending list: here the bigger side has one more.
from_rev(L, Size) ->
    {Node, _} = build_rev(L, Size),
    Node.

build_rev(L, N) when N > 1 ->
    Rest = N - 1,
    NSmall = Rest div 2,
    {Bigger, [E | L1]} = build_rev(L, Rest - NSmall),
    {Smaller, L2} = build_rev(L1, NSmall),
    {{E, Smaller, Bigger}, L2};
build_rev([E | L], 1) -> {{E, nil, nil}, L};
build_rev(L, 0) -> {nil, L}.

%% ---------------------------------------------------------------------
%% Deleting and taking
%% ---------------------------------------------------------------------

delete(X, {Size, Node}) -> {Size - 1, del(X, Node)}.

del(X, {E, Smaller, Bigger}) when X < E -> {E, del(X, Smaller), Bigger};
del(X, {E, Smaller, Bigger}) when X > E -> {E, Smaller, del(X, Bigger)};
del(_, {_, Smaller, Bigger}) -> join(Smaller, Bigger).

join(Smaller, nil) -> Smaller;
join(nil, Bigger) -> Bigger;
join(Smaller, Bigger) ->
    {E, Bigger1} = pop_smallest(Bigger),
    {E, Smaller, Bigger1}.

del_element(X, Set) -> delete_any(X, Set).

delete_any(X, Set) ->
    case is_member(X, Set) of
        true -> delete(X, Set);
        false -> Set
    end.

take_smallest({Size, Node}) ->
    {E, Node1} = pop_smallest(Node),
    {E, {Size - 1, Node1}}.

pop_smallest({E, nil, Bigger}) -> {E, Bigger};
pop_smallest({E, Smaller, Bigger}) ->
    {E1, Smaller1} = pop_smallest(Smaller),
    {E1, {E, Smaller1, Bigger}}.

take_largest({Size, Node}) ->
    {E, Node1} = pop_largest(Node),
    {E, {Size - 1, Node1}}.

pop_largest({E, Smaller, nil}) -> {E, Smaller};
pop_largest({E, Smaller, Bigger}) ->
    {E1, Bigger1} = pop_largest(Bigger),
    {E1, {E, Smaller, Bigger1}}.

smallest({_, Node}) -> smallest_node(Node).

smallest_node({E, nil, _}) -> E;
smallest_node({_, Smaller, _}) -> smallest_node(Smaller).

largest({_, Node}) -> largest_node(Node).

largest_node({E, _, nil}) -> E;
largest_node({_, _, Bigger}) -> largest_node(Bigger).

%% ---------------------------------------------------------------------
%% Listing, folding, iterating
%% ---------------------------------------------------------------------

to_list({_, Node}) -> to_list(Node, []).

to_list({E, Smaller, Bigger}, Acc) -> to_list(Smaller, [E | to_list(Bigger, Acc)]);
to_list(nil, Acc) -> Acc.

is_set({0, nil}) -> true;
is_set({N, {_, _, _}}) when is_integer(N), N >= 0 -> true;
is_set(_) -> false.

filter(F, Set) when is_function(F, 1) ->
    from_ordset([X || X <- to_list(Set), F(X)]).

fold(F, Acc, {_, Node}) when is_function(F, 2) -> fold_node(F, Acc, Node).

fold_node(F, Acc, {E, Smaller, Bigger}) ->
    fold_node(F, F(E, fold_node(F, Acc, Smaller)), Bigger);
fold_node(_, Acc, _) -> Acc.

iterator({_, Node}) -> push_left(Node, []).

push_left({_, nil, _} = Node, Stack) -> [Node | Stack];
push_left({_, Smaller, _} = Node, Stack) -> push_left(Smaller, [Node | Stack]);
push_left(nil, Stack) -> Stack.

iterator_from(X, {_, Node}) -> push_from(X, Node, []).

push_from(X, {E, _, Bigger}, Stack) when E < X -> push_from(X, Bigger, Stack);
push_from(_, {_, nil, _} = Node, Stack) -> [Node | Stack];
push_from(X, {_, Smaller, _} = Node, Stack) -> push_from(X, Smaller, [Node | Stack]);
push_from(_, nil, Stack) -> Stack.

next([{E, _, Bigger} | Stack]) -> {E, push_left(Bigger, Stack)};
next([]) -> none.

%% ---------------------------------------------------------------------
%% Set operations. Each walks the elements of one set in order (the
%% smaller set, where the operation is symmetric) and either merges them
%% with the other set's sorted list or looks each up in its tree,
%% whichever OTP's cost estimate picks: merging when the other set has
%% fewer than 10 elements or fewer than N1 * round(1.46 * ln(N2)).
%% ---------------------------------------------------------------------

merge_pays(_, N2) when N2 < 10 -> true;
merge_pays(N1, N2) -> N2 < N1 * log_factor(N2).

%% round(1.46 * ln(N)) for N >= 10, without floats: the sizes at which it
%% steps up from 3 (computed with OTP's math:log; exact up to 2^47).
log_factor(N) -> log_factor(N, 3, steps()).

log_factor(N, K, [Step | Steps]) when N >= Step -> log_factor(N, K + 1, Steps);
log_factor(_, K, _) -> K.

steps() ->
    [11, 22, 44, 86, 171, 338, 670, 1329, 2636, 5228, 10369, 20569, 40801,
     80933, 160541, 318454, 631697, 1253056, 2485607, 4930540, 9780395,
     19400743, 38484012, 76338270, 151427337, 300376711, 595838046,
     1181925777, 2344510479, 4650655306, 9225207128, 18299452647,
     36299452417, 72004899338, 142831508012, 283325716285, 562015080747,
     1114833327270, 2211423483406, 4386659156430, 8701534870675,
     17260677523714, 34238900723332, 67917514890803, 134723625218464].

union([Set | Sets]) -> union_all(Set, Sets);
union([]) -> empty().

union_all(Acc, [Set | Sets]) -> union_all(union(Acc, Set), Sets);
union_all(Acc, []) -> Acc.

union({N1, T1}, {N2, T2}) when N2 < N1 -> union(to_list(T2, []), N2, T1, N1);
union({N1, T1}, {N2, T2}) -> union(to_list(T1, []), N1, T2, N2).

union(L, N1, T2, N2) ->
    case merge_pays(N1, N2) of
        true -> union_merge(L, to_list(T2, []), [], N1 + N2);
        false -> union_add(L, {N2, T2})
    end.

union_add([X | Xs], Set) -> union_add(Xs, add_element(X, Set));
union_add([], Set) -> Set.

%% Merges two ascending lists into a descending one; on each step the list
%% whose head was taken is passed first, so of two equal heads the one
%% kept is that of the list that last gave an element.
union_merge([X | Xs], [Y | _] = Ys, Acc, N) when X < Y -> union_merge(Xs, Ys, [X | Acc], N);
union_merge([X | _] = Xs, [Y | Ys], Acc, N) when X > Y -> union_merge(Ys, Xs, [Y | Acc], N);
union_merge([X | Xs], [_ | Ys], Acc, N) -> union_merge(Xs, Ys, [X | Acc], N - 1);
union_merge([], Ys, Acc, N) -> {N, from_rev(lists:reverse(Ys, Acc), N)};
union_merge(Xs, [], Acc, N) -> {N, from_rev(lists:reverse(Xs, Acc), N)}.

intersection([Set | Sets]) -> intersection_all(Set, Sets).

intersection_all(Acc, [Set | Sets]) -> intersection_all(intersection(Acc, Set), Sets);
intersection_all(Acc, []) -> Acc.

intersection({N1, T1}, {N2, T2}) when N2 < N1 -> intersection(to_list(T2, []), N2, T1, N1);
intersection({N1, T1}, {N2, T2}) -> intersection(to_list(T1, []), N1, T2, N2).

intersection(L, N1, T2, N2) ->
    case merge_pays(N1, N2) of
        true -> inter_merge(L, to_list(T2, []), [], 0);
        false -> inter_lookup(L, T2, [], 0)
    end.

inter_lookup([X | Xs], T, Acc, N) ->
    case member(X, T) of
        true -> inter_lookup(Xs, T, [X | Acc], N + 1);
        false -> inter_lookup(Xs, T, Acc, N)
    end;
inter_lookup([], _, Acc, N) -> {N, from_rev(Acc, N)}.

inter_merge([X | Xs], [Y | _] = Ys, Acc, N) when X < Y -> inter_merge(Xs, Ys, Acc, N);
inter_merge([X | _] = Xs, [Y | Ys], Acc, N) when X > Y -> inter_merge(Ys, Xs, Acc, N);
inter_merge([X | Xs], [_ | Ys], Acc, N) -> inter_merge(Xs, Ys, [X | Acc], N + 1);
inter_merge([], _, Acc, N) -> {N, from_rev(Acc, N)};
inter_merge(_, [], Acc, N) -> {N, from_rev(Acc, N)}.

subtract(Set1, Set2) -> difference(Set1, Set2).

difference({N1, T1}, {N2, T2}) ->
    L = to_list(T1, []),
    case merge_pays(N1, N2) of
        true -> diff_merge(L, to_list(T2, []), [], N1);
        false -> diff_lookup(L, T2, [], 0)
    end.

diff_lookup([X | Xs], T, Acc, N) ->
    case member(X, T) of
        true -> diff_lookup(Xs, T, Acc, N);
        false -> diff_lookup(Xs, T, [X | Acc], N + 1)
    end;
diff_lookup([], _, Acc, N) -> {N, from_rev(Acc, N)}.

diff_merge([X | Xs], [Y | _] = Ys, Acc, N) when X < Y -> diff_merge(Xs, Ys, [X | Acc], N);
diff_merge([X | _] = Xs, [Y | Ys], Acc, N) when X > Y -> diff_merge(Xs, Ys, Acc, N);
diff_merge([_ | Xs], [_ | Ys], Acc, N) -> diff_merge(Xs, Ys, Acc, N - 1);
diff_merge([], _, Acc, N) -> {N, from_rev(Acc, N)};
diff_merge(Xs, [], Acc, N) -> {N, from_rev(lists:reverse(Xs, Acc), N)}.

is_subset({N1, T1}, {N2, T2}) ->
    L = to_list(T1, []),
    case merge_pays(N1, N2) of
        true -> subset_merge(L, to_list(T2, []));
        false -> subset_lookup(L, T2)
    end.

subset_lookup([X | Xs], T) ->
    case member(X, T) of
        true -> subset_lookup(Xs, T);
        false -> false
    end;
subset_lookup([], _) -> true.

subset_merge([X | _], [Y | _]) when X < Y -> false;
subset_merge([X | _] = Xs, [Y | Ys]) when X > Y -> subset_merge(Xs, Ys);
subset_merge([_ | Xs], [_ | Ys]) -> subset_merge(Xs, Ys);
subset_merge([], _) -> true;
subset_merge(_, []) -> false.

is_disjoint({N1, T1}, {N2, T2}) when N1 < N2 -> disjoint(T1, T2);
is_disjoint({_, T1}, {_, T2}) -> disjoint(T2, T1).

%% No element of the first tree is in the second: split the work by the
%% roots' order so whole subtrees that cannot overlap are skipped.
disjoint(nil, _) -> true;
disjoint(_, nil) -> true;
disjoint({E1, Sm1, Bi1}, {E2, Sm2, _} = T2) when E1 < E2 ->
    not member(E1, Sm2) andalso disjoint(Sm1, Sm2) andalso disjoint(Bi1, T2);
disjoint({E1, Sm1, Bi1}, {E2, _, Bi2} = T2) when E1 > E2 ->
    not member(E1, Bi2) andalso disjoint(Bi1, Bi2) andalso disjoint(Sm1, T2);
disjoint({_, _, _}, {_, _, _}) -> false.
