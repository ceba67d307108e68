%% fmt_ints.erl - integer control sequences: ~b ~B ~x ~X ~# ~+ ~d, bases
%% 2..36, negative numbers, bignums, prefixes.
-module(fmt_ints).
-export([main/0]).

main() ->
    Ns = [0, 1, -1, 7, 255, -255, 4096, 123456789, -987654321, 1 bsl 70, -(1 bsl 65) + 3],
    lists:foreach(fun(N) ->
        io:format("~w: ~b ~.2b ~.8b ~.16b ~.16B ~.36B~n", [N, N, N, N, N, N, N])
    end, Ns),
    lists:foreach(fun(N) ->
        io:format("x: ~.16x ~.16X ~.2x ~.10X~n", [N, "0x", N, "0X", N, "b", N, pre])
    end, [0, 255, -255, 3735928559]),
    lists:foreach(fun(N) ->
        io:format("#: ~.16# ~.2# ~.8# ~.36#~n", [N, N, N, N])
    end, [0, 255, -255, 1 bsl 64]),
    lists:foreach(fun(N) ->
        io:format("+: ~.16+ ~.2+ ~.10+ ~+~n", [N, N, N, N])
    end, [0, 255, -255]),
    io:format("[~20.16.0#] [~-20.16#] [~20.16x]~n", [255, 255, 255, "0x"]),
    io:format("[~b] [~w] [~B]~n", [-0, 16#FF, 8#777]),
    io:format("~w ~w ~w ~w~n", [2#1010, 36#ZZ, $A, $\n]),
    io:format("~w~n", [1 bsl 200]),
    io:format("~.36B~n", [1 bsl 200]),
    io:format("~.2B~n", [(1 bsl 100) - 1]),
    lists:foreach(fun(B) ->
        io:format("base ~2w: ~s~n", [B, integer_to_list(1000000, B)])
    end, lists:seq(2, 36, 5)),
    ok.
