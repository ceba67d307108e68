%% ifdef.erl - conditional compilation: -ifdef, -ifndef, -else, -endif,
%% -undef, nesting, and macros redefined after -undef.
-module(ifdef).
-export([main/0]).

-compile([nowarn_unused_function]).
-author("nobody").
-type color() :: red | green.
-define(DEBUG, true).
-define(LEVEL, 2).

-ifdef(DEBUG).
mode() -> debug.
-else.
mode() -> release.
-endif.

-ifndef(NOT_DEFINED).
extra() -> "NOT_DEFINED is not defined".
-else.
extra() -> "defined".
-endif.

-undef(LEVEL).
-define(LEVEL, 5).

-ifdef(DEBUG).
-ifdef(VERBOSE).
verbosity() -> verbose.
-else.
verbosity() -> quiet.
-endif.
-else.
verbosity() -> none.
-endif.

-undef(DEBUG).
-ifdef(DEBUG).
after_undef() -> still_defined.
-else.
after_undef() -> undefined_now.
-endif.

-ifndef(DEBUG).
-define(TRACE(X), ok).
-else.
-define(TRACE(X), io:format("trace ~p~n", [X])).
-endif.

-spec main() -> ok.

main() ->
    io:format("~p~n", [mode()]),
    io:format("~s~n", [extra()]),
    io:format("~p~n", [?LEVEL]),
    io:format("~p~n", [verbosity()]),
    io:format("~p~n", [after_undef()]),
    ?TRACE(hidden),
    io:format("~p~n", [[red, green] =:= colors()]),
    ok.

-spec colors() -> [color()].
colors() -> [red, green].
