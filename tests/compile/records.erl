%% records.erl - records: creation with defaults and _ = V, update, field
%% access in bodies and guards, #r.f, record_info, is_record, patterns.
-module(records).
-export([main/0]).
-record(point, {x = 0, y = 0}).
-record(person, {name, age = 0, tags = [], pos = #point{}}).

older(#person{age = A} = P) -> P#person{age = A + 1}.

name(#person{name = N}) -> N.

is_adult(P) when P#person.age >= 18 -> true;
is_adult(_) -> false.

main() ->
    P = #person{name = "Ann"},
    io:format("~p~n", [P]),
    P2 = older(older(P)),
    io:format("~p ~p~n", [P2#person.age, name(P2)]),
    io:format("~p~n", [#point{x = 1}]),
    io:format("~p ~p~n", [#person.age, record_info(fields, person)]),
    io:format("~p~n", [record_info(size, point)]),
    io:format("~p ~p~n", [is_record(P, person), is_record(P, point)]),
    io:format("~p ~p~n", [is_adult(P), is_adult(P#person{age = 30})]),
    io:format("~p~n", [is_adult({other, 1, 2, 3, 4})]),
    Pt = P#person.pos,
    io:format("~p~n", [Pt#point{y = 5}]),
    io:format("~p~n", [try P#point.x catch error:E -> E end]),
    io:format("~p~n", [[N || #person{name = N} <- [P, P2, other]]]),
    Q = #person{name = bob, _ = x},
    io:format("~p~n", [Q]),
    case P of
        #person{name = "Ann", age = Age} when Age < 5 -> io:format("young ann ~p~n", [Age]);
        _ -> io:format("other~n")
    end.
