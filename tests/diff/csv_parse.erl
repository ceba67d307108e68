%% csv_parse.erl - a CSV parser with quoted fields, escaped quotes and
%% embedded separators, typed columns, aggregation and a formatted report.
-module(csv_parse).
-export([main/0]).

data() ->
    "name,dept,salary,start\n"
    "\"Smith, John\",eng,85000,2019\n"
    "Jane Doe,eng,92000.50,2017\n"
    "\"O\"\"Brien\",sales,61000,2020\n"
    "Li Wei,sales,58000,2021\n"
    "Ana Gómez,ops,70500,2015\n"
    "\"Multi\nLine\",ops,66000,2018\n"
    "Bob,eng,,2022\n".

parse(S) -> rows(S, [], [], []).

rows([], [], [], Rows) -> lists:reverse(Rows);
rows([], Field, Row, Rows) -> lists:reverse([lists:reverse([lists:reverse(Field) | Row]) | Rows]);
rows([$\n | T], Field, Row, Rows) -> rows(T, [], [], [lists:reverse([lists:reverse(Field) | Row]) | Rows]);
rows([$, | T], Field, Row, Rows) -> rows(T, [], [lists:reverse(Field) | Row], Rows);
rows([$" | T], [], Row, Rows) -> quoted(T, [], Row, Rows);
rows([C | T], Field, Row, Rows) -> rows(T, [C | Field], Row, Rows).

quoted([$", $" | T], Field, Row, Rows) -> quoted(T, [$" | Field], Row, Rows);
quoted([$" | T], Field, Row, Rows) -> rows(T, Field, Row, Rows);
quoted([C | T], Field, Row, Rows) -> quoted(T, [C | Field], Row, Rows).

number("") -> missing;
number(S) ->
    case string:to_float(S) of
        {F, []} -> F;
        _ -> {I, []} = string:to_integer(S), I
    end.

main() ->
    [Header | Rows] = parse(data()),
    io:format("~p~n", [Header]),
    lists:foreach(fun(R) -> io:format("~p~n", [R]) end, Rows),
    Recs = [{Name, list_to_atom(Dept), number(Sal), list_to_integer(Y)} || [Name, Dept, Sal, Y] <- Rows],
    Depts = lists:usort([D || {_, D, _, _} <- Recs]),
    lists:foreach(fun(D) ->
        Sals = [S || {_, D2, S, _} <- Recs, D2 =:= D, S =/= missing],
        Avg = lists:sum(Sals) / length(Sals),
        io:format("~-6w n=~w avg=~10.2f max=~p~n", [D, length(Sals), Avg, lists:max(Sals)])
    end, Depts),
    Senior = [N || {N, _, _, Y} <- Recs, Y < 2019],
    io:format("~p~n", [Senior]),
    io:format("~p~n", [parse("a,\"b,c\",d\n\"\"\"\",,x")]),
    ok.
