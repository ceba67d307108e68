%% fmt_unicode.erl - the t modifier: ~ts ~tp ~tw ~tc with characters
%% beyond latin1, latin1 characters, UTF-8 binaries, and widths counted in
%% characters. (erl -noshell writes characters above 255 as \x{...}.)
-module(fmt_unicode).
-export([main/0]).

main() ->
    S = [104, 233, 108, 108, 246, 32, 8364, 32, 20320, 22909],
    io:format("~ts~n", [S]),
    io:format("~tp~n", [S]),
    io:format("~p~n", [S]),
    io:format("~w~n", [S]),
    io:format("~tw~n", [S]),
    io:format("[~10ts]~n", [[8364, 8364]]),
    io:format("[~-10ts]~n", [[8364, 8364]]),
    io:format("[~.1ts]~n", [[8364, 97]]),
    io:format("~tc~tc~n", [8364, 233]),
    io:format("~c~n", [233]),
    io:format("~ts~n", [<<"caf", 195, 169>>]),
    io:format("~s~n", [<<"caf", 233>>]),
    io:format("~tp~n", [<<"caf", 195, 169>>]),
    io:format("~p~n", [<<"caf", 195, 169>>]),
    io:format("~tp~n", [{[8364], "abc", 'atom'}]),
    io:format("~p~n", [[1000, 1001]]),
    io:format("~tp~n", [[1000, 1001]]),
    io:format("~ts~n", [[$a, [8364, <<"b">>], "c"]]),
    io:format("~p~n", [length([8364, 20320])]),
    io:format("~tp~n", [lists:duplicate(30, [20320, 22909])]),
    ok.
