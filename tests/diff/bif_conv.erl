%% bif_conv.erl - conversion BIFs: integer_to_list/1,2, list_to_integer/1,2,
%% float_to_list, list_to_float, atom_to_list, list_to_atom, tuple_to_list,
%% list_to_tuple, binaries, iolist_to_binary, atom_to_binary, byte_size.
-module(bif_conv).
-export([main/0]).

main() ->
    io:format("~p~n", [[integer_to_list(N) || N <- [0, 42, -42, 1 bsl 64, -(1 bsl 70)]]]),
    io:format("~p~n", [[integer_to_list(255, B) || B <- [2, 8, 10, 16, 36]]]),
    io:format("~p~n", [[integer_to_list(-255, 16), integer_to_list(1 bsl 65, 16)]]),
    io:format("~p~n", [[list_to_integer(S) || S <- ["0", "123", "-77", "+5", "123456789012345678901234567890"]]]),
    io:format("~p~n", [[list_to_integer(S, B) || {S, B} <- [{"ff", 16}, {"FF", 16}, {"-1010", 2}, {"zz", 36}, {"777", 8}]]]),
    io:format("~p~n", [[float_to_list(F) || F <- [1.0, 0.1, -2.5, 1.0e100, 123.456]]]),
    io:format("~p~n", [[list_to_float(S) || S <- ["1.0", "-0.5", "1.5e3", "2.0E-2"]]]),
    io:format("~p~n", [[atom_to_list(A) || A <- [abc, 'with space', 'Cap', '']]]),
    io:format("~p~n", [[list_to_atom(S) || S <- ["abc", "with space", "Cap", ""]]]),
    io:format("~p~n", [list_to_existing_atom("abc")]),
    io:format("~p~n", [tuple_to_list({a, {b}, [c], "d"})]),
    io:format("~p~n", [list_to_tuple([1, two, "three", {4}])]),
    io:format("~p ~p~n", [tuple_to_list({}), list_to_tuple([])]),
    io:format("~p~n", [binary_to_list(<<"hello">>)]),
    io:format("~p~n", [binary_to_list(<<1, 2, 255>>)]),
    io:format("~p~n", [list_to_binary("hello")]),
    io:format("~p~n", [list_to_binary([104, "el", [$l, [<<"o">>]], <<" world">>])]),
    io:format("~p~n", [iolist_to_binary(["a", [$b, <<"cd">>], [], [[["e"]]]])]),
    io:format("~p~n", [iolist_to_binary(<<"already">>)]),
    io:format("~p~n", [[byte_size(B) || B <- [<<>>, <<"abc">>, <<1, 2, 3, 4, 5>>, list_to_binary(lists:seq(1, 100))]]]),
    io:format("~p~n", [[atom_to_binary(A, utf8) || A <- [abc, 'Hello World', '']]]),
    io:format("~p~n", [[atom_to_binary(A, latin1) || A <- [x]]]),
    io:format("~p~n", [binary_to_atom(<<"made">>, utf8)]),
    io:format("~p~n", [[size({1, 2, 3}), size(<<"ab">>), tuple_size({}), length("four")]]),
    io:format("~p~n", [[element(2, {a, b, c}), setelement(1, {a, b}, z), make_tuple(3, x)]]),
    io:format("~p~n", [[hd([1, 2]), tl([1, 2]), hd("x")]]),
    io:format("~p~n", [[abs(-3), abs(3.5), abs(-(1 bsl 70)), float(3), round(3.5), trunc(-3.5)]]),
    io:format("~p~n", [[min(1, 2), max(1, 2), min(a, 1), max("a", {b})]]),
    Bad = [fun() -> list_to_integer("12x") end, fun() -> list_to_integer("") end,
           fun() -> integer_to_list(1.0) end, fun() -> list_to_float("1") end,
           fun() -> list_to_atom(x) end, fun() -> binary_to_list(x) end,
           fun() -> list_to_binary([256]) end, fun() -> iolist_to_binary([a]) end,
           fun() -> list_to_existing_atom("surely_not_an_existing_atom_xyzzy") end,
           fun() -> integer_to_list(10, 1) end, fun() -> list_to_integer("10", 37) end,
           fun() -> tuple_to_list([]) end, fun() -> byte_size(x) end, fun() -> element(0, {a}) end,
           fun() -> setelement(3, {a}, b) end, fun() -> hd([]) end, fun() -> tl([]) end,
           fun() -> length([a | b]) end, fun() -> atom_to_list("x") end],
    lists:foreach(fun(F) ->
        R = try F() catch C:E -> {C, E} end,
        io:format("~p~n", [R])
    end, Bad),
    ok.

make_tuple(N, X) -> erlang:make_tuple(N, X).
