%% term_order.erl - Erlang's term order across types: number < atom <
%% reference < fun < port < pid < tuple < list < binary, tuples by size
%% then elements, lists element-wise, == vs =:= on numbers.
-module(term_order).
-export([main/0]).

main() ->
    Terms = [<<"b">>, [1], {1, 2}, atom, 1.5, 3, "abc", {}, [], <<>>, {0, 0, 0}, 'Zed', -1, [0, 1], {2},
             <<"a">>, 2.0, 2, abc, [a | b], 1 bsl 70, -1.0e10],
    io:format("~p~n", [lists:sort(Terms)]),
    io:format("~p~n", [lists:reverse(lists:sort(Terms))]),
    Pairs = [{1, 1.0}, {1, 2}, {a, b}, {a, 1}, {{1}, [1]}, {[], {}}, {"abc", "abd"}, {"ab", "abc"},
             {{1, 2}, {1, 3}}, {{2}, {1, 1}}, {[1, 2], [1 | 2]}, {<<1>>, <<1, 0>>}, {2.5, 2}, {1 bsl 65, 1.0e20}],
    lists:foreach(fun({A, B}) ->
        io:format("~w ~w: < ~w == ~w =:= ~w >= ~w~n", [A, B, A < B, A == B, A =:= B, A >= B])
    end, Pairs),
    io:format("~p~n", [[max(1, 1.0), min(1, 1.0), max(1.0, 1), min(1.0, 1)]]),
    io:format("~p~n", [lists:usort([3, 3.0, 1, 1.0, 2])]),
    io:format("~p~n", [lists:sort([{b, 2}, {a, 3}, {a, 1}, {b, 1}])]),
    io:format("~p~n", [[fun() -> ok end < {}, atom < fun() -> ok end]]),
    ok.
