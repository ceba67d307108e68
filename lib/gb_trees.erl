%% gb_trees.erl - beamlet's general balanced trees (Andersson's scheme),
%% written in the Erlang subset that beamlet's compiler accepts.
%%
%% A tree is {Size, Node}, a Node is nil or {Key, Value, Smaller, Bigger}:
%% the same representation as Erlang/OTP 25's gb_trees, and the same
%% rebalancing rule, so a tree built by the same calls prints the same
%% text under both. Keys are compared with < and > (so 1 and 1.0 are the
%% same key). Nodes carry no height: insert/3 measures the height of the
%% path it walked and rebuilds a subtree as a perfectly balanced one when
%% its height exceeds twice the log2 of its size (the test is done on the
%% squares, height^2 against size^2, scaled as 2^h).
%% Deleting never rebalances; balance/1 does it on request.
%% Bad arguments raise what OTP's module raises (mostly function_clause,
%% {key_exists, Key} from insert/3, a badmatch from take/2 of an absent
%% key). larger/2 and smaller/2 are OTP 26's additions.
-module(gb_trees).

-export([empty/0, is_empty/1, size/1, lookup/2, get/2, is_defined/2,
         insert/3, enter/3, update/3, delete/2, delete_any/2, take/2,
         take_any/2, balance/1, from_orddict/1, to_list/1, keys/1,
         values/1, smallest/1, largest/1, take_smallest/1, take_largest/1,
         iterator/1, iterator_from/2, next/1, map/2, larger/2, smaller/2]).

empty() -> {0, nil}.

is_empty({0, nil}) -> true;
is_empty(_) -> false.

size({Size, _}) when is_integer(Size), Size >= 0 -> Size.

%% ---------------------------------------------------------------------
%% Looking up
%% ---------------------------------------------------------------------

lookup(Key, {_, Node}) -> lookup_node(Key, Node).

lookup_node(Key, {K, _, Smaller, _}) when Key < K -> lookup_node(Key, Smaller);
lookup_node(Key, {K, _, _, Bigger}) when Key > K -> lookup_node(Key, Bigger);
lookup_node(_, {_, Value, _, _}) -> {value, Value};
lookup_node(_, nil) -> none.

is_defined(Key, {_, Node}) -> defined_node(Key, Node).

defined_node(Key, {K, _, Smaller, _}) when Key < K -> defined_node(Key, Smaller);
defined_node(Key, {K, _, _, Bigger}) when Key > K -> defined_node(Key, Bigger);
defined_node(_, {_, _, _, _}) -> true;
defined_node(_, nil) -> false.

%% An absent key falls off the end of get_node: function_clause, as OTP.
get(Key, {_, Node}) -> get_node(Key, Node).

get_node(Key, {K, _, Smaller, _}) when Key < K -> get_node(Key, Smaller);
get_node(Key, {K, _, _, Bigger}) when Key > K -> get_node(Key, Bigger);
get_node(_, {_, Value, _, _}) -> Value.

%% ---------------------------------------------------------------------
%% Inserting and updating
%% ---------------------------------------------------------------------

update(Key, Value, {Size, Node}) -> {Size, update_node(Key, Value, Node)}.

update_node(Key, Value, {K, V, Smaller, Bigger}) when Key < K ->
    {K, V, update_node(Key, Value, Smaller), Bigger};
update_node(Key, Value, {K, V, Smaller, Bigger}) when Key > K ->
    {K, V, Smaller, update_node(Key, Value, Bigger)};
update_node(Key, Value, {_, _, Smaller, Bigger}) ->
    {Key, Value, Smaller, Bigger}.

enter(Key, Value, Tree) ->
    case is_defined(Key, Tree) of
        true -> update(Key, Value, Tree);
        false -> insert(Key, Value, Tree)
    end.

%% Budget is (Size+1)^2 halved at each level down: it reaches 0 exactly
%% when the new leaf is deeper than the balance rule allows, and only
%% then does the walk back up measure heights (returning {Node, H, S}
%% instead of a bare node) to find the subtree to rebuild.
insert(Key, Value, {Size, Node}) when is_integer(Size), Size >= 0 ->
    New = Size + 1,
    {New, ins(Key, Value, Node, New * New)}.

