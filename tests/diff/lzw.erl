%% lzw.erl - LZW compression and decompression over byte strings with the
%% dictionary in key lists and tuples, run on a few texts.
-module(lzw).
-export([main/0]).

compress(S) ->
    Dict = [{[C], C} || C <- lists:seq(0, 255)],
    compress(S, [], Dict, 256, []).

compress([], [], _, _, Out) -> lists:reverse(Out);
compress([], W, Dict, _, Out) -> lists:reverse([code(W, Dict) | Out]);
compress([C | T], W, Dict, Next, Out) ->
    WC = W ++ [C],
    case lists:keymember(WC, 1, Dict) of
        true -> compress(T, WC, Dict, Next, Out);
        false -> compress(T, [C], [{WC, Next} | Dict], Next + 1, [code(W, Dict) | Out])
    end.

code(W, Dict) -> element(2, lists:keyfind(W, 1, Dict)).

decompress([]) -> [];
decompress([First | Rest]) ->
    Dict = list_to_tuple([[C] || C <- lists:seq(0, 255)]),
    decompress(Rest, [First], Dict, [[First]]).

decompress([], _, _, Out) -> lists:append(lists:reverse(Out));
decompress([K | T], W, Dict, Out) ->
    Entry = if
                K < tuple_size(Dict) -> element(K + 1, Dict);
                K =:= tuple_size(Dict) -> W ++ [hd(W)]
            end,
    NewDict = list_to_tuple(tuple_to_list(Dict) ++ [W ++ [hd(Entry)]]),
    decompress(T, Entry, NewDict, [Entry | Out]).

main() ->
    Texts = ["TOBEORNOTTOBEORTOBEORNOT", "abababababababab", "",
             "the rain in spain falls mainly on the plain, the rain in spain",
             lists:flatten(lists:duplicate(20, "abcabd"))],
    lists:foreach(fun(T) ->
        C = compress(T),
        D = decompress(C),
        io:format("~3w -> ~3w codes, ok ~p~n  ~w~n", [length(T), length(C), D =:= T, lists:sublist(C, 16)])
    end, Texts),
    ok.
