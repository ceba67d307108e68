%% ordsets.erl - beamlet's sets as ordered lists without duplicates,
%% written in the Erlang subset that beamlet's compiler accepts.
%%
%% Elements are compared with == and <, as in Erlang/OTP 25: 1 and 1.0 are
%% the same element. Where two sets both hold it, which copy union/2 and
%% intersection/2 keep is OTP's too: the two sets swap places each time
%% the second one's element is the smaller, and on a tie the set then
%% first wins. Results and errors (function_clause for a non-set) follow OTP;
%% tests/lib/ordsets_test.erl and tests/lib/fuzz_otp.erl check that.
-module(ordsets).

-export([new/0, is_set/1, size/1, is_empty/1, to_list/1, from_list/1,
         is_element/2, add_element/2, del_element/2, union/1, union/2,
         intersection/1, intersection/2, is_disjoint/2, subtract/2,
         is_subset/2, fold/3, filter/2]).

new() -> [].

%% A proper list in strictly ascending order; anything else is false.
is_set([E | Es]) -> ascending(E, Es);
is_set([]) -> true;
is_set(_) -> false.

ascending(E1, [E2 | Es]) when E1 < E2 -> ascending(E2, Es);
ascending(_, [_ | _]) -> false;
ascending(_, []) -> true.

size(S) -> length(S).

is_empty(S) -> S =:= [].

to_list(S) -> S.

from_list(L) -> lists:usort(L).

is_element(E, [H | Es]) when E > H -> is_element(E, Es);
is_element(E, [H | _]) when E < H -> false;
is_element(_, [_ | _]) -> true;
is_element(_, []) -> false.

add_element(E, [H | Es]) when E > H -> [H | add_element(E, Es)];
add_element(E, [H | _] = S) when E < H -> [E | S];
add_element(_, [_ | _] = S) -> S;
add_element(E, []) -> [E].

del_element(E, [H | Es]) when E > H -> [H | del_element(E, Es)];
del_element(E, [H | _] = S) when E < H -> S;
del_element(_, [_ | Es]) -> Es;
del_element(_, []) -> [].

union([E1 | Es1], [E2 | _] = S2) when E1 < E2 -> [E1 | union(Es1, S2)];
union([E1 | _] = S1, [E2 | Es2]) when E1 > E2 -> [E2 | union(Es2, S1)];
union([E1 | Es1], [_ | Es2]) -> [E1 | union(Es1, Es2)];
union([], S2) -> S2;
union(S1, []) -> S1.

%% The union of a list of sets: an element in several keeps the earliest
%% set's copy (as OTP's lists:umerge/1). Neighbours are merged pairwise,
%% round after round, each merge keeping its left set's copies.
union([S]) -> S;
union([]) -> [];
union([_ | _] = Sets) -> union(union_pairs(Sets)).

union_pairs([S1, S2 | Ss]) -> [union_left(S1, S2) | union_pairs(Ss)];
union_pairs([S]) -> [S];
union_pairs([]) -> [].

union_left([E1 | Es1], [E2 | _] = S2) when E1 < E2 -> [E1 | union_left(Es1, S2)];
union_left([E1 | _] = S1, [E2 | Es2]) when E1 > E2 -> [E2 | union_left(S1, Es2)];
union_left([E1 | Es1], [_ | Es2]) -> [E1 | union_left(Es1, Es2)];
union_left([], S2) -> S2;
union_left(S1, []) -> S1.

intersection([E1 | Es1], [E2 | _] = S2) when E1 < E2 -> intersection(Es1, S2);
intersection([E1 | _] = S1, [E2 | Es2]) when E1 > E2 -> intersection(Es2, S1);
intersection([E1 | Es1], [_ | Es2]) -> [E1 | intersection(Es1, Es2)];
intersection([], _) -> [];
intersection(_, []) -> [].

%% A single set is returned as it is; otherwise the sets are intersected
%% from the left, the first set's copies kept.
intersection([S1 | Ss]) -> intersect_all(S1, Ss).

intersect_all(S, [S2 | Ss]) -> intersect_all(intersection(S, S2), Ss);
intersect_all(S, []) -> S.

is_disjoint([E1 | Es1], [E2 | _] = S2) when E1 < E2 -> is_disjoint(Es1, S2);
is_disjoint([E1 | _] = S1, [E2 | Es2]) when E1 > E2 -> is_disjoint(Es2, S1);
is_disjoint([_ | _], [_ | _]) -> false;
is_disjoint([], _) -> true;
is_disjoint(_, []) -> true.

subtract([E1 | Es1], [E2 | _] = S2) when E1 < E2 -> [E1 | subtract(Es1, S2)];
subtract([E1 | _] = S1, [E2 | Es2]) when E1 > E2 -> subtract(S1, Es2);
subtract([_ | Es1], [_ | Es2]) -> subtract(Es1, Es2);
subtract([], _) -> [];
subtract(S1, []) -> S1.

is_subset([E1 | _], [E2 | _]) when E1 < E2 -> false;
is_subset([E1 | _] = S1, [E2 | Es2]) when E1 > E2 -> is_subset(S1, Es2);
is_subset([_ | Es1], [_ | Es2]) -> is_subset(Es1, Es2);
is_subset([], _) -> true;
is_subset(_, []) -> false.

fold(F, Acc, S) -> lists:foldl(F, Acc, S).

filter(F, S) -> lists:filter(F, S).
