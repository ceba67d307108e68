%% word_freq.erl - word frequencies of a text: normalising case and
%% punctuation, counting with a sorted merge, top-N report with a bar chart,
%% letter histogram and bigrams.
-module(word_freq).
-export([main/0]).

text() ->
    "It was the best of times, it was the worst of times, it was the age of wisdom, "
    "it was the age of foolishness, it was the epoch of belief, it was the epoch of "
    "incredulity, it was the season of Light, it was the season of Darkness, it was "
    "the spring of hope, it was the winter of despair, we had everything before us, "
    "we had nothing before us, we were all going direct to Heaven, we were all going "
    "direct the other way.".

words(T) ->
    Clean = [case C of _ when C >= $A, C =< $Z -> C + 32; _ when C >= $a, C =< $z -> C; _ -> $\s end || C <- T],
    string:tokens(Clean, " ").

count(Words) -> count(lists:sort(Words), []).
count([], Acc) -> Acc;
count([W | T], [{W, N} | Acc]) -> count(T, [{W, N + 1} | Acc]);
count([W | T], Acc) -> count(T, [{W, 1} | Acc]).

main() ->
    Ws = words(text()),
    io:format("~w words, ~w distinct~n", [length(Ws), length(lists:usort(Ws))]),
    Counts = lists:sort(fun({A, N}, {B, M}) -> {M, A} =< {N, B} end, count(Ws)),
    lists:foreach(fun({W, N}) ->
        io:format("~-12s ~3w ~s~n", [W, N, lists:duplicate(N, $*)])
    end, lists:sublist(Counts, 12)),
    Letters = count([C || C <- lists:flatten(Ws)]),
    Top = lists:sublist(lists:reverse(lists:keysort(2, Letters)), 8),
    io:format("~p~n", [Top]),
    Bigrams = count(lists:zipwith(fun(A, B) -> A ++ " " ++ B end, lists:sublist(Ws, length(Ws) - 1), tl(Ws))),
    io:format("~p~n", [lists:sublist(lists:sort(fun({A, N}, {B, M}) -> {M, A} =< {N, B} end, Bigrams), 5)]),
    Longest = lists:foldl(fun(W, Best) -> case length(W) > length(Best) of true -> W; false -> Best end end, "", Ws),
    io:format("longest: ~s (~w)~n", [Longest, length(Longest)]),
    io:format("average length: ~.3f~n", [lists:sum([length(W) || W <- Ws]) / length(Ws)]),
    ok.
