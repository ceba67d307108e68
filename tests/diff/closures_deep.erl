%% closures_deep.erl - closures nested several levels deep, capturing
%% variables of every enclosing scope, funs in data structures, funs made
%% in comprehensions and folds, recursion through funs, multi-clause funs
%% with guards over captured values.
-module(closures_deep).
-export([main/0]).

make_counter(Start, Step) ->
    fun(N) -> [Start + I * Step || I <- lists:seq(0, N - 1)] end.

levels(A) ->
    fun(B) ->
        fun(C) ->
            fun(D) -> {A, B, C, D, A + B + C + D} end
        end
    end.

compose_all(Fs) -> lists:foldr(fun(F, Acc) -> fun(X) -> F(Acc(X)) end end, fun(X) -> X end, Fs).

memo_fib() ->
    Fib = fun Fib(N, Memo) when N < 2 -> {N, Memo};
              Fib(N, Memo) ->
                  case lists:keyfind(N, 1, Memo) of
                      {N, V} -> {V, Memo};
                      false ->
                          {A, M1} = Fib(N - 1, Memo),
                          {B, M2} = Fib(N - 2, M1),
                          {A + B, [{N, A + B} | M2]}
                  end
          end,
    fun(N) -> element(1, Fib(N, [])) end.

main() ->
    C = make_counter(10, 5),
    io:format("~p~n", [C(6)]),
    io:format("~p~n", [(((levels(1))(2))(3))(4)]),
    L1 = levels(100),
    Fs = [L1(I) || I <- [1, 2, 3]],
    io:format("~p~n", [[(F(0))(0) || F <- Fs]]),
    Pipeline = compose_all([fun(X) -> X + 1 end, fun(X) -> X * 2 end, fun(X) -> X - 3 end]),
    io:format("~p~n", [[Pipeline(X) || X <- [0, 5, 10]]]),
    Threshold = 10,
    Classify = fun(X) when X > Threshold -> {big, X - Threshold};
                  (X) when X =:= Threshold -> exact;
                  (X) -> {small, Threshold - X}
               end,
    io:format("~p~n", [lists:map(Classify, [5, 10, 15])]),
    Table = [{add, fun(A, B) -> A + B end}, {mul, fun(A, B) -> A * B end},
             {pow, fun(A, B) -> lists:foldl(fun(_, Acc) -> Acc * A end, 1, lists:seq(1, B)) end}],
    io:format("~p~n", [[{Name, F(3, 4)} || {Name, F} <- Table]]),
    Adders = lists:foldl(fun(I, Acc) -> [fun(X) -> X + I end | Acc] end, [], lists:seq(1, 5)),
    io:format("~p~n", [[F(100) || F <- Adders]]),
    Fib = memo_fib(),
    io:format("~p~n", [Fib(90)]),
    Outer = 7,
    Nested = [[fun() -> {Outer, I, J} end || J <- [a, b]] || I <- [1, 2]],
    io:format("~p~n", [[[F() || F <- Row] || Row <- Nested]]),
    Acc = lists:foldl(fun(F, A) -> F(A) end, 1, [fun(X) -> X * Outer end || _ <- lists:seq(1, 5)]),
    io:format("~p~n", [Acc]),
    Self = fun Loop(0, Acc2) -> Acc2; Loop(N, Acc2) -> Loop(N - 1, [fun() -> N end | Acc2]) end,
    io:format("~p~n", [[F() || F <- Self(5, [])]]),
    ok.
