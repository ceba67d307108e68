%% exceptions.erl - try/catch/after, catch, classes, rethrow, errors
%% raised by the generated code.
-module(exceptions).
-export([main/0]).

th(0) -> throw(zero);
th(1) -> error(one);
th(2) -> exit(two);
th(3) -> 1 / zero();
th(4) -> erlang:error({tuple, reason});
th(N) -> N.

zero() -> 0.

t1(N) ->
    try th(N) of
        V when V > 10 -> {big, V};
        V -> {ok, V}
    catch
        throw:T -> {thrown, T};
        error:badarith -> arith;
        error:{tuple, R} -> {tuple_error, R};
        error:E -> {error, E};
        exit:X -> {exit, X}
    end.

t2(N) ->
    try
        try th(N)
        catch throw:X -> {inner, X}
        end
    catch
        C:R -> {outer, C, R}
    end.

t3(N) ->
    try th(N)
    after
        io:format("after ~p~n", [N])
    end.

t4(N) ->
    try th(N) of
        V -> {value, V}
    catch
        _:_ -> caught
    after
        io:format("cleanup ~p~n", [N])
    end.

t5() ->
    try error(foo)
    catch error:foo:St -> {is_list(St), length(St) > 0}
    end.

rethrow(N) ->
    try th(N)
    catch throw:X -> {rethrown, X};
          Class:Reason -> erlang:raise(Class, Reason, [])
    end.

badmatch() -> {A, B} = {1, 2, 3}, A + B.
badcase(X) -> case X of a -> 1 end.
badif(X) -> if X > 5 -> big end.
badfun(X) -> f(X).
f(1) -> one.
badarith(X) -> X + 1.
badarg(X) -> element(5, X).

reason(F) ->
    try F() of V -> {no_error, V}
    catch error:R -> R
    end.

main() ->
    io:format("~p~n", [[t1(N) || N <- [0, 1, 2, 3, 4, 5, 20]]]),
    io:format("~p~n", [[catch th(N) || N <- [0, 2, 6]]]),
    io:format("~p~n", [element(1, catch th(1))]),
    io:format("~p~n", [[t2(N) || N <- [0, 1, 2, 9]]]),
    io:format("~p~n", [t3(7)]),
    io:format("~p~n", [catch t3(0)]),
    io:format("~p ~p~n", [t4(5), t4(1)]),
    io:format("~p~n", [t5()]),
    io:format("~p~n", [rethrow(0)]),
    io:format("~p~n", [[reason(F) || F <- [fun badmatch/0, fun() -> badcase(b) end,
                                          fun() -> badif(1) end, fun() -> badfun(2) end,
                                          fun() -> badarith(a) end, fun() -> badarg({}) end,
                                          fun() -> ok end]]]),
    A = 10,
    B = (catch th(A)),
    C = try th(0) catch _ -> A + B end,
    io:format("~p~n", [{A, B, C}]),
    ok.
