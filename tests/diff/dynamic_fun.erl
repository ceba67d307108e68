%% dynamic_fun.erl - fun M:F/A with the module, name and arity in
%% variables (compiled to erlang:make_fun/3), called directly, through
%% lists:map and apply, and compared with the literal form.
-module(dynamic_fun).
-export([main/0, twice/1, add/2]).

twice(X) -> 2 * X.
add(A, B) -> A + B.

main() ->
    M = dynamic_fun, F = twice, A = 1,
    Fn = fun M:F/A,
    io:format("~p~n", [Fn(21)]),
    io:format("~p~n", [lists:map(Fn, [1, 2, 3])]),
    io:format("~p~n", [Fn =:= fun dynamic_fun:twice/1]),
    Add = fun M:add/2,
    io:format("~p~n", [apply(Add, [3, 4])]),
    Rev = fun lists:reverse/1,
    Names = [{lists, reverse, 1}, {lists, sum, 1}, {erlang, length, 1}],
    io:format("~p~n", [[(fun Mod:Name/Ar)([1, 2, 3]) || {Mod, Name, Ar} <- Names]]),
    io:format("~p ~p~n", [is_function(Fn, 1), Rev([a, b])]),
    ok.
