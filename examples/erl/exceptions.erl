-module(exceptions).
-export([main/0]).

safe_div(A, B) ->
    try A div B of
        R -> {ok, R}
    catch
        error:badarith -> {error, divide_by_zero}
    end.

thrower(N) when N > 2 -> throw({too_big, N});
thrower(N) -> N.

classify(X) ->
    try thrower(X) of
        V -> {value, V}
    catch
        throw:T -> {thrown, T};
        exit:E -> {exited, E}
    end.

f(a) -> 1.

main() ->
    io:format("~p~n", [safe_div(10, 2)]),
    io:format("~p~n", [safe_div(1, 0)]),
    io:format("~p~n", [classify(1)]),
    io:format("~p~n", [classify(5)]),
    io:format("~p~n", [catch throw(hello)]),
    {'EXIT', {R, _}} = (catch f(b)),
    io:format("~p~n", [R]),
    io:format("~p~n", [catch exit(bye)]),
    try error(my_error) catch C:E -> io:format("~p:~p~n", [C, E]) end,
    try element(5, {a}) catch error:E2 -> io:format("~p~n", [E2]) end,
    X = list_to_atom("abc"),
    case X of abc -> ok end,
    io:format("now crashing~n"),
    1 = length([a, b]).
