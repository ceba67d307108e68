%% dates.erl - calendar arithmetic written from scratch: leap years, day
%% of week (Zeller), days between dates, adding days, ISO-like printing and
%% a month calendar.
-module(dates).
-export([main/0]).

leap(Y) -> (Y rem 4 =:= 0 andalso Y rem 100 =/= 0) orelse Y rem 400 =:= 0.

days_in(2, Y) -> case leap(Y) of true -> 29; false -> 28 end;
days_in(M, _) when M =:= 4; M =:= 6; M =:= 9; M =:= 11 -> 30;
days_in(_, _) -> 31.

%% days since 0000-03-01 style epoch (proleptic Gregorian)
to_days({Y, M, D}) ->
    {Y1, M1} = if M =< 2 -> {Y - 1, M + 12}; true -> {Y, M} end,
    365 * Y1 + Y1 div 4 - Y1 div 100 + Y1 div 400 + (153 * (M1 - 3) + 2) div 5 + D - 1.

from_days(N) -> from_days(N, 0).
from_days(N, Y) ->
    case to_days({Y + 1, 3, 1}) =< N of
        true -> from_days(N, Y + 1);
        false -> month_of(N, Y)
    end.
month_of(N, Y) ->
    Ms = [{Y, M} || M <- lists:seq(3, 12)] ++ [{Y + 1, M} || M <- [1, 2]],
    {YY, MM} = lists:last([{YY, MM} || {YY, MM} <- Ms, to_days({YY, MM, 1}) =< N]),
    {YY, MM, N - to_days({YY, MM, 1}) + 1}.

weekday(Date) -> element((to_days(Date) + 2) rem 7 + 1, {mon, tue, wed, thu, fri, sat, sun}).

add_days(Date, N) -> from_days(to_days(Date) + N).

fmt({Y, M, D}) -> io_lib:format("~4..0w-~2..0w-~2..0w", [Y, M, D]).

calendar(Y, M) ->
    io:format("    ~s ~w~n", [element(M, {"January", "February", "March", "April", "May", "June", "July",
                                            "August", "September", "October", "November", "December"}), Y]),
    io:format("Mo Tu We Th Fr Sa Su~n"),
    First = (to_days({Y, M, 1}) + 2) rem 7,
    Cells = lists:duplicate(First, "  ") ++ [io_lib:format("~2w", [D]) || D <- lists:seq(1, days_in(M, Y))],
    print_weeks(Cells).

print_weeks([]) -> ok;
print_weeks(Cells) when length(Cells) =< 7 -> io:format("~s~n", [string:join(Cells, " ")]);
print_weeks(Cells) ->
    {Week, Rest} = lists:split(7, Cells),
    io:format("~s~n", [string:join(Week, " ")]),
    print_weeks(Rest).

main() ->
    io:format("~p~n", [[{Y, leap(Y)} || Y <- [1900, 2000, 2023, 2024, 2100, 2400]]]),
    Dates = [{1970, 1, 1}, {2000, 2, 29}, {2024, 7, 4}, {1969, 7, 20}, {2038, 1, 19}, {1, 1, 1}],
    lists:foreach(fun(D) -> io:format("~s ~w ~w~n", [fmt(D), weekday(D), to_days(D)]) end, Dates),
    io:format("round trip ~p~n", [lists:all(fun(N) -> to_days(from_days(N)) =:= N end, lists:seq(730000, 740000, 7))]),
    io:format("~s~n", [fmt(add_days({2024, 2, 28}, 1))]),
    io:format("~s~n", [fmt(add_days({2023, 2, 28}, 1))]),
    io:format("~s~n", [fmt(add_days({1999, 12, 31}, 1))]),
    io:format("~s~n", [fmt(add_days({2024, 1, 1}, 1000))]),
    io:format("~s~n", [fmt(add_days({2024, 3, 1}, -1))]),
    io:format("days 1970->2000: ~w~n", [to_days({2000, 1, 1}) - to_days({1970, 1, 1})]),
    calendar(2024, 2),
    calendar(2025, 6),
    ok.
