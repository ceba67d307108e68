-module(directives).
-export([f/0]).
-warning("this module is only an example").
-error({not_ready, [1, 2]}).

f() -> ok.
