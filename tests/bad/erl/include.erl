-module(include).
-export([f/0]).
-include("no_such_file.hrl").
-include_lib("no_such_app/include/x.hrl").
-include(no_quotes).

f() -> ok.
