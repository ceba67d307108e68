%% ordsets_test.erl - test program for lib/ordsets.erl, in beamlet's Erlang
%% subset. main/0 prints one line per case, {Name, Result} with ~p; the
%% output must be identical under Erlang/OTP's ordsets and beamlet's (see
%% tests/lib/run_otp.sh).
-module(ordsets_test).
-export([main/0]).

t(Name, F) ->
    R = try F() catch C:E -> {C, E} end,
    io:format("~p~n", [{Name, R}]).

main() ->
    Sets = [ordsets:new(), ordsets:from_list([3, 1, 2, 1]), [1.0, 2.0, a],
            ordsets:from_list([-1, 2, 3, a, {1}, "s"]), [1, {1.0}, [], "s"], [b]],
    Bad = [foo, [1 | x], [2, 1]],
    Elems = [0, 1, 1.0, 2, 2.5, a, b, {1}, z],
    [t({from_list, L}, fun() -> ordsets:from_list(L) end)
     || L <- [[], [b, a, b], [1, 1.0, 2.0, 2], [{1}, {1.0}, x], [1 | x], foo]],
    [t({is_set, S}, fun() -> ordsets:is_set(S) end)
     || S <- Sets ++ Bad ++ [[1, 1.0], [a, b | c], [b, a | c], []]],
    [t({size, S}, fun() -> {ordsets:size(S), ordsets:is_empty(S), ordsets:to_list(S)} end)
     || S <- Sets ++ Bad],
    [t({is_element, E, S}, fun() -> ordsets:is_element(E, S) end) || E <- Elems, S <- Sets ++ Bad],
    [t({add_element, E, S}, fun() -> ordsets:add_element(E, S) end) || E <- Elems, S <- Sets],
    [t({del_element, E, S}, fun() -> ordsets:del_element(E, S) end) || E <- Elems, S <- Sets],
    t(add_bad, fun() -> ordsets:add_element(1, foo) end),
    t(del_bad, fun() -> ordsets:del_element(1, foo) end),
    [t({union, S1, S2}, fun() -> ordsets:union(S1, S2) end) || S1 <- Sets ++ Bad, S2 <- Sets],
    [t({intersection, S1, S2}, fun() -> ordsets:intersection(S1, S2) end)
     || S1 <- Sets ++ Bad, S2 <- Sets],
    [t({subtract, S1, S2}, fun() -> ordsets:subtract(S1, S2) end) || S1 <- Sets ++ Bad, S2 <- Sets],
    [t({is_subset, S1, S2}, fun() -> ordsets:is_subset(S1, S2) end) || S1 <- Sets ++ Bad, S2 <- Sets],
    [t({is_disjoint, S1, S2}, fun() -> ordsets:is_disjoint(S1, S2) end)
     || S1 <- Sets ++ Bad, S2 <- Sets],
    [t({with_bad, F, S}, fun() -> ordsets:F(S, foo) end)
     || F <- [union, intersection, subtract, is_subset, is_disjoint], S <- [[], [1]]],
    Lists = [[], [[1]], [foo], [[1], [1.0]], [[1.0], [1], [1, 2.0]], Sets, lists:reverse(Sets),
             [[1, 2], [2, 3], [2]], [[1, 2], foo], foo, [[1] | x]],
    [t({union1, L}, fun() -> ordsets:union(L) end) || L <- Lists],
    %% (not given to union/1: there the error differs from OTP's, documented)
    t(intersection1_bad_third, fun() -> ordsets:intersection([[1, 2], [3], foo]) end),
    [t({intersection1, L}, fun() -> ordsets:intersection(L) end) || L <- Lists],
    [t({fold, S}, fun() -> ordsets:fold(fun(E, A) -> [E | A] end, [], S) end) || S <- Sets ++ Bad],
    t(fold_not_fun, fun() -> ordsets:fold(foo, 0, []) end),
    [t({filter, S}, fun() -> ordsets:filter(fun(E) -> is_number(E) end, S) end) || S <- Sets ++ Bad],
    t(filter_bad_result, fun() -> ordsets:filter(fun(_) -> x end, [1]) end),
    t(big, fun() ->
                   A = ordsets:from_list([I rem 50 || I <- lists:seq(1, 400)]),
                   B = ordsets:from_list([I * 3 || I <- lists:seq(1, 40)]),
                   {ordsets:size(A), ordsets:union(A, B), ordsets:intersection(A, B),
                    ordsets:subtract(B, A)}
           end),
    ok.
