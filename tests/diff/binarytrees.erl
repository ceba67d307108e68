%% binary-trees from the Computer Language Benchmarks Game: allocate and
%% walk many perfect binary trees of growing depth, one long-lived tree
%% staying alive meanwhile. Output in the game's format.
-module(binarytrees).
-export([main/0]).

-define(MIN_DEPTH, 4).
-define(MAX_DEPTH, 12).

main() ->
    Max = max(?MIN_DEPTH + 2, ?MAX_DEPTH),
    Stretch = Max + 1,
    io:format("stretch tree of depth ~w\t check: ~w~n", [Stretch, check(make(Stretch))]),
    LongLived = make(Max),
    depths(?MIN_DEPTH, Max),
    io:format("long lived tree of depth ~w\t check: ~w~n", [Max, check(LongLived)]).

%% A tree is a leaf `nil` or a node {Left, Right}.
make(0) -> {nil, nil};
make(D) -> {make(D - 1), make(D - 1)}.

check(nil) -> 0;
check({L, R}) -> 1 + check(L) + check(R).

depths(D, Max) when D > Max -> ok;
depths(D, Max) ->
    Iterations = 1 bsl (Max - D + ?MIN_DEPTH),
    io:format("~w\t trees of depth ~w\t check: ~w~n", [Iterations, D, sum_checks(Iterations, D, 0)]),
    depths(D + 2, Max).

sum_checks(0, _, Acc) -> Acc;
sum_checks(N, D, Acc) -> sum_checks(N - 1, D, Acc + check(make(D))).
