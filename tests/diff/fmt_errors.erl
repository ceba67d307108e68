%% fmt_errors.erl - bad format strings and arguments raise badarg from
%% io:format and io_lib:format.
-module(fmt_errors).
-export([main/0]).

try_fmt(F, A) ->
    R1 = try io_lib:format(F, A) of
             S -> {ok, lists:flatten(S)}
         catch
             C:E -> {C, E}
         end,
    io:format("~p -> ~p~n", [{F, A}, R1]).

main() ->
    try_fmt("~w", []),
    try_fmt("~w ~w", [1]),
    try_fmt("~w", [1, 2]),
    try_fmt("~d", [1]),
    try_fmt("~b", [1.5]),
    try_fmt("~f", [1]),
    try_fmt("~e", [abc]),
    try_fmt("~.1e", [1.5]),
    try_fmt("~.0f", [1.5]),
    try_fmt("~c", [a]),
    try_fmt("~s", [1]),
    try_fmt("~s", [[1, a]]),
    try_fmt("~s", [{a}]),
    try_fmt("~*w", [a, 1]),
    try_fmt("~.1b", [10]),
    try_fmt("~.37b", [10]),
    try_fmt("~x", [10, 20]),
    try_fmt("~W", [a, b]),
    try_fmt("~P", [a]),
    try_fmt("~", []),
    try_fmt("~z", [1]),
    try_fmt(not_a_format, []),
    try_fmt("~w", not_a_list),
    try_fmt("ok ~w", [fine]),
    try_fmt("~i~w", [skip, kept]),
    R = try io:format("~q~n", [1]) catch error:E -> {caught, E} end,
    io:format("~p~n", [R]),
    {'EXIT', {Reason, Stack}} = (catch io:format("~w~n", [])),
    io:format("~p ~p~n", [Reason, hd(Stack) =:= hd(Stack)]),
    ok.
