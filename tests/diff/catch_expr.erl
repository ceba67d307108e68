%% catch_expr.erl - the old-style catch expression: values of thrown,
%% errored and exited terms, nesting, catch inside list comprehensions and
%% folds, and precedence (catch binds loosely).
-module(catch_expr).
-export([main/0]).

thrower(N) when N rem 3 =:= 0 -> throw({three, N});
thrower(N) when N rem 5 =:= 0 -> exit({five, N});
thrower(N) when N rem 7 =:= 0 -> erlang:error({seven, N});
thrower(N) -> N * 10.

summarise({'EXIT', {Reason, Stack}}) when is_list(Stack) -> {error, Reason};
summarise({'EXIT', Reason}) -> {exit, Reason};
summarise(Other) -> Other.

main() ->
    io:format("~p~n", [[summarise(catch thrower(N)) || N <- lists:seq(1, 15)]]),
    A = (catch 42),
    B = (catch throw(42)),
    C = catch {ok, 1},
    io:format("~p ~p ~p~n", [A, B, C]),
    D = (catch (catch throw(inner))),
    io:format("~p~n", [D]),
    E = (catch exit(normal)),
    io:format("~p~n", [E]),
    {'EXIT', {badarith, _}} = (catch 1 / zero()),
    io:format("badarith caught~n"),
    {'EXIT', {{badmatch, 2}, _}} = (catch begin 1 = id(2) end),
    io:format("badmatch caught~n"),
    Total = lists:foldl(fun(N, Acc) ->
                                case catch thrower(N) of
                                    V when is_integer(V) -> Acc + V;
                                    {three, _} -> Acc + 1;
                                    {'EXIT', _} -> Acc - 1
                                end
                        end, 0, lists:seq(1, 30)),
    io:format("~p~n", [Total]),
    F = fun() -> catch throw(from_fun) end,
    io:format("~p~n", [F()]),
    G = (catch lists:map(fun(X) -> thrower(X) end, [1, 2, 3, 4])),
    io:format("~p~n", [G]),
    io:format("~p~n", [catch ok]),
    ok.

zero() -> 0.
id(X) -> X.
