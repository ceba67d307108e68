%% bins.erl - binaries built from variables: X/binary, integer segments of
%% sizes in whole bytes, constants, inside comprehensions and recursion.
-module(bins).
-export([main/0]).
join([]) -> <<>>;
join([H | T]) -> Rest = join(T), <<H/binary, ",", Rest/binary>>.
main() ->
    X = 258, Y = <<"yy">>,
    io:format("~p~n", [<<X:16, Y/binary, 1, X, X:32/little, "str", -1:8, 65>>]),
    io:format("~p~n", [join([<<"a">>, <<"bc">>])]),
    io:format("~p~n", [[<<C>> || C <- "abc"]]),
    io:format("~p~n", [<<(1 bsl 70):72>>]).
