%% ext_deep.erl - term_to_binary and binary_to_term of terms nested
%% 100,000 deep (lists, tuples, improper tails), round trip and size: the
%% decoder must not recurse in C.
-module(ext_deep).
-export([main/0]).

main() ->
    N = 100000,
    L = lists:foldl(fun(_, A) -> [A] end, x, lists:seq(1, N)),
    T = lists:foldl(fun(I, A) -> {I, A} end, x, lists:seq(1, N)),
    I = lists:foldl(fun(I, A) -> [I | A] end, tail, lists:seq(1, N)),
    M = lists:foldl(fun(I, A) -> [{I, [A]}, <<I:16>>] end, [], lists:seq(1, N)),
    lists:foreach(fun({Name, X}) ->
                          B = term_to_binary(X),
                          io:format("~p: ~p bytes, round trip ~p~n",
                                    [Name, byte_size(B), binary_to_term(B) =:= X])
                  end, [{list, L}, {tuple, T}, {improper, I}, {mixed, M}]).
