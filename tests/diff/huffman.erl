%% huffman.erl - Huffman coding: frequency count, tree building with a
%% sorted list as priority queue, code table, encode and decode round trip.
-module(huffman).
-export([main/0]).

freqs(Text) ->
    lists:foldl(fun(C, Acc) ->
                        case lists:keyfind(C, 1, Acc) of
                            {C, N} -> lists:keyreplace(C, 1, Acc, {C, N + 1});
                            false -> [{C, 1} | Acc]
                        end
                end, [], Text).

build(Freqs) ->
    Q = lists:sort([{N, C, {leaf, C}} || {C, N} <- Freqs]),
    merge_all(Q).

merge_all([{_, _, Tree}]) -> Tree;
merge_all([{N1, K1, T1}, {N2, K2, T2} | Rest]) ->
    merge_all(lists:sort([{N1 + N2, min(K1, K2), {node, T1, T2}} | Rest])).

codes({leaf, C}, Prefix) -> [{C, lists:reverse(Prefix)}];
codes({node, L, R}, Prefix) -> codes(L, [$0 | Prefix]) ++ codes(R, [$1 | Prefix]).

encode(Text, Table) -> lists:append([element(2, lists:keyfind(C, 1, Table)) || C <- Text]).

decode(Bits, Tree) -> decode(Bits, Tree, Tree, []).
decode([], _, {leaf, C}, Acc) -> lists:reverse([C | Acc]);
decode([], _, _, Acc) -> lists:reverse(Acc);
decode(Bits, Root, {leaf, C}, Acc) -> decode(Bits, Root, Root, [C | Acc]);
decode([$0 | T], Root, {node, L, _}, Acc) -> decode(T, Root, L, Acc);
decode([$1 | T], Root, {node, _, R}, Acc) -> decode(T, Root, R, Acc).

main() ->
    Text = "this is an example of a huffman tree built by a small erlang program",
    F = freqs(Text),
    io:format("~w distinct symbols~n", [length(F)]),
    io:format("~p~n", [lists:sort(fun({C1, N1}, {C2, N2}) -> {N2, C1} =< {N1, C2} end, F)]),
    Tree = build(F),
    Table = lists:sort(codes(Tree, [])),
    lists:foreach(fun({C, Code}) -> io:format("'~c' ~s~n", [C, Code]) end, Table),
    Bits = encode(Text, Table),
    io:format("~w bits vs ~w uncompressed (~.1f%)~n", [length(Bits), 8 * length(Text), 100 * length(Bits) / (8 * length(Text))]),
    io:format("~s...~n", [lists:sublist(Bits, 60)]),
    Back = decode(Bits, Tree),
    io:format("~s~n~p~n", [Back, Back =:= Text]),
    ok.
