-module(comprehension).
-export([f/1]).

f(L) -> [X || X <- L, X > 0].
g(B) -> [X || (<<X>>) <= B].
h(L) -> [X || X <- L ||].