ins(Key, Value, {K, V, Smaller, Bigger}, Budget) when Key < K ->
    case ins(Key, Value, Smaller, Budget bsr 1) of
        {Sm, H1, S1} -> up({K, V, Sm, Bigger}, H1, S1, Bigger);
        Sm -> {K, V, Sm, Bigger}
    end;
ins(Key, Value, {K, V, Smaller, Bigger}, Budget) when Key > K ->
    case ins(Key, Value, Bigger, Budget bsr 1) of
        {Bi, H1, S1} -> up({K, V, Smaller, Bi}, H1, S1, Smaller);
        Bi -> {K, V, Smaller, Bi}
    end;
ins(Key, Value, nil, 0) -> {{Key, Value, nil, nil}, 1, 1};
ins(Key, Value, nil, _) -> {Key, Value, nil, nil};
ins(Key, _, _, _) -> erlang:error({key_exists, Key}).

%% Node has just grown on one side (height H1 as 2^h, size S1); Other is
%% its other side. Either rebuild Node or pass the measures up.
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
measure({_, _, nil, nil}) -> {1, 1};
measure({_, _, Smaller, Bigger}) ->
    {H1, S1} = measure(Smaller),
    {H2, S2} = measure(Bigger),
    {2 * erlang:max(H1, H2), S1 + S2 + 1}.

%% ---------------------------------------------------------------------
%% Rebuilding
%% ---------------------------------------------------------------------

balance({Size, Node}) -> {Size, balance_node(Node, Size)}.

balance_node(Node, Size) -> from_pairs(to_list(Node, []), Size).

from_orddict(Pairs) ->
    Size = length(Pairs),
    {Size, from_pairs(Pairs, Size)}.

from_pairs(Pairs, Size) ->
    {Node, []} = build(Pairs, Size),
    Node.

%% build(Pairs, N): a balanced node of the first N pairs, and the rest.
%% With an even count the extra element goes to the smaller side.
build(Pairs, N) when N > 1 ->
    Rest = N - 1,
    NBig = Rest div 2,
    {Smaller, [{K, V} | Pairs1]} = build(Pairs, Rest - NBig),
    {Bigger, Pairs2} = build(Pairs1, NBig),
    {{K, V, Smaller, Bigger}, Pairs2};
build([{K, V} | Pairs], 1) -> {{K, V, nil, nil}, Pairs};
build(Pairs, 0) -> {nil, Pairs}.

%% ---------------------------------------------------------------------
%% Deleting
%% ---------------------------------------------------------------------

delete(Key, {Size, Node}) -> {Size - 1, del(Key, Node)}.

del(Key, {K, V, Smaller, Bigger}) when Key < K -> {K, V, del(Key, Smaller), Bigger};
del(Key, {K, V, Smaller, Bigger}) when Key > K -> {K, V, Smaller, del(Key, Bigger)};
del(_, {_, _, Smaller, Bigger}) -> join(Smaller, Bigger).

%% Two subtrees, all of Smaller's keys below Bigger's, as one.
join(Smaller, nil) -> Smaller;
join(nil, Bigger) -> Bigger;
join(Smaller, Bigger) ->
    {K, V, Bigger1} = pop_smallest(Bigger),
    {K, V, Smaller, Bigger1}.

delete_any(Key, Tree) ->
    case is_defined(Key, Tree) of
        true -> delete(Key, Tree);
        false -> Tree
    end.

take(Key, {Size, Node}) ->
    {Value, Node1} = take_node(Key, Node),
    {Value, {Size - 1, Node1}}.

take_node(Key, {K, V, Smaller, Bigger}) when Key < K ->
    {Value, Smaller1} = take_node(Key, Smaller),
    {Value, {K, V, Smaller1, Bigger}};
take_node(Key, {K, V, Smaller, Bigger}) when Key > K ->
    {Value, Bigger1} = take_node(Key, Bigger),
    {Value, {K, V, Smaller, Bigger1}};
take_node(_, {_, Value, Smaller, Bigger}) ->
    {Value, join(Smaller, Bigger)}.

take_any(Key, Tree) ->
    case is_defined(Key, Tree) of
        true -> take(Key, Tree);
        false -> error
    end.

