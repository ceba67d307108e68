%% records.erl - record definition with defaults, creation, field access,
%% update, #r.field indexes, patterns in heads and case, guards on fields,
%% nested records, is_record-style checks.
-module(records).
-export([main/0]).

-record(point, {x = 0, y = 0}).
-record(person, {name, age = 0, email = none, tags = []}).
-record(rect, {tl = #point{}, br = #point{x = 1, y = 1}, label = "r"}).
-record(empty, {}).

area(#rect{tl = #point{x = X1, y = Y1}, br = #point{x = X2, y = Y2}}) ->
    abs(X2 - X1) * abs(Y2 - Y1).

describe(#person{name = N, age = A}) when A < 18 -> N ++ " (minor)";
describe(#person{name = N, age = A}) when A >= 65 -> N ++ " (senior)";
describe(#person{name = N}) -> N.

birthday(P = #person{age = A}) -> P#person{age = A + 1}.

main() ->
    P0 = #point{},
    P1 = #point{x = 3},
    P2 = #point{y = 4, x = 5},
    io:format("~p ~p ~p~n", [P0, P1, P2]),
    io:format("~p ~p~n", [P2#point.x, P2#point.y]),
    io:format("index: ~p ~p ~p~n", [#point.x, #point.y, #person.tags]),
    io:format("size: ~p ~p~n", [tuple_size(P0), tuple_size(#empty{})]),
    Bob = #person{name = "Bob", age = 30},
    io:format("~p~n", [Bob]),
    Bob2 = Bob#person{email = "bob@example.com", tags = [admin]},
    io:format("~p~n", [Bob2]),
    io:format("~p~n", [birthday(birthday(Bob2))]),
    People = [#person{name = "Ann", age = 12}, Bob, #person{name = "Old", age = 80}],
    io:format("~p~n", [[describe(P) || P <- People]]),
    io:format("~p~n", [[N || #person{name = N, age = A} <- People, A > 20]]),
    Sorted = lists:keysort(#person.age, People),
    io:format("~p~n", [[P#person.name || P <- Sorted]]),
    io:format("~p~n", [lists:keyfind("Bob", #person.name, People)]),
    R = #rect{},
    io:format("~p area ~p~n", [R, area(R)]),
    R2 = R#rect{br = #point{x = 10, y = 20}},
    io:format("~p area ~p~n", [R2, area(R2)]),
    io:format("nested: ~p~n", [(R2#rect.br)#point.y]),
    io:format("nested2: ~p~n", [R2#rect.br#point.x]),
    R3 = R2#rect{tl = (R2#rect.tl)#point{x = -5}, label = "moved"},
    io:format("~p~n", [R3]),
    case P1 of
        #point{x = 0} -> io:format("x is zero~n");
        #point{x = X} when X > 2 -> io:format("x is ~p~n", [X])
    end,
    io:format("is_record: ~p ~p ~p~n", [is_record(P1, point), is_record(P1, person), is_record(x, point)]),
    io:format("guard: ~p~n", [[is_pt(V) || V <- [P1, Bob, {point, 1}, {point, 1, 2}]]]),
    io:format("~p~n", [#empty{}]),
    io:format("~p~n", [{#point.x, element(#point.y, P2)}]),
    Bad = try (list_to_tuple([other, 1, 2]))#point.x catch error:E -> E end,
    io:format("~p~n", [Bad]),
    ok.

is_pt(P) when is_record(P, point) -> true;
is_pt(_) -> false.
