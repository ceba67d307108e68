%% rpn_calc.erl - a reverse Polish calculator with named operations,
%% error handling per line, and an infix-to-RPN converter (shunting yard).
-module(rpn_calc).
-export([main/0]).

rpn(Line) ->
    Toks = string:tokens(Line, " "),
    try lists:foldl(fun step/2, [], Toks) of
        [Result] -> {ok, Result};
        Stack -> {error, {leftover, lists:reverse(Stack)}}
    catch
        error:function_clause -> {error, stack_underflow};
        error:badarith -> {error, arithmetic};
        throw:{unknown, T} -> {error, {unknown_token, T}}
    end.

step("+", [B, A | S]) -> [A + B | S];
step("-", [B, A | S]) -> [A - B | S];
step("*", [B, A | S]) -> [A * B | S];
step("/", [B, A | S]) -> [A / B | S];
step("^", [B, A | S]) -> [pow(A, B) | S];
step("neg", [A | S]) -> [-A | S];
step("dup", [A | S]) -> [A, A | S];
step("swap", [B, A | S]) -> [A, B | S];
step("sum", S) -> [lists:sum(S)];
step("max", [B, A | S]) -> [max(A, B) | S];
step(T, S) ->
    case string:to_integer(T) of
        {I, []} -> [I | S];
        _ ->
            case string:to_float(T) of
                {F, []} -> [F | S];
                _ -> throw({unknown, T})
            end
    end.

pow(_, 0) -> 1;
pow(A, B) when is_integer(B), B > 0 -> A * pow(A, B - 1).

%% shunting yard: infix tokens to RPN
prec("^") -> 4;
prec("*") -> 3;
prec("/") -> 3;
prec("+") -> 2;
prec("-") -> 2.
right_assoc("^") -> true;
right_assoc(_) -> false.

to_rpn(Infix) -> shunt(tokenize(Infix), [], []).

tokenize([]) -> [];
tokenize([$\s | T]) -> tokenize(T);
tokenize([C | T]) when C >= $0, C =< $9 ->
    {Digits, Rest} = lists:splitwith(fun(X) -> X >= $0 andalso X =< $9 end, [C | T]),
    [Digits | tokenize(Rest)];
tokenize([C | T]) -> [[C] | tokenize(T)].

shunt([], [], Out) -> string:join(lists:reverse(Out), " ");
shunt([], [Op | Ops], Out) -> shunt([], Ops, [Op | Out]);
shunt(["(" | T], Ops, Out) -> shunt(T, ["(" | Ops], Out);
shunt([")" | T], ["(" | Ops], Out) -> shunt(T, Ops, Out);
shunt([")" | _] = T, [Op | Ops], Out) -> shunt(T, Ops, [Op | Out]);
shunt([Tok | T], Ops, Out) when Tok =:= "+"; Tok =:= "-"; Tok =:= "*"; Tok =:= "/"; Tok =:= "^" ->
    {Popped, Rest} = pop_ops(Tok, Ops, []),
    shunt(T, [Tok | Rest], Popped ++ Out);
shunt([Num | T], Ops, Out) -> shunt(T, Ops, [Num | Out]).

pop_ops(Tok, [Op | Ops], Acc) when Op =/= "(" ->
    case prec(Op) > prec(Tok) orelse (prec(Op) =:= prec(Tok) andalso not right_assoc(Tok)) of
        true -> pop_ops(Tok, Ops, [Op | Acc]);
        false -> {Acc, [Op | Ops]}
    end;
pop_ops(_, Ops, Acc) -> {Acc, Ops}.

main() ->
    Lines = ["3 4 +", "5 1 2 + 4 * + 3 -", "2 3 ^", "2 0.5 *", "1 2 3 4 sum", "10 3 /",
             "1 +", "1 2", "4 0 /", "3 foo +", "7 dup *", "1 2 swap -", "-5 neg", "2.5e1 4 max",
             "2 100 ^"],
    lists:foreach(fun(L) -> io:format("~-22s => ~p~n", [L, rpn(L)]) end, Lines),
    Infix = ["3 + 4 * 2", "(1 + 2) * 3", "2 ^ 3 ^ 2", "10 - 4 - 3", "(5 - 1) * (2 + 3) / 4", "2 * (3 + 4) ^ 2"],
    lists:foreach(fun(I) ->
        R = to_rpn(I),
        io:format("~-24s -> ~-20s = ~p~n", [I, R, rpn(R)])
    end, Infix),
    ok.
