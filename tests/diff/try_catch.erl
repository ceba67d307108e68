%% try_catch.erl - try ... of ... catch Class:Reason:Stack ... after ...
%% end in all shapes: nested, rethrow with erlang:raise, after running on
%% every path, throw used for non-local return, catch Expr.
-module(try_catch).
-export([main/0]).

risky(ok) -> fine;
risky(throw) -> throw(thrown_value);
risky(error) -> error(an_error);
risky(exit) -> exit(an_exit);
risky(badarith) -> 1 / zero();
risky({throw, T}) -> throw(T).

zero() -> 0.

classify(What) ->
    try risky(What) of
        fine -> {returned, fine}
    catch
        throw:thrown_value -> {caught_throw};
        throw:Other -> {caught_other_throw, Other};
        error:badarith:Stack -> {caught_badarith, is_list(Stack)};
        error:Reason -> {caught_error, Reason};
        exit:Reason -> {caught_exit, Reason}
    end.

with_after(What) ->
    put(log, []),
    R = try
            try risky(What)
            after
                put(log, [after_inner | get(log)])
            end
        catch
            Class:Reason -> {Class, Reason}
        after
            put(log, [after_outer | get(log)])
        end,
    {R, lists:reverse(get(log))}.

rethrow(What) ->
    try
        try risky(What)
        catch
            error:E:St -> erlang:raise(error, {wrapped, E}, St)
        end
    catch
        error:{wrapped, Inner} -> {unwrapped, Inner};
        C:R -> {other, C, R}
    end.

%% throw as a non-local return out of a deep search
find(Pred, Tree) ->
    try walk(Pred, Tree), not_found
    catch throw:{found, X} -> {found, X}
    end.

walk(Pred, {L, V, R}) ->
    walk(Pred, L),
    case Pred(V) of true -> throw({found, V}); false -> ok end,
    walk(Pred, R);
walk(_, nil) -> ok.

stack_top() ->
    try lists:nth(0, [a])
    catch error:R:St ->
        [{M, F, A, _} | _] = St,
        {R, M, F, is_integer(A) orelse is_list(A), length(St) > 0}
    end.

main() ->
    io:format("~p~n", [[classify(W) || W <- [ok, throw, error, exit, badarith, {throw, 42}]]]),
    io:format("~p~n", [[with_after(W) || W <- [ok, throw, error]]]),
    io:format("~p~n", [[rethrow(W) || W <- [ok, error, throw, badarith]]]),
    T = {{nil, 1, nil}, 5, {{nil, 7, nil}, 9, nil}},
    io:format("~p ~p~n", [find(fun(X) -> X > 6 end, T), find(fun(X) -> X > 100 end, T)]),
    io:format("~p~n", [[catch risky(W) || W <- [ok, throw]]]),
    {'EXIT', {an_error, St}} = (catch risky(error)),
    io:format("catch error: stack is list ~p~n", [is_list(St)]),
    io:format("~p~n", [catch risky(exit)]),
    io:format("~p~n", [catch 1 + 2]),
    X = (catch throw(direct)),
    io:format("~p~n", [X]),
    io:format("~p~n", [stack_top()]),
    Nested = try
                 try throw(inner)
                 catch throw:inner -> throw(outer)
                 end
             catch throw:outer -> caught_outer
             end,
    io:format("~p~n", [Nested]),
    V = try 42 of N when N > 40 -> big; _ -> small catch _:_ -> error end,
    io:format("~p~n", [V]),
    OfErr = try (try ok of ok -> error(in_of) catch error:in_of -> caught_from_of end)
            catch error:in_of -> escaped_from_of
            end,
    io:format("~p~n", [OfErr]),
    R2 = try error({complex, [1, 2], "reason"}) catch error:{complex, L, S} -> {L, S} end,
    io:format("~p~n", [R2]),
    R3 = try exit(normal) catch exit:normal -> normal_exit_caught end,
    io:format("~p~n", [R3]),
    R4 = try erlang:throw({a, b}) catch Class:Reason -> {Class, Reason} end,
    io:format("~p~n", [R4]),
    R5 = try throw(x) catch _ -> underscore_catches_throw end,
    io:format("~p~n", [R5]),
    Uncaught = try try error(deep) catch throw:_ -> no end catch error:deep -> passed_through end,
    io:format("~p~n", [Uncaught]),
    AfterOnly = try try ok after io:format("after runs~n") end of ok -> ok catch _:_ -> bad end,
    io:format("~p~n", [AfterOnly]),
    ok.
