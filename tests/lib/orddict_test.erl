%% orddict_test.erl - test program for lib/orddict.erl, in beamlet's Erlang
%% subset. main/0 prints one line per case, {Name, Result} with ~p; the
%% output must be identical under Erlang/OTP's orddict and beamlet's (see
%% tests/lib/run_otp.sh).
-module(orddict_test).
-export([main/0]).

t(Name, F) ->
    R = try F() catch C:E -> {C, E} end,
    io:format("~p~n", [{Name, R}]).

main() ->
    D = orddict:from_list([{b, [2]}, {1, [one]}, {d, [4]}, {a, [1]}, {b, [3]}]),
    N = orddict:from_list([{x, 1}, {y, 2.5}, {2, 0}]),
    Ds = [orddict:new(), D, N, [{1.0, [f]}]],
    Bad = [foo, [x], [{a, 1} | z]],
    Keys = [0, 1, 1.0, 2, a, b, c, d, e, z],
    t(d, fun() -> D end),
    [t({from_list, L}, fun() -> orddict:from_list(L) end)
     || L <- [[], [{a, 1}], [{a, 1}, {a, 2}], [{2, x}, {1.0, y}, {1, z}],
              [{a, 1, 2}], [x, {a, 1}], [{a, 1} | z], foo]],
    [t({size, X}, fun() -> {orddict:size(X), orddict:is_empty(X)} end) || X <- Ds ++ Bad],
    [t({to_list, X}, fun() -> orddict:to_list(X) end) || X <- Ds ++ Bad],
    [t({fetch_keys, X}, fun() -> orddict:fetch_keys(X) end) || X <- Ds ++ Bad],
    [t({is_key, K, X}, fun() -> orddict:is_key(K, X) end) || K <- Keys, X <- Ds ++ Bad],
    [t({find, K, X}, fun() -> orddict:find(K, X) end) || K <- Keys, X <- Ds],
    [t({fetch, K, X}, fun() -> orddict:fetch(K, X) end) || K <- Keys, X <- Ds],
    [t({erase, K, X}, fun() -> orddict:erase(K, X) end) || K <- Keys, X <- Ds],
    [t({take, K, X}, fun() -> orddict:take(K, X) end) || K <- Keys, X <- Ds],
    [t({store, K, X}, fun() -> orddict:store(K, new, X) end) || K <- Keys, X <- Ds],
    [t({append, K, X}, fun() -> {orddict:append(K, new, X),
                                 orddict:append_list(K, [n1, n2], X)} end)
     || K <- Keys, X <- Ds],
    [t({update3, K, X}, fun() -> orddict:update(K, fun(V) -> {V} end, X) end)
     || K <- Keys, X <- Ds],
    [t({update4, K, X}, fun() -> orddict:update(K, fun(V) -> {V} end, init, X) end)
     || K <- Keys, X <- Ds],
    [t({update_counter, K, I}, fun() -> orddict:update_counter(K, I, N) end)
     || K <- [x, y, 2, 2.0, z, 0], I <- [1, -2, 0.5, foo]],
    t(append_not_list, fun() -> orddict:append(x, 3, N) end),
    [t({fold, X}, fun() -> orddict:fold(fun(K, V, A) -> [{K, V} | A] end, [], X) end)
     || X <- Ds ++ Bad],
    %% (the fun itself is left out: its printed form differs between builds)
    t(fold_bad_fun, fun() -> try orddict:fold(fun(K, _) -> K end, [], D)
                             catch error:{badarity, {_, Args}} -> {badarity, Args}
                             end end),
    t(fold_not_fun, fun() -> orddict:fold(foo, [], []) end),
    [t({map, X}, fun() -> orddict:map(fun(K, V) -> {K, V} end, X) end) || X <- Ds ++ Bad],
    t(map_not_fun, fun() -> orddict:map(foo, []) end),
    [t({filter, X}, fun() -> orddict:filter(fun(K, _) -> is_atom(K) end, X) end)
     || X <- Ds ++ Bad],
    t(filter_bad_result, fun() -> orddict:filter(fun(_, _) -> x end, D) end),
    [t({merge, X, Y}, fun() -> orddict:merge(fun(K, V1, V2) -> {K, V1, V2} end, X, Y) end)
     || X <- Ds ++ Bad, Y <- Ds],
    t(merge_not_fun, fun() -> orddict:merge(foo, [], []) end),
    t(big, fun() ->
                   Big = lists:foldl(fun(I, A) -> orddict:store(I rem 37, I, A) end,
                                     orddict:new(), lists:seq(1, 500)),
                   {orddict:size(Big), orddict:fetch(5, Big), orddict:fetch_keys(Big)}
           end),
    ok.
