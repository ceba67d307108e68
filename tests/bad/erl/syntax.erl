-module(syntax).
-export([ok/0]).

%% Each broken form is reported once; the others still compile.
f() ->
    foo()).

g(X) -> X == X == X.

h(X) -> case X of
            1 -> one;
        end.

i(X) -> <<X+1:8>>.

ok() -> ok.

j() -> [1 | 2 | 3].
