%% fmt_pretty.erl - ~p line breaking of big nested terms, with column
%% offsets, widths and strings.
-module(fmt_pretty).
-export([main/0]).

main() ->
    T1 = [{N, lists:seq(1, N), atom_to_list(name_of(N))} || N <- lists:seq(1, 8)],
    io:format("~p~n", [T1]),
    io:format("prefix text here: ~p~n", [T1]),
    T2 = {config, [{port, 8080}, {host, "localhost"}, {paths, ["/usr/lib", "/usr/local/lib", "/opt/lib"]},
                   {options, [verbose, {level, 3}, {timeout, infinity}, {retries, 5}]},
                   {nested, {a, {b, {c, {d, {e, [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]}}}}}}]},
    io:format("~p~n", [T2]),
    io:format("~40p~n", [T2]),
    io:format("~p~n", [lists:seq(1, 60)]),
    io:format("~p~n", [[lists:seq(1, 15) || _ <- lists:seq(1, 4)]]),
    io:format("~p~n", [lists:duplicate(12, "a string of moderate size")]),
    io:format("~p~n", [{"a very long string that goes past the end of the line for sure because it is long", x}]),
    io:format("~p~n", [[{key, "value"}, {another_key, "another value"}, {third, 'atom value'}, {fourth, 4}]]),
    io:format("~p~n", [list_to_tuple(lists:seq(1, 40))]),
    io:format("~p~n", [tree(5)]),
    io:format("~p~n", [[<<"binary one">>, <<"binary two">>, <<"binary three">>, <<1, 2, 3, 4, 5, 6, 7, 8, 9, 10>>]]),
    io:format("~p~n", [[1.5, 2.25, 1.0e10, -3.0e-5, 100.0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0]]),
    io:format("~p~n", [{'quoted atom', 'another one', [a | b], {}, [], "", "x"}]),
    io:format("~p~n", [[[[[[[[deep]]]]]]]]),
    io:format("~p~n", [lists:seq(100000000000, 100000000000 + 12)]),
    io:format("~p~n", [[{I, I * I, I * I * I} || I <- lists:seq(1, 12)]]),
    io:format("~p~n", [["abc", [1, 2, 3], "def\n", [65, 66, 300], "tab\t"]]),
    io:format("~30p~n", [[alpha, beta, gamma, delta, epsilon, zeta, eta, theta]]),
    io:format("~30p|~n", [short]),
    io:format("~p~n", [{1 bsl 100, -(1 bsl 80), [1 bsl 64]}]),
    S = io_lib:format("~p", [T2]),
    io:format("~s~n", [S]),
    ok.

name_of(N) -> element(N, {one, two, three, four, five, six, seven, eight}).

tree(0) -> leaf;
tree(N) -> {node, N, tree(N - 1), tree(max(0, N - 2))}.
