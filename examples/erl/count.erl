-module(count).
-export([main/0, main/1]).

%% The benchmark loop: count N down to 0 with an addition per step.
loop(0, Acc) -> Acc;
loop(N, Acc) -> loop(N - 1, Acc + 1).

main() -> main(["100000000"]).

main([Arg]) ->
    io:format("~p~n", [loop(list_to_integer(Arg), 0)]).
