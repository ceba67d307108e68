-module(alloc).
-export([main/0, main/1]).

%% Builds and drops lists of 1000 integers, Rounds times: about
%% Rounds * 16 KB allocated in total (each cons cell is 16 bytes), with
%% only one list live at a time.
build(0, Acc) -> Acc;
build(N, Acc) -> build(N - 1, [N | Acc]).

sum([], S) -> S;
sum([H | T], S) -> sum(T, S + H).

loop(0, Total) -> Total;
loop(Rounds, Total) ->
    L = build(1000, []),
    loop(Rounds - 1, Total + sum(L, 0)).

main() -> main(["200"]).

main([Arg]) ->
    Rounds = list_to_integer(Arg),
    Total = loop(Rounds, 0),
    io:format("~p rounds, checksum ~p, ~p MB allocated~n",
              [Rounds, Total, Rounds * 1000 * 16 div 1000000]).
