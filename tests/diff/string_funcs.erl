%% string_funcs.erl - the string module: join, split, trim, tokens,
%% to_upper, to_lower, length, copies, sub_string, substr, str, chr,
%% to_integer, to_float.
-module(string_funcs).
-export([main/0]).

main() ->
    io:format("~p~n", [string:join(["a", "b", "c"], ", ")]),
    io:format("~p ~p~n", [string:join([], "-"), string:join(["one"], "-")]),
    io:format("~p~n", [string:split("a,b,c", ",")]),
    io:format("~p~n", [string:split("a,b,c", ",", all)]),
    io:format("~p~n", [string:split("a,b,c", ",", trailing)]),
    io:format("~p~n", [string:split("a::b::c", "::", all)]),
    io:format("~p~n", [string:split("no separator", ",")]),
    io:format("~p~n", [string:split(",,a,,", ",", all)]),
    io:format("~p~n", [string:split("", ",")]),
    io:format("~p~n", [string:trim("   padded   ")]),
    io:format("~p~n", [string:trim("   padded   ", leading)]),
    io:format("~p~n", [string:trim("   padded   ", trailing)]),
    io:format("~p~n", [string:trim("xxhixx", both, "x")]),
    io:format("~p~n", [string:trim("\t\n  mixed ws \r\n")]),
    io:format("~p~n", [string:trim("")]),
    io:format("~p~n", [string:tokens("the quick  brown fox", " ")]),
    io:format("~p~n", [string:tokens("a,b;c d", ",; ")]),
    io:format("~p~n", [string:tokens("", ",")]),
    io:format("~p~n", [string:tokens(",,,", ",")]),
    io:format("~p~n", [string:to_upper("Hello, World! 123")]),
    io:format("~p~n", [string:to_lower("Hello, World! 123")]),
    io:format("~p ~p~n", [string:to_upper($a), string:to_lower($Q)]),
    io:format("~p~n", [string:to_upper("caf\x{e9}")]),
    io:format("~p~n", [[string:length(S) || S <- ["", "abc", "hello world", "\r\n", "caf\x{e9}"]]]),
    io:format("~p~n", [string:copies("ab", 3)]),
    io:format("~p~n", [string:copies("x", 0)]),
    io:format("~p~n", [string:sub_string("hello world", 7)]),
    io:format("~p~n", [string:sub_string("hello world", 1, 5)]),
    io:format("~p~n", [string:sub_string("hello world", 3, 3)]),
    io:format("~p~n", [string:substr("hello world", 7)]),
    io:format("~p~n", [string:substr("hello world", 2, 4)]),
    io:format("~p~n", [string:substr("hello", 3, 0)]),
    io:format("~p~n", [[string:str("hello world", S) || S <- ["world", "o", "xyz", "", "hello world!"]]]),
    io:format("~p~n", [[string:chr("hello", C) || C <- [$h, $l, $o, $z]]]),
    io:format("~p~n", [[string:to_integer(S) || S <- ["123", "-45abc", "+7", "abc", "", "12.5", "007"]]]),
    io:format("~p~n", [[string:to_float(S) || S <- ["1.5", "-2.25e3rest", "3", "abc", "1.0e-2", ".5", "2.5E+1x"]]]),
    %% a small word-count report using several of them
    Text = "  The cat sat on the mat. The mat was flat; the cat was fat.  ",
    Words = string:tokens(string:to_lower(string:trim(Text)), " .;"),
    Counts = count(Words, []),
    Sorted = lists:sort(fun({W1, C1}, {W2, C2}) -> {-C1, W1} =< {-C2, W2} end, Counts),
    lists:foreach(fun({W, C}) ->
        io:format("~s~s~w~n", [W, string:copies(".", 8 - string:length(W)), C])
    end, Sorted),
    io:format("~s~n", [string:join([string:to_upper(W) || {W, _} <- lists:sublist(Sorted, 3)], "|")]),
    ok.

count([], Acc) -> Acc;
count([W | T], Acc) ->
    case lists:keyfind(W, 1, Acc) of
        {W, N} -> count(T, lists:keyreplace(W, 1, Acc, {W, N + 1}));
        false -> count(T, [{W, 1} | Acc])
    end.
