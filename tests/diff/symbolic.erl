%% symbolic.erl - symbolic differentiation and simplification of
%% expressions, pretty printing with minimal parentheses, evaluation.
-module(symbolic).
-export([main/0]).

d({num, _}, _) -> {num, 0};
d({var, X}, X) -> {num, 1};
d({var, _}, _) -> {num, 0};
d({add, A, B}, X) -> {add, d(A, X), d(B, X)};
d({sub, A, B}, X) -> {sub, d(A, X), d(B, X)};
d({mul, A, B}, X) -> {add, {mul, d(A, X), B}, {mul, A, d(B, X)}};
d({'div', A, B}, X) -> {'div', {sub, {mul, d(A, X), B}, {mul, A, d(B, X)}}, {pow, B, {num, 2}}};
d({pow, A, {num, N}}, X) -> {mul, {mul, {num, N}, {pow, A, {num, N - 1}}}, d(A, X)};
d({sin, A}, X) -> {mul, {cos, A}, d(A, X)};
d({cos, A}, X) -> {mul, {neg, {sin, A}}, d(A, X)};
d({exp, A}, X) -> {mul, {exp, A}, d(A, X)};
d({ln, A}, X) -> {'div', d(A, X), A};
d({neg, A}, X) -> {neg, d(A, X)}.

s({add, A, B}) -> sa(s(A), s(B));
s({sub, A, B}) -> ss(s(A), s(B));
s({mul, A, B}) -> sm(s(A), s(B));
s({'div', A, B}) -> sd(s(A), s(B));
s({pow, A, B}) -> sp(s(A), s(B));
s({neg, A}) -> case s(A) of {num, N} -> {num, -N}; {neg, B} -> B; B -> {neg, B} end;
s({F, A}) -> {F, s(A)};
s(E) -> E.

sa({num, 0}, B) -> B;
sa(A, {num, 0}) -> A;
sa({num, A}, {num, B}) -> {num, A + B};
sa(A, A) -> sm({num, 2}, A);
sa(A, B) -> {add, A, B}.
ss(A, {num, 0}) -> A;
ss({num, A}, {num, B}) -> {num, A - B};
ss(A, A) -> {num, 0};
ss(A, B) -> {sub, A, B}.
sm({num, 0}, _) -> {num, 0};
sm(_, {num, 0}) -> {num, 0};
sm({num, 1}, B) -> B;
sm(A, {num, 1}) -> A;
sm({num, A}, {num, B}) -> {num, A * B};
sm({num, A}, {mul, {num, B}, C}) -> sm({num, A * B}, C);
sm(A, {num, _} = N) -> sm(N, A);
sm(A, B) -> {mul, A, B}.
sd(A, {num, 1}) -> A;
sd({num, 0}, _) -> {num, 0};
sd(A, B) -> {'div', A, B}.
sp(_, {num, 0}) -> {num, 1};
sp(A, {num, 1}) -> A;
sp(A, B) -> {pow, A, B}.

prec({add, _, _}) -> 1;
prec({sub, _, _}) -> 1;
prec({mul, _, _}) -> 2;
prec({'div', _, _}) -> 2;
prec({neg, _}) -> 3;
prec({pow, _, _}) -> 4;
prec(_) -> 5.

show(E) -> lists:flatten(sh(E)).
sh({num, N}) when N < 0 -> io_lib:format("(~w)", [N]);
sh({num, N}) -> io_lib:format("~w", [N]);
sh({var, X}) -> atom_to_list(X);
sh({add, A, B} = E) -> [paren(A, E, left), " + ", paren(B, E, right)];
sh({sub, A, B} = E) -> [paren(A, E, left), " - ", paren(B, E, right)];
sh({mul, A, B} = E) -> [paren(A, E, left), "*", paren(B, E, right)];
sh({'div', A, B} = E) -> [paren(A, E, left), "/", paren(B, E, right)];
sh({pow, A, B} = E) -> [paren(A, E, right), "^", paren(B, E, left)];
sh({neg, A} = E) -> ["-", paren(A, E, right)];
sh({F, A}) -> [atom_to_list(F), "(", sh(A), ")"].

paren(Sub, Parent, Side) ->
    PS = prec(Sub), PP = prec(Parent),
    case PS < PP orelse (PS =:= PP andalso Side =:= right andalso PP < 4) of
        true -> ["(", sh(Sub), ")"];
        false -> sh(Sub)
    end.

ev({num, N}, _) -> N;
ev({var, X}, Env) -> proplists:get_value(X, Env);
ev({add, A, B}, E) -> ev(A, E) + ev(B, E);
ev({sub, A, B}, E) -> ev(A, E) - ev(B, E);
ev({mul, A, B}, E) -> ev(A, E) * ev(B, E);
ev({'div', A, B}, E) -> ev(A, E) / ev(B, E);
ev({pow, A, B}, E) -> pow(ev(A, E), ev(B, E));
ev({neg, A}, E) -> -ev(A, E);
ev({sin, A}, E) -> sin(ev(A, E));
ev({cos, A}, E) -> cos(ev(A, E));
ev({exp, A}, E) -> exp(ev(A, E));
ev({ln, A}, E) -> ln(ev(A, E)).

pow(A, N) when is_integer(N), N >= 0 -> lists:foldl(fun(_, Acc) -> Acc * A end, 1, lists:seq(1, N));
pow(A, N) when is_integer(N) -> 1 / pow(A, -N).

%% series approximations keep this program independent of the math module
sin(X) -> lists:sum([pow(-1, K) * pow(X, 2 * K + 1) / fact(2 * K + 1) || K <- lists:seq(0, 12)]).
cos(X) -> lists:sum([pow(-1, K) * pow(X, 2 * K) / fact(2 * K) || K <- lists:seq(0, 12)]).
exp(X) -> lists:sum([pow(X, K) / fact(K) || K <- lists:seq(0, 25)]).
ln(X) -> Y = (X - 1) / (X + 1), 2 * lists:sum([pow(Y, 2 * K + 1) / (2 * K + 1) || K <- lists:seq(0, 40)]).
fact(0) -> 1;
fact(N) -> N * fact(N - 1).

main() ->
    X = {var, x}, Y = {var, y},
    Es = [{add, {mul, {num, 3}, {pow, X, {num, 2}}}, {mul, {num, 2}, X}},
          {mul, X, {sin, X}},
          {'div', {num, 1}, X},
          {exp, {mul, {num, 2}, X}},
          {ln, {add, {pow, X, {num, 2}}, {num, 1}}},
          {mul, {add, X, Y}, {sub, X, Y}},
          {pow, {cos, X}, {num, 3}},
          {sub, {neg, X}, {neg, {neg, X}}}],
    lists:foreach(fun(E) ->
        D = s(d(E, x)),
        io:format("f(x)  = ~s~nf'(x) = ~s~n", [show(E), show(D)]),
        io:format("  at x=0.5,y=2: f=~.6f f'=~.6f~n", [float(ev(E, [{x, 0.5}, {y, 2}])), float(ev(D, [{x, 0.5}, {y, 2}]))])
    end, Es),
    io:format("~p~n", [s(d({mul, X, Y}, y))]),
    ok.
