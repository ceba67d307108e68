%% calc.erl - a small program: a tokenizer, a recursive-descent parser and
%% an evaluator for arithmetic with variables and let-bindings, plus
%% pretty printing, all with the constructs of the Erlang subset.
-module(calc).
-export([main/0]).

-define(IS_DIGIT(C), C >= $0, C =< $9).
-define(IS_ALPHA(C), C >= $a, C =< $z).

-record(tok, {kind, value, pos}).

tokens(S) -> tokens(S, 1, []).

tokens([], Pos, Acc) -> rev([#tok{kind = eof, pos = Pos} | Acc]);
tokens([C | Rest], Pos, Acc) when C =:= $\s; C =:= $\n -> tokens(Rest, Pos + 1, Acc);
tokens([C | _] = S, Pos, Acc) when ?IS_DIGIT(C) ->
    {Digits, Rest} = span(fun(X) -> X >= $0 andalso X =< $9 end, S),
    tokens(Rest, Pos + len(Digits), [#tok{kind = num, value = list_to_integer(Digits), pos = Pos} | Acc]);
tokens([C | _] = S, Pos, Acc) when ?IS_ALPHA(C) ->
    {Name, Rest} = span(fun(X) -> (X >= $a andalso X =< $z) orelse X =:= $_ end, S),
    Kind = case Name of "let" -> 'let'; "in" -> in; _ -> ident end,
    tokens(Rest, Pos + len(Name), [#tok{kind = Kind, value = list_to_atom(Name), pos = Pos} | Acc]);
tokens([C | Rest], Pos, Acc) ->
    case op(C) of
        {ok, K} -> tokens(Rest, Pos + 1, [#tok{kind = K, value = C, pos = Pos} | Acc]);
        error -> throw({bad_char, [C], Pos})
    end.

op($+) -> {ok, add};
op($-) -> {ok, sub};
op($*) -> {ok, mul};
op($/) -> {ok, 'div'};
op($() -> {ok, lparen};
op($)) -> {ok, rparen};
op($=) -> {ok, eq};
op(_) -> error.

span(F, L) -> span(F, L, []).
span(F, [H | T], Acc) ->
    case F(H) of
        true -> span(F, T, [H | Acc]);
        false -> {rev(Acc), [H | T]}
    end;
span(_, [], Acc) -> {rev(Acc), []}.

rev(L) -> rev(L, []).
rev([], A) -> A;
rev([H | T], A) -> rev(T, [H | A]).

len([]) -> 0;
len([_ | T]) -> 1 + len(T).

%% expr := 'let' ident '=' expr 'in' expr | sum
parse(Toks) ->
    {E, [#tok{kind = eof}]} = expr(Toks),
    E.

expr([#tok{kind = 'let'}, #tok{kind = ident, value = V}, #tok{kind = eq} | Rest]) ->
    {Bound, [#tok{kind = in} | Rest2]} = expr(Rest),
    {Body, Rest3} = expr(Rest2),
    {{'let', V, Bound, Body}, Rest3};
expr(Toks) -> sum(Toks).

sum(Toks) ->
    {L, Rest} = term(Toks),
    sum_rest(L, Rest).

sum_rest(L, [#tok{kind = K} | Rest]) when K =:= add; K =:= sub ->
    {R, Rest2} = term(Rest),
    sum_rest({K, L, R}, Rest2);
sum_rest(L, Rest) -> {L, Rest}.

term(Toks) ->
    {L, Rest} = factor(Toks),
    term_rest(L, Rest).

term_rest(L, [#tok{kind = K} | Rest]) when K =:= mul; K =:= 'div' ->
    {R, Rest2} = factor(Rest),
    term_rest({K, L, R}, Rest2);
term_rest(L, Rest) -> {L, Rest}.

factor([#tok{kind = num, value = N} | Rest]) -> {{num, N}, Rest};
factor([#tok{kind = ident, value = V} | Rest]) -> {{var, V}, Rest};
factor([#tok{kind = sub} | Rest]) ->
    {F, Rest2} = factor(Rest),
    {{neg, F}, Rest2};
factor([#tok{kind = lparen} | Rest]) ->
    case expr(Rest) of
        {E, [#tok{kind = rparen} | Rest2]} -> {E, Rest2};
        {_, [T | _]} -> throw({expected_rparen, T#tok.pos})
    end;
factor([T | _]) -> throw({unexpected, T#tok.kind, T#tok.pos}).

eval({num, N}, _) -> N;
eval({var, V}, Env) ->
    case lookup(V, Env) of
        {ok, X} -> X;
        none -> throw({unbound, V})
    end;
eval({neg, E}, Env) -> -eval(E, Env);
eval({'let', V, B, Body}, Env) -> eval(Body, [{V, eval(B, Env)} | Env]);
eval({Op, L, R}, Env) ->
    A = eval(L, Env),
    B = eval(R, Env),
    case Op of
        add -> A + B;
        sub -> A - B;
        mul -> A * B;
        'div' when B =:= 0 -> throw(division_by_zero);
        'div' -> A div B
    end.

lookup(_, []) -> none;
lookup(K, [{K, V} | _]) -> {ok, V};
lookup(K, [_ | T]) -> lookup(K, T).

show({num, N}) -> integer_to_list(N);
show({var, V}) -> atom_to_list(V);
show({neg, E}) -> "-" ++ show(E);
show({'let', V, B, Body}) -> "let " ++ atom_to_list(V) ++ " = " ++ show(B) ++ " in " ++ show(Body);
show({Op, L, R}) -> "(" ++ show(L) ++ " " ++ sym(Op) ++ " " ++ show(R) ++ ")".

sym(add) -> "+";
sym(sub) -> "-";
sym(mul) -> "*";
sym('div') -> "/".

run(S) ->
    try
        Ast = parse(tokens(S)),
        io:format("~s => ~p~n", [show(Ast), eval(Ast, [])])
    catch
        throw:Why -> io:format("~s: error ~p~n", [S, Why]);
        error:{badmatch, _} -> io:format("~s: syntax error~n", [S])
    end.

main() ->
    run("1 + 2 * 3"),
    run("(1 + 2) * 3"),
    run("let x = 5 in x * x - 1"),
    run("let a = 2 in let b = a * 10 in b / a - -3"),
    run("12345678901234567890 * 98765432109876543210"),
    run("7 / (3 - 3)"),
    run("y + 1"),
    run("1 + $"),
    run("(1 + 2"),
    run("1 2"),
    ok.
