-module(macros).
-export([f/0]).
-define(PAIR(A, B), {A, B}).
-define(PAIR(A, B), [A, B]).
-define(LOOP, ?LOOP).
-define(BAD(X X), X).

f() -> ok.
g() -> ?UNDEFINED.
h() -> ?PAIR(1).
i() -> ?PAIR(1, .
j() -> ?LOOP.
k() -> ?.
