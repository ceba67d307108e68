-module(conditionals).
-export([f/0]).
-endif.
-ifdef(DEBUG).
-else.
-else.
-endif.
-if(atom_to_list(a)).
-endif.

f() -> ok.
-ifndef(NEVER_CLOSED).
