-module(formats).
-export([main/0]).

id(X) -> X.

main() ->
    io:format("~w ~p~n", [id({a, "b", <<"c">>}), id({a, "b", <<"c">>})]),
    io:format("[~s] [~10s] [~-10s] [~.2s]~n", [id("abc"), id("abc"), id("abc"), id("abc")]),
    io:format("~c~c ~5c~n", [id($h), id($i), id($x)]),
    io:format("~f ~.2f ~10.3f ~e ~.3e ~g~n", [id(3.14159), id(2.5), id(-1.0), id(12345.678), id(0.001), id(0.5)]),
    io:format("~b ~.2b ~.16b ~.16B ~.16x ~.16X ~.16#~n", [id(10), id(5), id(255), id(255), id(255), id("0x"), id(255), id("0X"), id(255)]),
    io:format("~i~p ~~~n", [id(ignored), id(shown)]),
    io:format("~*c|~-*w|~n", [id(3), id($z), id(6), id(ab)]),
    io:format("~p~n", [id(seq(1, 30))]),
    io:format("~p~n", [id([{key, "value"}, {other, [1, 2, 3]}, {nested, {a, {b, {c, d}}}}])]),
    io:format("~w~n", [id([1.5, -0.0, 1.0e100, 'Quoted Atom', 'ok', [], {}])]),
    io:format("~P~n", [id([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]), 5]),
    io:format("~W~n", [id({a, {b, {c, {d, e}}}}), 3]),
    io:format("~ts~n", [id("unicode: ok")]),
    io:format("no args~n"),
    io:format(id("~s~n"), [id(atom_as_string)]),
    io:format(id(<<"binary format ~p~n">>), [id(1)]),
    io:put_chars(id(["put", $_, <<"chars">>, "\n"])),
    io:nl(),
    S = io_lib:format("~p-~p", [id(1), id(2)]),
    io:format("~s~n", [S]),
    io:fwrite("fwrite ~p~n", [id(ok)]),
    show_bad(fun() -> io:format("~d~n", [1]) end),
    show_bad(fun() -> io:format("~p ~p~n", [1]) end),
    ok.

show_bad(F) ->
    try F() of
        _ -> io:format("no error~n")
    catch
        C:R -> io:format("~p:~p~n", [C, R])
    end.

seq(N, N) -> [N];
seq(I, N) -> [I | seq(I + 1, N)].
