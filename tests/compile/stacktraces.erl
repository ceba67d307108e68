%% stacktraces.erl - the stack traces of exceptions, as BEAM builds them:
%% erlang:error/1,2, exit/1 and throw/1 add no frame of their own (the
%% trace starts at their caller), error/2's argument list (when it is a
%% list) replaces the caller's arity, a function_clause frame carries the
%% arguments; frames of calls in progress follow with their lines. Only
%% this module's named functions are printed (erl adds erl_eval's frames
%% below main, and names funs differently), and no file names (erlc and
%% beamlet are given different paths). nested/1 and deep/2 are exported
%% so that erlc cannot infer from main's constant arguments that e1 never
%% returns there (it would then turn their calls into tail calls, and
%% their frames would be missing).
-module(stacktraces).
-export([main/0, nested/1, deep/2]).

e1(0) -> ok;
e1(X) -> erlang:error({e1, X}).

e2(A, B) ->
    case A of
        0 -> ok;
        _ -> erlang:error(badthing, [A, B])
    end.

e3(A) ->
    case A of
        0 -> ok;
        _ -> erlang:error(other, A)
    end.

e4(A) ->
    case A of
        0 -> ok;
        _ -> erlang:error(improper, [A | tail])
    end.

t1(X) ->
    case X of
        0 -> ok;
        _ -> throw({t1, X})
    end.

x1(X) ->
    case X of
        0 -> ok;
        _ -> exit({x1, X})
    end.

fc(a, _) -> ok.

via_apply(X) ->
    R = apply(erlang, error, [X]),
    {R}.

via_fun(X) ->
    F = fun erlang:throw/1,
    R = F(X),
    {R}.

nested(N) ->
    R = e1(N),
    {nested, R}.

deep(0, X) -> [nested(X)];
deep(N, X) -> [deep(N - 1, X)].

tail(X) -> erlang:error(X).

frames(S) ->
    [{F, A, proplists:get_value(line, Loc)}
     || {M, F, A, Loc} <- S, M =:= ?MODULE, hd(atom_to_list(F)) =/= $-].

run(Name, F) ->
    try F() of
        V -> io:format("~p: returned ~p~n", [Name, V])
    catch
        C:R:S -> io:format("~p: ~p:~p~n  ~p~n", [Name, C, R, frames(S)])
    end.

main() ->
    run(e1, fun() -> e1(1) end),
    run(e2, fun() -> e2(1, 2) end),
    run(e2_nil, fun() -> e2(1, []) end),
    run(e3_atom, fun() -> e3(x) end),
    run(e3_nil, fun() -> e3([]) end),
    run(e4, fun() -> e4(7) end),
    run(t1, fun() -> t1(3) end),
    run(x1, fun() -> x1(4) end),
    run(fc, fun() -> fc(b, [1, 2]) end),
    run(apply, fun() -> via_apply(5) end),
    run(fun_value, fun() -> via_fun(6) end),
    run(nested, fun() -> ?MODULE:nested(8) end),
    run(deep, fun() -> ?MODULE:deep(2, 9) end),
    run(tail, fun() -> tail(10) end),
    run(ok, fun() -> {e1(0), e2(0, 0), t1(0), x1(0)} end),
    ok.
