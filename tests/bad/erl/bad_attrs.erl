-module(bad_attrs).
-export([f/0]).
-export([g]).
-export([h/x]).
-record(r, {a, 1}).
-record(s).
-vsn(X).
-import(lists, [map/2], x).

f() -> ok.
