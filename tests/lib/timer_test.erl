%% timer_test.erl - test program for lib/timer.erl, in beamlet's Erlang
%% subset: sleep/1 returns ok, leaves the mailbox alone, and waits.
-module(timer_test).
-export([main/0]).

t(Name, F) ->
    R = try F() catch C:E -> {C, E} end,
    io:format("~p~n", [{Name, R}]).

main() ->
    t(sleep_0, fun() -> timer:sleep(0) end),
    t(sleep_10, fun() -> timer:sleep(10) end),
    self() ! hello,
    t(sleep_keeps_mail, fun() ->
                                ok = timer:sleep(5),
                                receive M -> M after 0 -> none end
                        end),
    t(sleep_bad, fun() -> timer:sleep(-1) end),
    ok.
