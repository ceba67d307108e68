%% roman.erl - Roman numerals both ways, with validation, plus number
%% words in English.
-module(roman).
-export([main/0]).

to_roman(0) -> "";
to_roman(N) -> to_roman(N, [{1000, "M"}, {900, "CM"}, {500, "D"}, {400, "CD"}, {100, "C"},
                            {90, "XC"}, {50, "L"}, {40, "XL"}, {10, "X"}, {9, "IX"},
                            {5, "V"}, {4, "IV"}, {1, "I"}]).
to_roman(0, _) -> "";
to_roman(N, [{V, S} | _] = T) when N >= V -> S ++ to_roman(N - V, T);
to_roman(N, [_ | T]) -> to_roman(N, T).

value($I) -> 1;
value($V) -> 5;
value($X) -> 10;
value($L) -> 50;
value($C) -> 100;
value($D) -> 500;
value($M) -> 1000.

from_roman(S) ->
    Vs = [value(C) || C <- S],
    N = from_values(Vs),
    case to_roman(N) =:= S of
        true -> {ok, N};
        false -> {error, {not_canonical, S, to_roman(N)}}
    end.

from_values([A, B | T]) when A < B -> B - A + from_values(T);
from_values([A | T]) -> A + from_values(T);
from_values([]) -> 0.

words(N) when N < 20 ->
    element(N + 1, {"zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
                    "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
                    "eighteen", "nineteen"});
words(N) when N < 100 ->
    Tens = element(N div 10 - 1, {"twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"}),
    case N rem 10 of
        0 -> Tens;
        R -> Tens ++ "-" ++ words(R)
    end;
words(N) when N < 1000 ->
    H = words(N div 100) ++ " hundred",
    case N rem 100 of
        0 -> H;
        R -> H ++ " and " ++ words(R)
    end;
words(N) when N < 1000000 ->
    T = words(N div 1000) ++ " thousand",
    case N rem 1000 of
        0 -> T;
        R when R < 100 -> T ++ " and " ++ words(R);
        R -> T ++ " " ++ words(R)
    end.

main() ->
    Ns = [1, 4, 9, 14, 40, 90, 400, 1994, 2024, 3999, 444, 1666],
    lists:foreach(fun(N) ->
        R = to_roman(N),
        io:format("~5w ~-15s ~p~n", [N, R, from_roman(R)])
    end, Ns),
    io:format("~p~n", [[from_roman(S) || S <- ["IIII", "VX", "MCMXCIV", "IC", "XLII"]]]),
    Bad = try from_roman("ABC") catch error:function_clause -> bad_digit end,
    io:format("~p~n", [Bad]),
    io:format("all round trip: ~p~n", [lists:all(fun(N) -> from_roman(to_roman(N)) =:= {ok, N} end, lists:seq(1, 3999))]),
    Longest = lists:foldl(fun(N, {BN, BL}) ->
                                  L = length(to_roman(N)),
                                  if L > BL -> {N, L}; true -> {BN, BL} end
                          end, {0, 0}, lists:seq(1, 3999)),
    io:format("longest: ~p ~s~n", [Longest, to_roman(element(1, Longest))]),
    lists:foreach(fun(N) -> io:format("~w: ~s~n", [N, words(N)]) end,
                  [0, 7, 13, 21, 40, 99, 100, 101, 342, 1000, 1001, 12345, 999999]),
    ok.
