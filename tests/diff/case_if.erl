%% case_if.erl - case and if expressions: guards in clauses, nested cases,
%% variables bound in all branches, if with true fallback, begin/end blocks.
-module(case_if).
-export([main/0]).

grade(Score) ->
    if
        Score >= 90 -> a;
        Score >= 80 -> b;
        Score >= 70 -> c;
        Score >= 60 -> d;
        true -> f
    end.

fizzbuzz(N) ->
    case {N rem 3, N rem 5} of
        {0, 0} -> "FizzBuzz";
        {0, _} -> "Fizz";
        {_, 0} -> "Buzz";
        _ -> integer_to_list(N)
    end.

describe(X) ->
    case X of
        {person, Name, Age} when Age >= 18 ->
            case Name of
                [$A | _] -> adult_a;
                _ -> adult
            end;
        {person, _, _} -> minor;
        [_ | _] = L -> {list, length(L)};
        _ when is_atom(X) -> {atom, X};
        _ -> unknown
    end.

bind(X) ->
    case X > 0 of
        true -> Sign = positive, Abs = X;
        false -> Sign = non_positive, Abs = -X
    end,
    {Sign, Abs}.

main() ->
    io:format("~p~n", [[grade(S) || S <- [95, 85, 75, 65, 55, 90, 89.9]]]),
    io:format("~s~n", [string:join([fizzbuzz(N) || N <- lists:seq(1, 20)], " ")]),
    io:format("~p~n", [[describe(X) || X <- [{person, "Alice", 30}, {person, "Bob", 40}, {person, "Cy", 5}, [1, 2], foo, 42]]]),
    io:format("~p~n", [[bind(X) || X <- [5, 0, -3]]]),
    R = begin
            A = 10,
            B = 20,
            A * B
        end,
    io:format("~p~n", [R]),
    V = if R > 100 -> big; true -> small end,
    io:format("~p~n", [V]),
    W = case lists:member(3, [1, 2, 3]) of true -> found; false -> missing end,
    io:format("~p~n", [W]),
    Sign = fun(N) -> if N > 0 -> 1; N < 0 -> -1; true -> 0 end end,
    io:format("~p~n", [[Sign(N) || N <- [10, -2, 0, 0.0]]]),
    ok.
