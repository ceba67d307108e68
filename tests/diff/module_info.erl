-module(module_info).
-export([main/0, zeta/1, alpha/0, beta/2]).

%% module_info/0,1 (erlang:get_module_info/1,2), function_exported/3 and
%% module_loaded/1. The parts whose content is the same on both systems
%% are printed as they are (module, exports, the functions written here,
%% native); attributes, compile and md5 hold other values on beamlet (no
%% attributes or options in its bytecode, its own digest), so only their
%% shape is printed. Functions erlc generates (funs, comprehensions) are
%% named alike but laid out in another order: they are printed sorted.

zeta(X) -> X + 1.
alpha() -> fun(Y) -> Y * 2 end.
beta(A, B) -> {A, B, helper(A)}.
helper(X) -> [Y + X || Y <- [1, 2]].
unused_export_check() -> ok.

generated(Name) -> hd(atom_to_list(Name)) =:= $-.

shape(L) when is_list(L) -> [shape(X) || X <- L];
shape({K, V}) when is_atom(K) -> {K, shape(V)};
shape(B) when is_binary(B) -> {binary, byte_size(B)};
shape(I) when is_integer(I) -> integer;
shape(A) when is_atom(A) -> A;
shape(T) -> {other, T}.

all_pairs([{K, V} | T]) -> is_atom(K) andalso is_list(V) andalso all_pairs(T);
all_pairs([]) -> true.

is_string(S) -> is_list(S) andalso lists:all(fun(C) -> is_integer(C) andalso C >= 0 end, S).

compile_shape(C) ->
    [{K, if is_list(V) -> case V of [] -> empty; _ -> is_string(V) end; true -> V end} || {K, V} <- C].

try_info(F) ->
    try F() of
        V -> {ok, V}
    catch
        C:R:St ->
            [{M, Fn, A, _} | _] = St,
            {C, R, M, Fn, A}
    end.

main() ->
    io:format("~p~n", [module_info(module)]),
    io:format("~p~n", [module_info(exports)]),
    io:format("~p~n", [?MODULE:module_info(exports) =:= module_info(exports)]),
    Fs = module_info(functions),
    io:format("~p~n", [[F || {N, _} = F <- Fs, not generated(N)]]),
    io:format("~p~n", [lists:sort([F || {N, _} = F <- Fs, generated(N)])]),
    io:format("~p~n", [module_info(native)]),
    Attrs = module_info(attributes),
    io:format("~p~n", [lists:keymember(vsn, 1, Attrs)]),
    {vsn, Vsn} = lists:keyfind(vsn, 1, Attrs),
    io:format("~p~n", [shape(Vsn)]),
    io:format("~p~n", [all_pairs(Attrs)]),
    C = module_info(compile),
    io:format("~p~n", [[K || {K, _} <- C]]),
    io:format("~p~n", [compile_shape(C)]),
    io:format("~p~n", [shape(module_info(md5))]),
    All = module_info(),
    io:format("~p~n", [[K || {K, _} <- All]]),
    io:format("~p~n", [[lists:keyfind(K, 1, All) =:= {K, module_info(K)} || K <- [module, exports, attributes, compile, md5]]]),
    io:format("~p~n", [module_info(md5) =:= erlang:get_module_info(?MODULE, md5)]),
    io:format("~p~n", [try_info(fun() -> module_info(nonsense) end)]),
    io:format("~p~n", [try_info(fun() -> module_info("md5") end)]),
    io:format("~p~n", [try_info(fun() -> erlang:get_module_info(no_such_module_here) end)]),
    io:format("~p~n", [try_info(fun() -> erlang:get_module_info("module_info", module) end)]),
    io:format("~p~n", [try_info(fun() -> erlang:get_module_info(?MODULE, 42) end)]),
    io:format("~p~n", [[erlang:function_exported(?MODULE, F, A) || {F, A} <- [{zeta, 1}, {zeta, 2}, {helper, 1}, {main, 0}, {module_info, 1}]]]),
    io:format("~p~n", [[erlang:function_exported(erlang, F, A) || {F, A} <- [{length, 1}, {element, 2}, {nonexistent, 3}]]]),
    io:format("~p~n", [erlang:function_exported(no_such_module_here, f, 0)]),
    io:format("~p~n", [try_info(fun() -> erlang:function_exported(?MODULE, zeta, a) end)]),
    io:format("~p~n", [try_info(fun() -> erlang:function_exported("m", zeta, 1) end)]),
    io:format("~p~n", [[erlang:module_loaded(M) || M <- [?MODULE, no_such_module_here]]]),
    io:format("~p~n", [try_info(fun() -> erlang:module_loaded("x") end)]),
    {zeta(1), (alpha())(2), beta(1, 2), unused_export_check()},
    ok.
