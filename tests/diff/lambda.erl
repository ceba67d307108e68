%% lambda.erl - an untyped lambda calculus: parsing from a string,
%% capture-avoiding substitution, normal-order reduction, Church numerals.
-module(lambda).
-export([main/0]).

%% terms: {var, Name} | {lam, Name, Body} | {app, F, A}
parse(S) -> {T, []} = p_app(skip(S)), T.

skip([$\s | T]) -> skip(T);
skip(S) -> S.

p_app(S) ->
    {First, R} = p_atom(S),
    p_app_rest(First, skip(R)).
p_app_rest(Acc, [C | _] = S) when C =/= $) ->
    {Next, R} = p_atom(S),
    p_app_rest({app, Acc, Next}, skip(R));
p_app_rest(Acc, S) -> {Acc, S}.

p_atom([$\\ | T]) ->
    {Name, [$. | R]} = name(skip(T), []),
    {Body, R2} = p_app(skip(R)),
    {{lam, Name, Body}, R2};
p_atom([$( | T]) ->
    {E, [$) | R]} = p_app(skip(T)),
    {E, R};
p_atom(S) -> {N, R} = name(S, []), {{var, N}, R}.

name([C | T], Acc) when C >= $a, C =< $z; C >= $0, C =< $9; C =:= $' -> name(T, [C | Acc]);
name(S, Acc) when Acc =/= [] -> {lists:reverse(Acc), S}.

show({var, N}) -> N;
show({lam, N, B}) -> "\\" ++ N ++ "." ++ show(B);
show({app, F, A}) -> show_f(F) ++ " " ++ show_a(A).
show_f({lam, _, _} = F) -> "(" ++ show(F) ++ ")";
show_f(F) -> show(F).
show_a({var, _} = A) -> show(A);
show_a(A) -> "(" ++ show(A) ++ ")".

free({var, N}) -> [N];
free({lam, N, B}) -> free(B) -- [N];
free({app, F, A}) -> lists:usort(free(F) ++ free(A)).

subst({var, N}, N, V) -> V;
subst({var, _} = T, _, _) -> T;
subst({app, F, A}, N, V) -> {app, subst(F, N, V), subst(A, N, V)};
subst({lam, N, _} = T, N, _) -> T;
subst({lam, X, B}, N, V) ->
    case lists:member(X, free(V)) of
        true ->
            X2 = fresh(X, free(V) ++ free(B)),
            {lam, X2, subst(subst(B, X, {var, X2}), N, V)};
        false -> {lam, X, subst(B, N, V)}
    end.

fresh(X, Used) ->
    X2 = X ++ "'",
    case lists:member(X2, Used) of true -> fresh(X2, Used); false -> X2 end.

step({app, {lam, N, B}, A}) -> {ok, subst(B, N, A)};
step({app, F, A}) ->
    case step(F) of
        {ok, F2} -> {ok, {app, F2, A}};
        none -> case step(A) of {ok, A2} -> {ok, {app, F, A2}}; none -> none end
    end;
step({lam, N, B}) ->
    case step(B) of {ok, B2} -> {ok, {lam, N, B2}}; none -> none end;
step({var, _}) -> none.

normalize(T) -> normalize(T, 0).
normalize(T, N) when N > 1000 -> {gave_up, T};
normalize(T, N) ->
    case step(T) of
        {ok, T2} -> normalize(T2, N + 1);
        none -> {T, N}
    end.

church(N) -> {lam, "f", {lam, "x", church_body(N)}}.
church_body(0) -> {var, "x"};
church_body(N) -> {app, {var, "f"}, church_body(N - 1)}.

unchurch({lam, F, {lam, X, B}}) -> count(B, F, X).
count({var, X}, _, X) -> 0;
count({app, {var, F}, B}, F, X) -> 1 + count(B, F, X).

main() ->
    Exprs = ["(\\x.x) y", "(\\x.\\y.x) a b", "(\\x.\\y.y x) y", "(\\f.\\x.f (f x)) (\\y.y) z",
             "\\x.(\\y.y) x", "(\\x.x x) (\\z.z)"],
    lists:foreach(fun(S) ->
        T = parse(S),
        {N, Steps} = normalize(T),
        io:format("~-30s => ~s (~w steps)~n", [show(T), show(N), Steps])
    end, Exprs),
    Plus = parse("\\m.\\n.\\f.\\x.m f (n f x)"),
    Times = parse("\\m.\\n.\\f.m (n f)"),
    {Five, _} = normalize({app, {app, Plus, church(2)}, church(3)}),
    {Six, _} = normalize({app, {app, Times, church(2)}, church(3)}),
    io:format("2+3 = ~w, 2*3 = ~w~n", [unchurch(Five), unchurch(Six)]),
    io:format("~s~n", [show(Six)]),
    {Omega, _} = normalize(parse("(\\x.x x) (\\x.x x)")),
    io:format("~p~n", [element(1, {Omega})]),
    ok.
