%% cpu2.erl - scheduler scaling benchmark: W independent workers (default
%% 2), each computing naive fib(F) R times, with no messages between them
%% until each reports. Prints the wall time; compare one scheduler with
%% two (beamlet run -S 1 / -S 2; erl +S 1 / +S 2).
%%
%%   beamlet run -S 2 bench/proc/cpu2.erl [W F R]    (default 2 30 5)
%%   erl +S 2 -noshell -run cpu2 main W F R -s init stop
-module(cpu2).
-export([main/1]).

main([]) -> main(["2", "30", "5"]);
main([WArg, FArg, RArg]) ->
    W = list_to_integer(WArg),
    F = list_to_integer(FArg),
    R = list_to_integer(RArg),
    Me = self(),
    T0 = erlang:monotonic_time(millisecond),
    Ws = [spawn(fun() -> Me ! {done, self(), work(F, R, 0)} end) || _ <- lists:seq(1, W)],
    Results = [receive {done, P, Sum} -> Sum end || P <- Ws],
    Ms = max(erlang:monotonic_time(millisecond) - T0, 1),
    io:format("cpu2: workers=~p fib=~p reps=~p result=~p ms=~p~n",
              [W, F, R, hd(Results), Ms]).

work(_, 0, Acc) -> Acc;
work(F, R, Acc) -> work(F, R - 1, Acc + fib(F)).

fib(N) when N < 2 -> N;
fib(N) -> fib(N - 1) + fib(N - 2).
