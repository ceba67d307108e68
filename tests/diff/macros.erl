%% macros.erl - -define of constants and macros with arguments, ?MODULE,
%% ?LINE, ?MODULE_STRING, macros using macros, stringifying ??Arg.
-module(macros).
-export([main/0, inc/1]).

-define(PI, 3.14159).
-define(GREETING, "hello").
-define(SQUARE(X), ((X) * (X))).
-define(MAX(A, B), (if (A) > (B) -> (A); true -> (B) end)).
-define(TWICE(F, X), F(F(X))).
-define(AREA(R), (?PI * ?SQUARE(R))).
-define(LOG(Fmt, Args), io:format("[~w:~w] " ++ Fmt ++ "~n", [?MODULE, ?LINE | Args])).
-define(PAIR(A, B), {A, B}).
-define(EMPTY(), []).
-define(SHOW(E), io:format("~s = ~p~n", [??E, E])).
-define(TUPLE, {one, two}).

inc(X) -> X + 1.

main() ->
    io:format("~p ~p~n", [?PI, ?GREETING]),
    io:format("~p ~p~n", [?SQUARE(7), ?SQUARE(2 + 3)]),
    io:format("~p ~p~n", [?MAX(3, 9), ?MAX(hello, 1)]),
    io:format("~p~n", [?TWICE(inc, 5)]),
    io:format("~p~n", [?AREA(2)]),
    io:format("~p ~p~n", [?MODULE, ?MODULE_STRING]),
    ?LOG("value ~p", [42]),
    ?LOG("no args", []),
    io:format("line ~p~n", [?LINE]),
    io:format("~p ~p~n", [?PAIR(a, ?PAIR(b, c)), ?EMPTY()]),
    ?SHOW(1 + 2 * 3),
    ?SHOW(lists:reverse([1, 2, 3])),
    {One, Two} = ?TUPLE,
    io:format("~p ~p~n", [One, Two]),
    io:format("~p~n", [?MODULE:inc(1)]),
    ok.
