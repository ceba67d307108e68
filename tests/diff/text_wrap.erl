%% text_wrap.erl - word wrapping, justification, centring and a boxed
%% table built from strings with io_lib:format and string functions.
-module(text_wrap).
-export([main/0]).

text() ->
    "Erlang is a programming language used to build massively scalable soft real-time "
    "systems with requirements on high availability. Some of its uses are in telecoms, "
    "banking, e-commerce, computer telephony and instant messaging. Erlang's runtime "
    "system has built-in support for concurrency, distribution and fault tolerance.".

wrap(Text, Width) ->
    Words = string:tokens(Text, " "),
    lists:reverse([lists:reverse(L) || L <- wrap(Words, Width, [], [])]).

wrap([], _, [], Lines) -> Lines;
wrap([], _, Cur, Lines) -> [Cur | Lines];
wrap([W | Ws], Width, [], Lines) -> wrap(Ws, Width, [W], Lines);
wrap([W | Ws], Width, Cur, Lines) ->
    Len = lists:sum([length(X) + 1 || X <- Cur]) + length(W),
    case Len > Width of
        true -> wrap([W | Ws], Width, [], [Cur | Lines]);
        false -> wrap(Ws, Width, [W | Cur], Lines)
    end.

justify(Words, _Width) when length(Words) < 2 -> string:join(Words, " ");
justify(Words, Width) ->
    Gaps = length(Words) - 1,
    Spaces = Width - lists:sum([length(W) || W <- Words]),
    Base = Spaces div Gaps,
    Extra = Spaces rem Gaps,
    {Out, _} = lists:mapfoldl(fun(W, I) ->
                                      Pad = if I < Gaps -> lists:duplicate(Base + (if I < Extra -> 1; true -> 0 end), $\s);
                                               true -> "" end,
                                      {W ++ Pad, I + 1}
                              end, 0, Words),
    lists:append(Out).

centre(S, Width) ->
    L = string:length(S),
    Left = (Width - L) div 2,
    lists:duplicate(Left, $\s) ++ S ++ lists:duplicate(Width - L - Left, $\s).

box(Rows) ->
    Widths = [lists:max([string:length(lists:nth(I, R)) || R <- Rows]) || I <- lists:seq(1, length(hd(Rows)))],
    Sep = "+" ++ string:join([lists:duplicate(W + 2, $-) || W <- Widths], "+") ++ "+",
    Line = fun(R) -> "|" ++ string:join([io_lib:format(" ~-*s ", [W, C]) || {W, C} <- lists:zip(Widths, R)], "|") ++ "|" end,
    [H | Body] = Rows,
    lists:foreach(fun(L) -> io:format("~s~n", [L]) end, [Sep, Line(H), Sep] ++ [Line(R) || R <- Body] ++ [Sep]).

main() ->
    lists:foreach(fun(W) ->
        io:format("--- width ~w ---~n", [W]),
        Lines = wrap(text(), W),
        lists:foreach(fun(L) -> io:format("~-*s|~n", [W, string:join(L, " ")]) end, Lines)
    end, [40, 60]),
    io:format("--- justified 50 ---~n"),
    Ls = wrap(text(), 50),
    lists:foreach(fun(L) -> io:format("~s|~n", [justify(L, 50)]) end, lists:sublist(Ls, length(Ls) - 1)),
    io:format("~s~n", [string:join(lists:last(Ls), " ")]),
    io:format("[~s]~n[~s]~n", [centre("title", 21), centre("a longer title", 21)]),
    box([["name", "lang", "year"], ["Erlang", "functional", "1986"], ["C", "imperative", "1972"],
         ["Lua", "scripting", "1993"]]),
    ok.