take_smallest({Size, Node}) when is_integer(Size), Size >= 0 ->
    {K, V, Node1} = pop_smallest(Node),
    {K, V, {Size - 1, Node1}}.

pop_smallest({K, V, nil, Bigger}) -> {K, V, Bigger};
pop_smallest({K, V, Smaller, Bigger}) ->
    {K1, V1, Smaller1} = pop_smallest(Smaller),
    {K1, V1, {K, V, Smaller1, Bigger}}.

take_largest({Size, Node}) when is_integer(Size), Size >= 0 ->
    {K, V, Node1} = pop_largest(Node),
    {K, V, {Size - 1, Node1}}.

pop_largest({K, V, Smaller, nil}) -> {K, V, Smaller};
pop_largest({K, V, Smaller, Bigger}) ->
    {K1, V1, Bigger1} = pop_largest(Bigger),
    {K1, V1, {K, V, Smaller, Bigger1}}.

smallest({_, Node}) -> smallest_node(Node).

smallest_node({K, V, nil, _}) -> {K, V};
smallest_node({_, _, Smaller, _}) -> smallest_node(Smaller).

largest({_, Node}) -> largest_node(Node).

largest_node({K, V, _, nil}) -> {K, V};
largest_node({_, _, _, Bigger}) -> largest_node(Bigger).

%% ---------------------------------------------------------------------
%% Listing, mapping, iterating
%% ---------------------------------------------------------------------

to_list({_, Node}) -> to_list(Node, []).

to_list({K, V, Smaller, Bigger}, Acc) -> to_list(Smaller, [{K, V} | to_list(Bigger, Acc)]);
to_list(nil, Acc) -> Acc.

keys({_, Node}) -> keys(Node, []).

keys({K, _, Smaller, Bigger}, Acc) -> keys(Smaller, [K | keys(Bigger, Acc)]);
keys(nil, Acc) -> Acc.

values({_, Node}) -> values(Node, []).

values({_, V, Smaller, Bigger}, Acc) -> values(Smaller, [V | values(Bigger, Acc)]);
values(nil, Acc) -> Acc.

map(F, {Size, Node}) when is_function(F, 2) -> {Size, map_node(F, Node)}.

map_node(_, nil) -> nil;
map_node(F, {K, V, Smaller, Bigger}) ->
    {K, F(K, V), map_node(F, Smaller), map_node(F, Bigger)}.

%% An iterator is the stack of nodes still to visit, the next one first:
%% the path down to the smallest unvisited key.
iterator({_, Node}) -> push_left(Node, []).

push_left({_, _, nil, _} = Node, Stack) -> [Node | Stack];
push_left({_, _, Smaller, _} = Node, Stack) -> push_left(Smaller, [Node | Stack]);
push_left(nil, Stack) -> Stack.

iterator_from(Key, {_, Node}) -> push_from(Key, Node, []).

push_from(Key, {K, _, _, Bigger}, Stack) when K < Key -> push_from(Key, Bigger, Stack);
push_from(_, {_, _, nil, _} = Node, Stack) -> [Node | Stack];
push_from(Key, {_, _, Smaller, _} = Node, Stack) -> push_from(Key, Smaller, [Node | Stack]);
push_from(_, nil, Stack) -> Stack.

next([{K, V, _, Bigger} | Stack]) -> {K, V, push_left(Bigger, Stack)};
next([]) -> none.

%% larger(Key, Tree): the entry with the smallest key above Key, or none.
larger(Key, {_, Node}) -> larger_node(Key, Node).

larger_node(_, nil) -> none;
larger_node(Key, {K, _, _, Bigger}) when Key >= K -> larger_node(Key, Bigger);
larger_node(Key, {K, V, Smaller, _}) ->
    case larger_node(Key, Smaller) of
        none -> {K, V};
        Found -> Found
    end.

%% smaller(Key, Tree): the entry with the largest key below Key, or none.
smaller(Key, {_, Node}) -> smaller_node(Key, Node).

smaller_node(_, nil) -> none;
smaller_node(Key, {K, _, Smaller, _}) when Key =< K -> smaller_node(Key, Smaller);
smaller_node(Key, {K, V, _, Bigger}) ->
    case smaller_node(Key, Bigger) of
        none -> {K, V};
        Found -> Found
    end.
