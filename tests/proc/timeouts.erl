%% timeouts.erl - receive ... after: 0, N milliseconds, a variable, and
%% infinity; never firing early; a message that comes first; messages that
%% do not match do not restart the timer; timer:sleep.
-module(timeouts).
-export([main/0]).

main() ->
    io:format("after 0: ~p~n", [receive _ -> msg after 0 -> timeout end]),

    {R1, E1} = timed(fun() -> receive _ -> msg after 50 -> timeout end end),
    io:format("after 50: ~p, waited >= 50: ~p~n", [R1, E1 >= 50]),

    T = 30,
    {R2, E2} = timed(fun() -> receive _ -> msg after T -> timeout end end),
    io:format("after T=30: ~p, waited >= 30: ~p~n", [R2, E2 >= 30]),

    {ok, E3} = timed(fun() -> timer:sleep(40) end),
    io:format("timer:sleep(40) waited >= 40: ~p~n", [E3 >= 40]),
    io:format("timer:sleep(0): ~p~n", [timer:sleep(0)]),

    %% infinity: a message sent 20 ms later ends the wait
    Main = self(),
    {R4, E4} = timed(fun() ->
                             spawn(fun() -> timer:sleep(20), Main ! late end),
                             receive late -> got_late after infinity -> never end
                     end),
    io:format("after infinity: ~p, waited >= 20: ~p~n", [R4, E4 >= 20]),

    %% a message that arrives before the timeout wins
    spawn(fun() -> timer:sleep(10), Main ! early end),
    {R5, E5} = timed(fun() -> receive early -> got_early after 5000 -> timeout end end),
    io:format("message before after 5000: ~p, well before: ~p~n", [R5, E5 < 4000]),

    %% messages that do not match keep coming; the timer is not restarted
    Noise = spawn(fun() -> noise(Main) end),
    {R6, E6} = timed(fun() -> receive wanted -> wanted after 100 -> timeout end end),
    io:format("noise while after 100: ~p, >= 100: ~p, < 1000: ~p~n",
              [R6, E6 >= 100, E6 < 1000]),
    kill(Noise),
    flush(),

    %% a timeout while messages wait in the mailbox leaves them there
    self() ! one,
    self() ! two,
    R7 = receive three -> three after 10 -> timeout end,
    io:format("after 10 with one, two waiting: ~p, then ~p~n",
              [R7, [receive M -> M end || _ <- [1, 2]]]),

    %% a process waiting forever is still alive, and can be killed
    W = spawn(fun() -> receive after infinity -> ok end end),
    timer:sleep(10),
    io:format("waiting forever alive: ~p~n", [is_process_alive(W)]),
    io:format("killed: ~p~n", [kill(W)]),

    %% several timeouts in a row
    {Rs, E8} = timed(fun() -> [receive x -> x after 5 -> I end || I <- lists:seq(1, 10)] end),
    io:format("ten times after 5: ~p, >= 50: ~p~n", [Rs, E8 >= 50]).

%% timed(F): {F(), milliseconds it took}.
timed(F) ->
    T0 = erlang:monotonic_time(millisecond),
    R = F(),
    {R, erlang:monotonic_time(millisecond) - T0}.

noise(To) ->
    To ! noise,
    timer:sleep(10),
    noise(To).

%% kill(P): kills P and waits until it is gone; returns the reason seen.
kill(P) ->
    Ref = monitor(process, P),
    exit(P, kill),
    receive {'DOWN', Ref, process, P, Reason} -> Reason end.

flush() ->
    receive _ -> flush() after 0 -> ok end.
