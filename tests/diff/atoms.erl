%% atoms.erl - atoms: quoting rules when printed with ~w ~p ~s, conversion
%% to and from lists and binaries, comparison order, atoms as tags.
-module(atoms).
-export([main/0]).

main() ->
    As = [ok, 'OK', 'hello world', '', 'a-b', a_b, 'a.b', 'a@b', aB9, '9a', 'é', 'ünïcode',
          'with\'quote', 'tab\t', '[]', '{}', '+', '==', 'and', 'not', 'fun', 'if', 'query',
          'when', 'try', 'catch', 'of', 'after', 'begin', 'div', 'bxor', true, false, undefined,
          'Ça', '_x', x_, 'x y z'],
    lists:foreach(fun(A) -> io:format("~w | ~p | ~s | ~w~n", [A, A, A, length(atom_to_list(A))]) end, As),
    io:format("~p~n", [lists:sort(As)]),
    io:format("~p~n", [[list_to_atom(S) || S <- ["abc", "ABC", "a b", "1", "a'b"]]]),
    io:format("~p~n", [[atom_to_binary(A, utf8) || A <- [abc, 'é', 'a b']]]),
    io:format("~p~n", [[A < B || {A, B} <- [{a, b}, {b, a}, {'A', a}, {aa, a}, {'', a}, {z, 'Z'}]]]),
    io:format("~p~n", [[is_atom(X) || X <- [a, 'A', "a", 1, true, [], {}]]]),
    Tagged = [{circle, 2}, {square, 3}, {rect, 2, 5}, {triangle, 3, 4, 5}],
    io:format("~p~n", [[area(S) || S <- Tagged]]),
    io:format("~p~n", [list_to_existing_atom("circle")]),
    io:format("~w~n", [{'$end_of_table', '$1', 'Ω'}]),
    ok.

area({circle, R}) -> 3 * R * R;
area({square, S}) -> S * S;
area({rect, W, H}) -> W * H;
area({triangle, A, B, C}) ->
    S = (A + B + C) / 2,
    round(S * (S - A) * (S - B) * (S - C)).
