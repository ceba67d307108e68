-module(head_mismatch).
-export([f/1]).

f(0) -> zero;
f(N) -> N.

g(1) -> one;
h(2) -> two.

i() -> fun (X) -> X; (X, Y) -> {X, Y} end.
