%% codegen_stress.erl - shapes that stress code generation: functions with
%% many arguments, many values live across calls, dispatch over many
%% integer and atom clauses, bignum and based literals in patterns,
%% shadowed fun parameters, record fields in guards,
%% large literals, macros whose arguments hold commas.
-module(codegen_stress).
-export([main/0, twice/1]).

-record(acct, {id, balance = 0, limit = 100}).
-define(PAIR_OF(A, B), {pair, A, B}).
-define(FIRST(T), element(1, T)).

twice(X) -> 2 * X.

many(A, B, C, D, E, F, G, H, I, J, K, L, M, N, O, P, Q, R, S, T) ->
    [A, B, C, D, E, F, G, H, I, J, K, L, M, N, O, P, Q, R, S, T].

sum20(A, B, C, D, E, F, G, H, I, J, K, L, M, N, O, P, Q, R, S, T) ->
    A + B + C + D + E + F + G + H + I + J + K + L + M + N + O + P + Q + R + S + T.

id(X) -> X.

%% many values live across calls (stack frame slots)
live(X) ->
    A = id(X + 1), B = id(A * 2), C = id(B + A), D = id(C - 1), E = id(D * D),
    F = id(E rem 97), G = id(F + A), H = id(G + B), I = id(H + C), J = id(I + D),
    K = id(J + E), L = id(K + F), M = id(L + G), N = id(M + H), O = id(N + I),
    P = id(O + J), Q = id(P + K), R = id(Q + L), S = id(R + M), T = id(S + N),
    [A, B, C, D, E, F, G, H, I, J, K, L, M, N, O, P, Q, R, S, T, sum20(A, B, C, D, E, F, G, H, I, J, K, L, M, N, O, P, Q, R, S, T)].

digit_name(0) -> zero; digit_name(1) -> one; digit_name(2) -> two; digit_name(3) -> three;
digit_name(4) -> four; digit_name(5) -> five; digit_name(6) -> six; digit_name(7) -> seven;
digit_name(8) -> eight; digit_name(9) -> nine; digit_name(10) -> ten; digit_name(11) -> eleven;
digit_name(12) -> twelve; digit_name(13) -> thirteen; digit_name(20) -> twenty;
digit_name(100) -> hundred; digit_name(1000) -> thousand; digit_name(-1) -> minus_one;
digit_name(1000000) -> million; digit_name(_) -> other.

color(red) -> 1; color(orange) -> 2; color(yellow) -> 3; color(green) -> 4; color(blue) -> 5;
color(indigo) -> 6; color(violet) -> 7; color(black) -> 8; color(white) -> 9; color(grey) -> 10;
color(cyan) -> 11; color(magenta) -> 12; color(_) -> 0.

big(123456789012345678901234567890) -> huge;
big(16#FFFFFFFFFFFFFFFFFFFF) -> hex_huge;
big(-99999999999999999999) -> negative_huge;
big(2#1111) -> fifteen;
big(36#Z) -> thirty_five;
big($\n) -> newline;
big(1.0e100) -> googol_float;
big(_) -> small.

mixed(X) ->
    case X of
        0 -> int_zero;
        0.0 -> float_zero;
        "" -> empty_string;
        <<>> -> empty_binary;
        {} -> empty_tuple;
        [_] -> one_elem;
        {_, _} -> pair;
        a -> atom_a;
        _ when is_atom(X) -> other_atom;
        _ -> other
    end.

shadow(X) ->
    F = fun(X) -> X * 10 end,
    G = fun(Y) -> X + Y end,
    {F(3), G(3), X}.

can_withdraw(#acct{balance = B, limit = L}, Amt) when B + L >= Amt -> yes;
can_withdraw(_, _) -> no.

rich(A) when A#acct.balance > 1000 -> rich;
rich(A) when is_record(A, acct), A#acct.balance < 0 -> debt;
rich(_) -> normal.

main() ->
    io:format("~p~n", [many(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20)]),
    io:format("~p~n", [sum20(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20)]),
    io:format("~p~n", [live(5)]),
    io:format("~p~n", [[digit_name(N) || N <- [0, 5, 9, 12, 13, 14, 20, 100, 1000, -1, 1000000, 42]]]),
    io:format("~p~n", [[color(C) || C <- [red, violet, magenta, cyan, pink, grey]]]),
    io:format("~p~n", [[big(X) || X <- [123456789012345678901234567890, 1208925819614629174706175,
                                         -99999999999999999999, 15, 35, 10, 1.0e100, 7]]]),
    io:format("~p~n", [[mixed(X) || X <- [0, 0.0, "", <<>>, {}, [x], {1, 2}, a, b, 3.5]]]),
    io:format("~p~n", [shadow(7)]),
    io:format("~p~n", [lists:map(fun codegen_stress:twice/1, [1, 2])]),
    Acc = #acct{id = 1, balance = 50},
    io:format("~p~n", [[can_withdraw(Acc, N) || N <- [100, 150, 151]]]),
    io:format("~p~n", [[rich(X) || X <- [#acct{balance = 5000}, #acct{balance = -1}, Acc, {other}]]]),
    io:format("~p~n", [?PAIR_OF({a, b}, [c, d])]),
    io:format("~p~n", [?FIRST({x, y, z})]),
    T = list_to_tuple(lists:seq(1, 300)),
    io:format("~p ~p~n", [tuple_size(T), element(300, T)]),
    Lit = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25,
           [a, b, c, d, e, f, g, h, i, j, k, l, m, n, o, p, q, r, s, t, u, v, w, x, y, z],
           "a literal string inside a literal tuple", {nested, {deeper, {deepest, [1.5, -2.5]}}}},
    io:format("~p~n", [Lit]),
    ok.
