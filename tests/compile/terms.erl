%% terms.erl - constants and term building: integers of any size, floats,
%% atoms, strings, binaries with constant segments, nested tuples and
%% lists, improper lists, ++ and --, and the BIFs that take them apart.
-module(terms).
-export([main/0]).

big() -> 123456789012345678901234567890.

main() ->
    X = 7,
    io:format("~p~n", [{1, -1, 1.5, -0.25, 1.0e10, 2.5e-5, $a, $\n, 'quoted atom', '', big()}]),
    io:format("~p~n", [{big() * big(), big() - big() - 1, -big(), big() div 7, big() rem 7}]),
    io:format("~p~n", [[X, X * 2 | [X * 3]]]),
    io:format("~p~n", [{[1 | 2], [a, b | c], [[]], [X | "abc"]}]),
    io:format("~p~n", [{"", "tab\there", "quote\"s", "back\\slash", [$h, $i]}]),
    io:format("~p~n", [{<<>>, <<1, 2, 3>>, <<"text">>, <<"a", 0, "b">>, <<1:16, 2:8>>, <<-1:8>>,
                        <<16#ABCD:16/little>>, <<1.5/float>>, <<"é"/utf8>>}]),
    io:format("~p~n", [{[1, 2, 3] ++ [4], "ab" ++ "cd", [1, 2, 3, 2] -- [2], [] ++ X}]),
    T = {a, {b, [c, {d}]}, X},
    io:format("~p~n", [{element(2, T), tuple_size(T), setelement(3, T, z), tuple_to_list(T)}]),
    io:format("~p~n", [{hd([x, y]), tl([x, y]), length([1, 2, 3]), list_to_tuple([1, 2])}]),
    io:format("~p~n", [{atom_to_list(hello), list_to_atom("world"), integer_to_list(255, 16)}]),
    io:format("~p~n", [{7 div 2, -7 div 2, 7 rem -2, 7 / 2, 2 * 3.0, 1 bsl 70, 255 band 15, 8 bor 1,
                        6 bxor 3, bnot 0, 1024 bsr 3, abs(-5), float(3), round(2.5), trunc(-2.7)}]),
    io:format("~p~n", [{1 < a, a < {}, {} < [], [] < <<>>, 1 == 1.0, 1 =:= 1.0, 2 >= 2, max(3, 4), min(a, 1)}]),
    io:format("~p~n", [{byte_size(<<1, 2, 3>>), binary_to_list(<<"hi">>), list_to_binary([1, "ab", <<3>>])}]),
    ok.
