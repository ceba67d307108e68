-module(trace_bif).
-export([main/0, id/1]).

%% Stack traces of guard BIFs and operators that fail in a body: the
%% trace starts with the BIF's own frame, {erlang, Name, Args, _}, then
%% the caller's. Frames are printed as {M, F, ArityOrArgs, Line}, cut at
%% main/0 (erl's frames below it belong to its shell), without the BIF
%% frame's error_info (a map). Where OTP 25 runs the operation as code of
%% its own (`/` and arithmetic with a float constant become float
%% instructions; `+` with a small constant, `-` with a small one >= 0 and
%% unary `+` are inlined)
%% there is no BIF frame, on either system. id/1 is exported so that erlc
%% cannot infer the arguments' types (it would then pick other code).

id(X) -> X.

frame({M, F, A, Loc}) ->
    Line = case lists:keyfind(line, 1, Loc) of
               {line, N} -> N;
               false -> none
           end,
    {M, F, A, Line}.

cut([{?MODULE, main, 0, _} = F | _]) -> [frame(F)];
cut([F | T]) -> [frame(F) | cut(T)];
cut([]) -> [].

run(Name, Fun) ->
    try Fun() of
        V -> io:format("~p: returned ~p~n", [Name, V])
    catch
        C:R:St -> io:format("~p: ~p~n", [Name, {C, R, cut(St)}])
    end.

%% A body with a frame (it calls after the BIF) and one without.
len_then_call(L) -> N = length(L), id(N).
len_tail(L) -> length(L).
elem_deep(I, T) -> {ok, element(I, T)}.
add(A, B) -> A + B.
add_one(A) -> A + 1.
sub_one(A) -> A - 1.
mul(A, B) -> id(A * B).

%% The reason a spawned process that fails ends with, as its monitor sees
%% it (its crash report goes to stderr).
spawned(Fun) ->
    {Pid, Ref} = spawn_monitor(Fun),
    receive
        {'DOWN', Ref, process, Pid, {R, St}} -> {R, cut_spawned(St)}
    end.

cut_spawned(St) -> [frame(F) || F <- St, element(1, F) =/= proc_lib].

main() ->
    run(length, fun() -> len_then_call(id(foo)) end),
    run(length_improper, fun() -> len_tail(id([a | b])) end),
    run(hd, fun() -> hd(id([])) end),
    run(tl, fun() -> tl(id(x)) end),
    run(element, fun() -> elem_deep(3, id({a, b})) end),
    run(element_notuple, fun() -> elem_deep(1, id(x)) end),
    run(setelement, fun() -> setelement(0, id({a}), b) end),
    run(tuple_size, fun() -> tuple_size(id([])) end),
    run(size, fun() -> size(id(3)) end),
    run(byte_size, fun() -> byte_size(id(3)) end),
    run(abs, fun() -> abs(id(x)) end),
    run(float, fun() -> float(id("1")) end),
    run(round, fun() -> round(id(a)) end),
    run(trunc, fun() -> trunc(id(a)) end),
    run(plus, fun() -> add(a, 1) end),
    run(plus_const, fun() -> add_one(id(1.5e308 * 10)) end),
    run(plus_const2, fun() -> add_one(id(a)) end),
    run(minus_const, fun() -> sub_one(id("x")) end),
    run(times, fun() -> mul(2, x) end),
    run(fdiv, fun() -> id(1) / id(0) end),
    run(fdiv_atom, fun() -> id(a) / id(2) end),
    run('div', fun() -> id(7) div id(0) end),
    run(div_float, fun() -> id(7.0) div id(2) end),
    run('rem', fun() -> id(7) rem id(0) end),
    run('band', fun() -> id(1) band id(a) end),
    run('bor', fun() -> id(1.0) bor id(1) end),
    run('bxor', fun() -> id(a) bxor id(1) end),
    run('bsl', fun() -> id(1) bsl id(a) end),
    run('bsr', fun() -> id(a) bsr id(1) end),
    run('bnot', fun() -> bnot id(a) end),
    run(neg, fun() -> - id(a) end),
    run(pos, fun() -> + id(a) end),
    run('and', fun() -> id(1) and id(true) end),
    run('or', fun() -> id(false) or id(2) end),
    run('xor', fun() -> id(true) xor id(x) end),
    run('not', fun() -> not id(3) end),
    run(append, fun() -> id(a) ++ id([1]) end),
    run(subtract, fun() -> id([1]) -- id(a) end),
    run(atom_to_list, fun() -> atom_to_list(id("a")) end),
    run(list_to_atom, fun() -> list_to_atom(id(a)) end),
    run(integer_to_list, fun() -> integer_to_list(id(1.0)) end),
    run(list_to_integer, fun() -> list_to_integer(id("1x")) end),
    run(tuple_to_list, fun() -> tuple_to_list(id(a)) end),
    run(list_to_tuple, fun() -> list_to_tuple(id(a)) end),
    run(make_tuple, fun() -> erlang:make_tuple(id(-1), a) end),
    run(min_ok, fun() -> min(id(1), id(a)) end),
    run(guard_fails, fun() -> (fun(X) when length(X) > 0 -> yes; (_) -> no end)(id(a)) end),
    run(plus_small_first, fun() -> 1 + id(a) end),
    run(plus_big_const, fun() -> id(a) + 100000000000000000000 end),
    run(plus_otp_big_const, fun() -> id(a) + 576460752303423488 end),
    run(plus_otp_small_const, fun() -> id(a) + 576460752303423487 end),
    run(minus_const_first, fun() -> 1000 - id(a) end),
    run(minus_zero, fun() -> id(a) - 0 end),
    run(minus_negative_const, fun() -> id(a) - (-3) end),
    run(minus_otp_big_const, fun() -> id(a) - 576460752303423488 end),
    run(plus_negative_const, fun() -> id(a) + (-576460752303423488) end),
    run(times_const_first, fun() -> 3 * id(a) end),
    run(band_const_first, fun() -> 7 band id(a) end),
    run(and_const_first, fun() -> true and id(1) end),
    run(plus_float_const, fun() -> id(a) + 1.5 end),
    run(times_float_const_first, fun() -> 2.0 * id(a) end),
    run(float_overflow, fun() -> id(1.0e308) * 10 end),
    run(plus_atom_const, fun() -> b + id(a) end),
    run(bsl_limit, fun() -> 1 bsl id(100000000000) end),
    run(explicit_call, fun() -> erlang:length(id(x)) end),
    run(apply_call, fun() -> apply(erlang, length, id([x])) end),
    run(spawned, fun() -> spawned(fun() -> len_then_call(id(nolist)) end) end),
    run(spawned_arith, fun() -> spawned(fun() -> mul(id(2), nonumber) end) end),
    run(catch_value, fun() -> {'EXIT', {R, St}} = (catch length(id(a))), {R, cut(St)} end),
    ok.
