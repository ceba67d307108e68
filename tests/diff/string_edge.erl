%% string_edge.erl - edge cases of the string functions: empty inputs,
%% separators at the ends, multi-character separators, CR LF, latin1
%% letters, numbers at the edges of to_integer and to_float.
-module(string_edge).
-export([main/0]).

main() ->
    io:format("~p~n", [[string:split(S, "-", W) || S <- ["", "-", "--", "a-", "-a", "a--b"], W <- [leading, trailing, all]]]),
    io:format("~p~n", [string:split("abcabcabc", "bc", all)]),
    io:format("~p~n", [string:split("aaa", "aa", all)]),
    io:format("~p~n", [string:split("line1\r\nline2\r\n", "\r\n", all)]),
    io:format("~p~n", [string:split("x", "")]),
    io:format("~p~n", [[string:trim(S) || S <- ["", " ", "  a  ", "\t\r\n a \r\n", "a b"]]]),
    io:format("~p~n", [[string:trim(S, both, "ab") || S <- ["abxba", "aaa", "xab", "baxyab"]]]),
    io:format("~p~n", [string:trim("\r\n\r\n", trailing)]),
    io:format("~p~n", [string:trim("..x..", leading, ".")]),
    io:format("~p~n", [[string:tokens(S, Sep) || {S, Sep} <- [{"a b", ""}, {"", ""}, {"aXbYc", "XY"}, {"  a  ", " "}]]]),
    io:format("~p~n", [[string:join(L, Sep) || {L, Sep} <- [{["a"], ""}, {["", ""], ","}, {["a", "b", "c"], ""}, {["x", "y"], ", "}]]]),
    io:format("~p~n", [[string:length(S) || S <- ["a\r\nb", "\n\r", "\r\n\r\n", "\x{e9}\x{e8}"]]]),
    io:format("~p~n", [[string:to_upper(S) || S <- ["", "\x{e0}\x{ff}\x{df}", "mIxEd 123 !?", "\x{f7}"]]]),
    io:format("~p~n", [[string:to_lower(S) || S <- ["", "\x{c0}\x{de}", "ABC xyz", "\x{d7}"]]]),
    io:format("~p~n", [[string:to_upper(C) || C <- [$a, $z, $A, $1, 224, 255]]]),
    io:format("~p~n", [[string:copies(S, N) || {S, N} <- [{"", 5}, {"ab", 1}, {"-", 10}]]]),
    io:format("~p~n", [[string:sub_string("abcdef", S, E) || {S, E} <- [{1, 6}, {2, 2}, {3, 10}, {6, 6}, {4, 3}]]]),
    io:format("~p~n", [[string:substr("abcdef", S, L) || {S, L} <- [{1, 6}, {2, 0}, {6, 1}, {7, 0}]]]),
    io:format("~p~n", [[string:substr("abcdef", S) || S <- [1, 4, 7]]]),
    io:format("~p~n", [[string:str(S, Sub) || {S, Sub} <- [{"", ""}, {"", "a"}, {"aaa", "aa"}, {"abcabc", "cab"}, {"abc", "abcd"}]]]),
    io:format("~p~n", [[string:chr(S, C) || {S, C} <- [{"", $a}, {"abca", $a}, {"xyz", $z}]]]),
    io:format("~p~n", [[string:to_integer(S) || S <- ["0", "-0", "+", "-", "12 34", "99999999999999999999999", "1e5", " 5", "0x10", "--1"]]]),
    io:format("~p~n", [[string:to_float(S) || S <- ["0.0", "-0.0", "1.", "1.e5", "1.0e", "1.0e+", "1.0e-3x", "+1.5", "1,5", "3.14.15", "1.0E400"]]]),
    R = fun(F) -> try F() catch C:E -> {C, E} end end,
    io:format("~p~n", [[R(fun() -> string:substr("abc", 0) end), R(fun() -> string:sub_string("abc", 0, 1) end)]]),
    io:format("~p~n", [R(fun() -> string:copies("a", -1) end)]),
    io:format("~p~n", [[R(fun() -> string:to_integer(abc) end), R(fun() -> string:tokens(abc, " ") end)]]),
    io:format("~p~n", [[R(fun() -> string:chr("abc", "b") end), R(fun() -> string:join(["a", b], ",") end)]]),
    ok.
