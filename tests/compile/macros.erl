%% macros.erl - the preprocessor in front of the compiler: macros with
%% and without arguments, ?MODULE, ?FUNCTION_NAME, ?LINE, ??Arg,
%% conditional compilation, and a macro used as a guard.
-module(macros).
-export([main/0]).

-define(PI, 3.14159).
-define(SQUARE(X), ((X) * (X))).
-define(IS_SMALL(N), is_integer(N), N < 10).
-define(SHOW(E), io:format("~s = ~p~n", [??E, E])).
-define(DEBUG, true).

-ifdef(DEBUG).
mode() -> debug.
-else.
mode() -> release.
-endif.

-ifndef(MISSING).
extra() -> no_missing.
-endif.

small(N) when ?IS_SMALL(N) -> small;
small(_) -> large.

main() ->
    ?SHOW(?SQUARE(7)),
    ?SHOW(?PI * 2),
    ?SHOW({?MODULE, ?FUNCTION_NAME, ?FUNCTION_ARITY}),
    ?SHOW(mode()),
    ?SHOW(extra()),
    ?SHOW([small(X) || X <- [1, 5, 50]]),
    io:format("~p~n", [?LINE]),
    ok.
