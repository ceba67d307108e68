%% proplists_use.erl - proplists:get_value/2,3 (and friends) reading an
%% options list the way applications do.
-module(proplists_use).
-export([main/0]).

defaults() -> [{port, 80}, {host, "localhost"}, {timeout, 5000}, verbose].

opt(Key, Opts) -> proplists:get_value(Key, Opts, proplists:get_value(Key, defaults())).

main() ->
    Opts = [{port, 8080}, {name, "server"}, debug, {port, 9999}, {list, [1, 2]}, {tuple3, a, b}],
    io:format("~p~n", [proplists:get_value(port, Opts)]),
    io:format("~p~n", [proplists:get_value(name, Opts)]),
    io:format("~p~n", [proplists:get_value(debug, Opts)]),
    io:format("~p~n", [proplists:get_value(missing, Opts)]),
    io:format("~p~n", [proplists:get_value(missing, Opts, default_value)]),
    io:format("~p~n", [proplists:get_value(tuple3, Opts)]),
    io:format("~p~n", [proplists:get_value(list, Opts, [])]),
    io:format("~p~n", [proplists:get_value(x, [])]),
    io:format("~p~n", [[opt(K, Opts) || K <- [port, host, timeout, verbose, name]]]),
    io:format("~p~n", [proplists:get_all_values(port, Opts)]),
    io:format("~p~n", [proplists:is_defined(debug, Opts)]),
    io:format("~p~n", [proplists:lookup(port, Opts)]),
    io:format("~p~n", [proplists:get_bool(debug, Opts)]),
    io:format("~p~n", [proplists:delete(port, Opts)]),
    Config = [{db, [{user, "admin"}, {pool, 10}]}, {cache, [{size, 128}]}],
    Db = proplists:get_value(db, Config, []),
    io:format("~s has pool ~p, cache ~p~n",
              [proplists:get_value(user, Db), proplists:get_value(pool, Db),
               proplists:get_value(size, proplists:get_value(cache, Config))]),
    ok.
