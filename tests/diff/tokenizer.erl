%% tokenizer.erl - a tokenizer for a small expression language, then a
%% recursive-descent parser and evaluator on top of it.
-module(tokenizer).
-export([main/0]).

%% --- lexer -----------------------------------------------------------
tokens([]) -> [];
tokens([C | T]) when C =:= $\s; C =:= $\t; C =:= $\n -> tokens(T);
tokens([C | _] = S) when C >= $0, C =< $9 -> number(S, []);
tokens([C | _] = S) when C >= $a, C =< $z; C >= $A, C =< $Z; C =:= $_ -> ident(S, []);
tokens([$", T]) -> erlang:error({unterminated_string, T});
tokens([$" | T]) -> string_lit(T, []);
tokens([$=, $= | T]) -> [{op, '=='} | tokens(T)];
tokens([$!, $= | T]) -> [{op, '!='} | tokens(T)];
tokens([$<, $= | T]) -> [{op, '<='} | tokens(T)];
tokens([$>, $= | T]) -> [{op, '>='} | tokens(T)];
tokens([C | T]) when C =:= $+; C =:= $-; C =:= $*; C =:= $/; C =:= $<; C =:= $>; C =:= $= ->
    [{op, list_to_atom([C])} | tokens(T)];
tokens([$( | T]) -> [lparen | tokens(T)];
tokens([$) | T]) -> [rparen | tokens(T)];
tokens([$, | T]) -> [comma | tokens(T)];
tokens([$; | T]) -> [semi | tokens(T)];
tokens([C | _]) -> erlang:error({bad_char, [C]}).

number([C | T], Acc) when C >= $0, C =< $9 -> number(T, [C | Acc]);
number([$., C | T], Acc) when C >= $0, C =< $9 -> float_part(T, [C, $. | Acc]);
number(T, Acc) -> [{int, list_to_integer(lists:reverse(Acc))} | tokens(T)].

float_part([C | T], Acc) when C >= $0, C =< $9 -> float_part(T, [C | Acc]);
float_part(T, Acc) -> [{float, list_to_float(lists:reverse(Acc))} | tokens(T)].

ident([C | T], Acc) when C >= $a, C =< $z; C >= $A, C =< $Z; C >= $0, C =< $9; C =:= $_ ->
    ident(T, [C | Acc]);
ident(T, Acc) ->
    Name = lists:reverse(Acc),
    Tok = case Name of
              "let" -> kw_let;
              "in" -> kw_in;
              "if" -> kw_if;
              "then" -> kw_then;
              "else" -> kw_else;
              _ -> {ident, Name}
          end,
    [Tok | tokens(T)].

string_lit([$" | T], Acc) -> [{str, lists:reverse(Acc)} | tokens(T)];
string_lit([$\\, C | T], Acc) -> string_lit(T, [esc(C) | Acc]);
string_lit([C | T], Acc) -> string_lit(T, [C | Acc]);
string_lit([], _) -> erlang:error(unterminated_string).

esc($n) -> $\n;
esc($t) -> $\t;
esc(C) -> C.

%% --- parser: expr := let | if | cmp ; cmp := sum [relop sum] ... ------
parse(Toks) ->
    {E, Rest} = expr(Toks),
    [] = Rest,
    E.

expr([kw_let, {ident, N}, {op, '='} | T]) ->
    {V, [kw_in | T2]} = expr(T),
    {B, T3} = expr(T2),
    {{'let', N, V, B}, T3};
expr([kw_if | T]) ->
    {C, [kw_then | T2]} = expr(T),
    {A, [kw_else | T3]} = expr(T2),
    {B, T4} = expr(T3),
    {{'if', C, A, B}, T4};
expr(T) -> cmp(T).

cmp(T) ->
    {L, T2} = sum(T),
    case T2 of
        [{op, Op} | T3] when Op =:= '<'; Op =:= '>'; Op =:= '=='; Op =:= '!='; Op =:= '<='; Op =:= '>=' ->
            {R, T4} = sum(T3),
            {{Op, L, R}, T4};
        _ -> {L, T2}
    end.

sum(T) -> {L, T2} = term(T), sum_rest(L, T2).
sum_rest(L, [{op, Op} | T]) when Op =:= '+'; Op =:= '-' ->
    {R, T2} = term(T), sum_rest({Op, L, R}, T2);
sum_rest(L, T) -> {L, T}.

term(T) -> {L, T2} = factor(T), term_rest(L, T2).
term_rest(L, [{op, Op} | T]) when Op =:= '*'; Op =:= '/' ->
    {R, T2} = factor(T), term_rest({Op, L, R}, T2);
term_rest(L, T) -> {L, T}.

factor([{int, N} | T]) -> {{num, N}, T};
factor([{float, F} | T]) -> {{num, F}, T};
factor([{str, S} | T]) -> {{str, S}, T};
factor([{op, '-'} | T]) -> {E, T2} = factor(T), {{neg, E}, T2};
factor([{ident, F}, lparen | T]) -> {Args, T2} = args(T, []), {{call, F, Args}, T2};
factor([{ident, N} | T]) -> {{var, N}, T};
factor([lparen | T]) -> {E, [rparen | T2]} = expr(T), {E, T2}.

args([rparen | T], Acc) -> {lists:reverse(Acc), T};
args(T, Acc) ->
    {E, T2} = expr(T),
    case T2 of
        [comma | T3] -> args(T3, [E | Acc]);
        [rparen | T3] -> {lists:reverse([E | Acc]), T3}
    end.

%% --- evaluator ---------------------------------------------------------
eval({num, N}, _) -> N;
eval({str, S}, _) -> S;
eval({var, N}, Env) -> {N, V} = lists:keyfind(N, 1, Env), V;
eval({neg, E}, Env) -> -eval(E, Env);
eval({'let', N, V, B}, Env) -> eval(B, [{N, eval(V, Env)} | Env]);
eval({'if', C, A, B}, Env) ->
    case eval(C, Env) of
        true -> eval(A, Env);
        false -> eval(B, Env)
    end;
eval({call, "max", [A, B]}, Env) -> max(eval(A, Env), eval(B, Env));
eval({call, "len", [S]}, Env) -> length(eval(S, Env));
eval({call, "concat", Args}, Env) -> lists:append([eval(A, Env) || A <- Args]);
eval({'+', A, B}, Env) -> eval(A, Env) + eval(B, Env);
eval({'-', A, B}, Env) -> eval(A, Env) - eval(B, Env);
eval({'*', A, B}, Env) -> eval(A, Env) * eval(B, Env);
eval({'/', A, B}, Env) -> eval(A, Env) / eval(B, Env);
eval({'<', A, B}, Env) -> eval(A, Env) < eval(B, Env);
eval({'>', A, B}, Env) -> eval(A, Env) > eval(B, Env);
eval({'<=', A, B}, Env) -> eval(A, Env) =< eval(B, Env);
eval({'>=', A, B}, Env) -> eval(A, Env) >= eval(B, Env);
eval({'==', A, B}, Env) -> eval(A, Env) == eval(B, Env);
eval({'!=', A, B}, Env) -> eval(A, Env) /= eval(B, Env).

run(Src) ->
    try
        Toks = tokens(Src),
        Ast = parse(Toks),
        io:format("~s~n  tokens: ~w~n  ast: ~p~n  value: ~p~n", [Src, length(Toks), Ast, eval(Ast, [])])
    catch
        error:Reason -> io:format("~s~n  error: ~p~n", [Src, Reason])
    end.

main() ->
    io:format("~p~n", [tokens("let x = 42 in x * (y + 3.5) >= \"s\\n\"")]),
    lists:foreach(fun run/1, [
        "1 + 2 * 3",
        "(1 + 2) * 3",
        "10 / 4 - 1",
        "let x = 5 in let y = x * 2 in x + y",
        "if 3 < 4 then \"yes\" else \"no\"",
        "max(7, 12) + len(\"hello\")",
        "concat(\"ab\", \"cd\", \"e\")",
        "let a = 2.5 in -a * 4",
        "1 == 1.0",
        "2 != 3",
        "1 + $",
        "let x = 1 in y",
        "\"open"
    ]),
    ok.
