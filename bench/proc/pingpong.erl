%% pingpong.erl - message round-trip benchmark: two processes bounce a
%% message R times (2R messages). Prints the time and the round trips and
%% messages per second, as "key=value" fields.
%%
%%   beamlet run bench/proc/pingpong.erl [R]     (default 10000000)
%%   erl -noshell -run pingpong main R -s init stop
-module(pingpong).
-export([main/1]).

main([]) -> main(["10000000"]);
main([RArg]) ->
    R = list_to_integer(RArg),
    Me = self(),
    Pong = spawn(fun pong/0),
    Ping = spawn(fun() -> receive go -> ping(Pong, R), Me ! done end end),
    T0 = erlang:monotonic_time(millisecond),
    Ping ! go,
    receive done -> ok end,
    Ms = max(erlang:monotonic_time(millisecond) - T0, 1),
    Pong ! stop,
    io:format("pingpong: round_trips=~p ms=~p round_trips_per_s=~p msgs_per_s=~p~n",
              [R, Ms, R * 1000 div Ms, 2 * R * 1000 div Ms]).

ping(_, 0) -> ok;
ping(Pong, N) ->
    Pong ! {ping, self()},
    receive pong -> ping(Pong, N - 1) end.

pong() ->
    receive
        {ping, From} -> From ! pong, pong();
        stop -> ok
    end.
