-module(halt2).
-export([main/0]).

%% erlang:halt/2: the status as halt/1, its options a proper list (a bad
%% one is badarg, and the program goes on).
main() ->
    {'EXIT', {R, [F | _]}} = (catch erlang:halt(0, not_a_list)),
    io:format("~p ~p~n", [R, F]),
    io:format("before~n"),
    erlang:halt(3, [{flush, true}]),
    io:format("never~n").
