-module(halt).
-export([main/0]).

main() ->
    io:format("before halt~n"),
    erlang:halt(3),
    io:format("never printed~n").
