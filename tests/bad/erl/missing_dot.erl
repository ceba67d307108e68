-module(missing_dot).
-export([f/0]).

f() -> ok.

g() ->
    ok
