-module(e2e_helper).
-export([double/1]).

double(X) -> 2 * X.
