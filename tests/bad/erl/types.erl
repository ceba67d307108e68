-module(types).
-export([f/1]).
-type t() :: 1..2..3.
-type u(_) :: ok.
-spec f(X) -> ok when foo(X).
-spec f(integer() -> ok.
-record(r, {a = 1 :: integer()1}).

f(_) -> ok.
