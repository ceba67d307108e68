%% lisp.erl - a small Lisp: reader (s-expressions from text), evaluator
%% with lambda, define, if, let, closures and recursion, and a printer.
-module(lisp).
-export([main/0]).

%% --- reader
read(S) -> {E, Rest} = rd(skip(S)), {E, skip(Rest)}.

skip([C | T]) when C =:= $\s; C =:= $\n; C =:= $\t -> skip(T);
skip(S) -> S.

rd([$( | T]) -> rd_list(skip(T), []);
rd([$' | T]) -> {E, R} = rd(skip(T)), {[quote, E], R};
rd(S) ->
    {Tok, R} = lists:splitwith(fun(C) -> not lists:member(C, " \n\t()") end, S),
    {atom_of(Tok), R}.

rd_list([$) | T], Acc) -> {lists:reverse(Acc), T};
rd_list(S, Acc) -> {E, R} = rd(S), rd_list(skip(R), [E | Acc]).

atom_of(Tok) ->
    case string:to_integer(Tok) of
        {N, []} -> N;
        _ -> list_to_atom(Tok)
    end.

read_all(S) ->
    case skip(S) of
        [] -> [];
        S2 -> {E, R} = read(S2), [E | read_all(R)]
    end.

%% --- evaluator; environments are lists of frames (key lists)
eval(N, _) when is_integer(N) -> N;
eval(true, _) -> true;
eval(nil, _) -> [];
eval(A, Env) when is_atom(A) -> lookup(A, Env);
eval([quote, E], _) -> E;
eval(['if', C, T, E], Env) ->
    case eval(C, Env) of
        false -> eval(E, Env);
        [] -> eval(E, Env);
        _ -> eval(T, Env)
    end;
eval([lambda, Params, Body], Env) -> {closure, Params, Body, Env};
eval(['let', Binds, Body], Env) ->
    Frame = [{N, eval(V, Env)} || [N, V] <- Binds],
    eval(Body, [Frame | Env]);
eval([progn | Es], Env) -> lists:foldl(fun(E, _) -> eval(E, Env) end, [], Es);
eval([F | Args], Env) -> apply_fn(eval(F, Env), [eval(A, Env) || A <- Args]).

lookup(A, [Frame | Rest]) ->
    case lists:keyfind(A, 1, Frame) of
        {A, V} -> V;
        false -> lookup(A, Rest)
    end;
lookup(A, []) -> erlang:error({unbound, A}).

apply_fn({builtin, F}, Args) -> F(Args);
apply_fn({closure, Params, Body, Env}, Args) ->
    eval(Body, [lists:zip(Params, Args) | Env]);
apply_fn({rec, Name, Params, Body, Env} = Self, Args) ->
    eval(Body, [lists:zip(Params, Args), [{Name, Self}] | Env]).

globals() ->
    [[{'+', {builtin, fun(As) -> lists:sum(As) end}},
      {'-', {builtin, fun([A]) -> -A; ([A | Bs]) -> A - lists:sum(Bs) end}},
      {'*', {builtin, fun(As) -> lists:foldl(fun(X, P) -> X * P end, 1, As) end}},
      {'<', {builtin, fun([A, B]) -> A < B end}},
      {'=', {builtin, fun([A, B]) -> A =:= B end}},
      {car, {builtin, fun([[H | _]]) -> H end}},
      {cdr, {builtin, fun([[_ | T]]) -> T end}},
      {cons, {builtin, fun([H, T]) -> [H | T] end}},
      {list, {builtin, fun(As) -> As end}},
      {'null?', {builtin, fun([L]) -> L =:= [] end}}]].

%% top level: (define name expr) and (defun name (params) body)
top(['define', Name, E], Env) -> {Name, [[{Name, eval(E, Env)}] | Env]};
top(['defun', Name, Params, Body], Env) -> {Name, [[{Name, {rec, Name, Params, Body, Env}}] | Env]};
top(E, Env) -> {eval(E, Env), Env}.

show(N) when is_integer(N) -> integer_to_list(N);
show(true) -> "t";
show(false) -> "nil";
show([]) -> "()";
show(A) when is_atom(A) -> atom_to_list(A);
show(L) when is_list(L) -> "(" ++ string:join([show(X) || X <- L], " ") ++ ")";
show({closure, _, _, _}) -> "#<lambda>";
show({rec, N, _, _, _}) -> "#<function " ++ atom_to_list(N) ++ ">";
show({builtin, _}) -> "#<builtin>".

main() ->
    Program = "
      (define x 10)
      (+ x 5 (* 2 3))
      (defun fact (n) (if (< n 2) 1 (* n (fact (- n 1)))))
      (fact 20)
      (fact 30)
      (defun fib (n) (if (< n 2) n (+ (fib (- n 1)) (fib (- n 2)))))
      (fib 15)
      (defun map (f l) (if (null? l) nil (cons (f (car l)) (map f (cdr l)))))
      (map (lambda (y) (* y y)) '(1 2 3 4 5))
      (define adder (lambda (n) (lambda (m) (+ n m))))
      ((adder 3) 4)
      (let ((a 1) (b 2)) (list a b (+ a b)))
      (defun range (a b) (if (< a b) (cons a (range (+ a 1) b)) nil))
      (range 0 10)
      (defun rev (l acc) (if (null? l) acc (rev (cdr l) (cons (car l) acc))))
      (rev (range 0 6) nil)
      (car '((a b) c))
      (= 'a 'a)
      (progn 1 2 3)
      fact
      (undefined-thing 1)
    ",
    Forms = read_all(Program),
    lists:foldl(fun(F, Env) ->
        try top(F, Env) of
            {V, Env2} -> io:format("~s~n  => ~s~n", [show(F), show(V)]), Env2
        catch
            error:R -> io:format("~s~n  error: ~p~n", [show(F), R]), Env
        end
    end, globals(), Forms),
    ok.
