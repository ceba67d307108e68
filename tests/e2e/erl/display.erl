-module(display).
-export([main/0]).

%% erlang:display writes straight to stdout, outside io's ordering, so
%% it has a program of its own.
main() ->
    erlang:display({displayed, "str", 1.5, [1 | 2], 'Quoted', <<1, 2>>}),
    erlang:display(-12345678901234567890123),
    erlang:display([]),
    ok.
