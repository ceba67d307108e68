%% proplists_test.erl - test program for lib/proplists.erl, in beamlet's
%% Erlang subset. main/0 prints one line per case, {Name, Result} with ~p;
%% the output must be identical under Erlang/OTP's proplists and beamlet's
%% (see tests/lib/run_otp.sh).
-module(proplists_test).
-export([main/0]).

t(Name, F) ->
    R = try F() catch C:E -> {C, E} end,
    io:format("~p~n", [{Name, R}]).

main() ->
    L = [{a, 1}, b, {c, 3, extra}, {a, 2}, "junk", {1, one}, {d, true}, {e, false},
         {f}, c],
    Keys = [a, b, c, d, e, f, g, 1, 1.0],
    [t({get_value, K}, fun() -> proplists:get_value(K, L) end) || K <- Keys],
    [t({get_value_default, K}, fun() -> proplists:get_value(K, L, none) end) || K <- Keys],
    [t({lookup, K}, fun() -> proplists:lookup(K, L) end) || K <- Keys],
    [t({lookup_all, K}, fun() -> proplists:lookup_all(K, L) end) || K <- Keys],
    [t({get_all_values, K}, fun() -> proplists:get_all_values(K, L) end) || K <- Keys],
    [t({append_values, K}, fun() -> proplists:append_values(K, [{a, [1, 2]}, a, {a, 3}, {b, x}]) end)
     || K <- Keys],
    [t({is_defined, K}, fun() -> proplists:is_defined(K, L) end) || K <- Keys],
    [t({get_bool, K}, fun() -> proplists:get_bool(K, L) end) || K <- Keys],
    [t({delete, K}, fun() -> proplists:delete(K, L) end) || K <- Keys],
    t(get_value_empty, fun() -> proplists:get_value(a, []) end),
    t(get_value_bad, fun() -> proplists:get_value(z, foo) end),
    t(get_value_improper, fun() -> proplists:get_value(a, [{a, 1} | foo]) end),
    t(lookup_bad, fun() -> proplists:lookup(z, [{a, 1} | foo]) end),
    t(property, fun() -> {proplists:property({a, true}), proplists:property({a, 1}),
                          proplists:property(a, true), proplists:property(a, 1),
                          proplists:property("s", true)} end),
    t(compact, fun() -> proplists:compact([{a, true}, {b, 1}, c, {"s", true}]) end),
    t(unfold, fun() -> proplists:unfold([a, {b, 1}, "s", c]) end),
    ok.
