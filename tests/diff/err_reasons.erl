%% err_reasons.erl - every error reason the generated code and BIFs raise:
%% function_clause, badmatch, case_clause, if_clause, try_clause, badfun,
%% badarity, badarith, badarg, undef, and erlang:error/exit/throw values.
-module(err_reasons).
-export([main/0]).

f(1) -> one;
f(2) -> two.

g(X) when is_atom(X) -> atom.

reason(Fun) ->
    try Fun() of
        V -> {no_error, V}
    catch
        error:{badfun, _} -> badfun;
        error:{badarity, {F, Args}} -> {badarity, is_function(F), Args};
        Class:Reason -> {Class, Reason}
    end.

id(X) -> X.

main() ->
    Cases = [
        fun() -> f(3) end,
        fun() -> g(1) end,
        fun() -> {a, B} = id({b, 1}), B end,
        fun() -> [H | _] = id([]), H end,
        fun() -> 1 = id(2) end,
        fun() -> case id(x) of y -> ok end end,
        fun() -> case id({1, 2}) of {2, _} -> ok end end,
        fun() -> X = id(5), if X > 10 -> big; X < 0 -> neg end end,
        fun() -> try id(3) of 4 -> four catch _:_ -> no end end,
        fun() -> (id(not_a_fun))(1) end,
        fun() -> (id({a, b}))() end,
        fun() -> (id(fun(X) -> X end))(1, 2) end,
        fun() -> (id(fun() -> ok end))(x) end,
        fun() -> id(1) + id(a) end,
        fun() -> id(1) div id(0) end,
        fun() -> id(1) rem id(0) end,
        fun() -> id(1.0) / id(0) end,
        fun() -> id(5) band id(1.0) end,
        fun() -> -id(foo) end,
        fun() -> id(1) bsl id(a) end,
        fun() -> element(5, id({a})) end,
        fun() -> atom_to_list(id(123)) end,
        fun() -> length(id(notlist)) end,
        fun() -> hd(id([])) end,
        fun() -> list_to_tuple(id(x)) end,
        fun() -> id([1]) ++ id(x) end,
        fun() -> id(x) ++ id([1]) end,
        fun() -> id([1, 2]) -- id(y) end,
        fun() -> undefined_module_xyz:foo(1) end,
        fun() -> lists:no_such_function(1) end,
        fun() -> (id(fun lists:nosuch/0))() end,
        fun() -> apply(id(err_reasons), id(missing), []) end,
        fun() -> erlang:error(custom) end,
        fun() -> erlang:error({custom, 1, "two"}) end,
        fun() -> exit(bye) end,
        fun() -> throw(ball) end,
        fun() -> lists:nth(10, [a]) end,
        fun() -> lists:map(not_a_fun, [1]) end,
        fun() -> lists:foldl(fun(X) -> X end, 0, [1]) end,
        fun() -> id(true) andalso id(1) end,
        fun() -> id(1) andalso true end,
        fun() -> id(false) orelse id(x) end,
        fun() -> id(1) orelse true end,
        fun() -> not id(3) end,
        fun() -> id(true) and id(3) end,
        fun() -> erlang:abs(id(a)) end,
        fun() -> round(id("1")) end,
        fun() -> list_to_integer(id("x1")) end,
        fun() -> ok end
    ],
    lists:foreach(fun({I, F}) -> io:format("~2w ~p~n", [I, reason(F)]) end,
                  lists:zip(lists:seq(1, length(Cases)), Cases)),
    ok.
