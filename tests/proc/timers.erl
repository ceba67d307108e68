%% timers.erl - erlang:send_after/3 and erlang:cancel_timer/1: timers fire
%% in time order whatever order they were set in; cancel_timer returns the
%% time left (an integer) for a pending timer and false for a fired or
%% already cancelled one; a cancelled timer never delivers; timers to a
%% registered name, to a dead process, of 0 ms; many timers.
-module(timers).
-export([main/0]).

main() ->
    %% set in the order c, a, b; fire as a, b, c
    T1 = erlang:send_after(120, self(), c),
    T2 = erlang:send_after(40, self(), a),
    T3 = erlang:send_after(80, self(), b),
    io:format("refs: ~p~n", [[is_reference(T) || T <- [T1, T2, T3]]]),
    io:format("order: ~p~n", [[receive M -> M end || _ <- [1, 2, 3]]]),

    %% cancel a pending timer: the time left, then false
    Long = erlang:send_after(5000, self(), long),
    Left = erlang:cancel_timer(Long),
    io:format("cancel pending: integer ~p, =< 5000 ~p, > 0 ~p~n",
              [is_integer(Left), Left =< 5000, Left > 0]),
    io:format("cancel again: ~p~n", [erlang:cancel_timer(Long)]),
    io:format("cancelled never arrives: ~p~n",
              [receive long -> arrived after 150 -> nothing end]),

    %% cancel a timer that has fired: false, and its message is there
    Fired = erlang:send_after(10, self(), fired),
    timer:sleep(50),
    io:format("cancel fired: ~p, message ~p~n",
              [erlang:cancel_timer(Fired), receive fired -> fired after 0 -> missing end]),

    %% a timer of 0 ms
    erlang:send_after(0, self(), zero),
    io:format("0 ms: ~p~n", [receive zero -> zero after 1000 -> missing end]),

    %% the time is measured from the call and never cut short
    T0 = erlang:monotonic_time(millisecond),
    erlang:send_after(60, self(), tick),
    receive tick -> ok end,
    io:format("60 ms timer took >= 60: ~p~n", [erlang:monotonic_time(millisecond) - T0 >= 60]),

    %% to a registered name
    register(timers_main, self()),
    erlang:send_after(10, timers_main, by_name),
    io:format("by name: ~p~n", [receive by_name -> by_name after 1000 -> missing end]),
    unregister(timers_main),

    %% to a process that is gone: nothing happens
    {Dead, Mon} = spawn_monitor(fun() -> ok end),
    receive {'DOWN', Mon, process, Dead, normal} -> ok end,
    DT = erlang:send_after(10, Dead, hello),
    timer:sleep(30),
    io:format("to a dead process: ref ~p, cancel ~p~n",
              [is_reference(DT), erlang:cancel_timer(DT)]),

    %% a timer set by another process delivers to us after that process ended
    Main = self(),
    {Setter, SMon} = spawn_monitor(fun() -> erlang:send_after(30, Main, from_setter) end),
    receive {'DOWN', SMon, process, Setter, normal} -> ok end,
    io:format("setter gone, timer still fires: ~p~n",
              [receive from_setter -> from_setter after 1000 -> missing end]),

    %% many timers set in a scrambled order: all arrive, each once
    Times = [(I * 37) rem 101 || I <- lists:seq(1, 100)],
    [erlang:send_after(T, self(), {t, T}) || T <- Times],
    Got = [receive {t, X} -> X end || _ <- Times],
    io:format("100 timers: ~p arrived, all distinct ~p, as set ~p~n",
              [length(Got), length(lists:usort(Got)) =:= 100,
               lists:sort(Got) =:= lists:sort(Times)]),
    %% half of another batch cancelled: only the others arrive
    Batch = [{I, erlang:send_after(50 + I, self(), {b, I})} || I <- lists:seq(1, 20)],
    Cancelled = [erlang:cancel_timer(R) || {I, R} <- Batch, I rem 2 =:= 0],
    io:format("cancelled 10: all integers ~p~n", [lists:all(fun erlang:is_integer/1, Cancelled)]),
    timer:sleep(150),
    Arrived = lists:sort(collect_b()),
    io:format("arrived: ~p~n", [Arrived]),
    io:format("cancel_timer(not a ref): ~p~n",
              [try erlang:cancel_timer(notaref) catch error:E -> E end]).

collect_b() ->
    receive {b, I} -> [I | collect_b()] after 0 -> [] end.
