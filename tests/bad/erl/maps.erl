-module(maps).
-export([f/0]).

%% Maps are not in the subset (map types in specs are fine).
-spec f() -> #{atom() => integer()}.
f() -> ok.
g() -> #{a => 1}.
h(M) -> M#{a := 2}.
i(#{a := A}) -> A.
