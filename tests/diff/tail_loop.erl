%% tail_loop.erl - tail calls run in constant stack: a 10,000,000
%% iteration counting loop, mutual tail recursion, tail calls through funs
%% and across modules (lists:foldl), and an accumulating loop over tuples.
-module(tail_loop).
-export([main/0]).

count(0, Acc) -> Acc;
count(N, Acc) -> count(N - 1, Acc + 1).

even(0) -> true;
even(N) -> odd(N - 1).
odd(0) -> false;
odd(N) -> even(N - 1).

loop_fun(F, 0, Acc) -> F(Acc);
loop_fun(F, N, Acc) -> loop_fun(F, N - 1, Acc bxor N).

state_machine(0, S) -> S;
state_machine(N, a) -> state_machine(N - 1, b);
state_machine(N, b) -> state_machine(N - 1, c);
state_machine(N, c) -> state_machine(N - 1, a).

collatz_max(N, Limit, Best) when N > Limit -> Best;
collatz_max(N, Limit, {BN, BL}) ->
    L = collatz(N, 0),
    case L > BL of
        true -> collatz_max(N + 1, Limit, {N, L});
        false -> collatz_max(N + 1, Limit, {BN, BL})
    end.

collatz(1, Steps) -> Steps;
collatz(N, Steps) when N rem 2 =:= 0 -> collatz(N div 2, Steps + 1);
collatz(N, Steps) -> collatz(3 * N + 1, Steps + 1).

main() ->
    io:format("~p~n", [count(10000000, 0)]),
    io:format("~p ~p~n", [even(1000001), odd(1000001)]),
    io:format("~p~n", [loop_fun(fun(X) -> {done, X} end, 2000000, 0)]),
    io:format("~p~n", [state_machine(3000001, a)]),
    io:format("~p~n", [lists:foldl(fun(X, A) -> A + X rem 7 end, 0, lists:seq(1, 1000000))]),
    io:format("~p~n", [collatz_max(1, 100000, {1, 0})]),
    Server = fun Loop(0, S) -> S; Loop(N, {C, T}) -> Loop(N - 1, {C + 1, T + N}) end,
    io:format("~p~n", [Server(1000000, {0, 0})]),
    ok.
