%% pingpong.erl - two processes bounce a counter back and forth; then main
%% bounces terms of every kind off an echo process (the copy that comes
%% back must equal what was sent) and two children play against each other.
-module(pingpong).
-export([main/0]).

main() ->
    Echo = spawn(fun echo/0),
    lists:foreach(fun(N) -> io:format("main/echo ~p: ~p~n", [N, rounds(Echo, N, 0)]) end,
                  [0, 1, 2, 100, 10000]),
    lists:foreach(fun({Name, T}) ->
                      Echo ! {self(), T},
                      receive {Echo, Back} -> io:format("~s: ~p~n", [Name, Back =:= T]) end
                  end, terms()),
    F = fun(X) -> X * 3 end,
    Echo ! {self(), F},
    receive {Echo, G} -> io:format("fun back: ~p ~p~n", [is_function(G, 1), G(14)]) end,
    Big = lists:duplicate(200, {a, "b", 3.5}),
    Echo ! {self(), {big, Big}},
    receive {Echo, {big, Big2}} -> io:format("big back: ~p ~p~n", [length(Big2), Big2 =:= Big]) end,
    stop(Echo),
    lists:foreach(fun(N) -> io:format("ping/pong ~p: ~p~n", [N, pair(N)]) end,
                  [1, 10, 5000]).

%% terms(): {name, term} pairs of every kind of term.
terms() ->
    [{"atom", ok}, {"small", 42}, {"negative", -7},
     {"bignum", 123456789012345678901234567890}, {"float", 3.25},
     {"string", "text"}, {"nil", []}, {"empty tuple", {}},
     {"nested", {a, {b, [c, d]}}}, {"improper", [1, [2, [3]], 4 | tail]},
     {"small binary", <<"bin">>}, {"200-byte binary", list_to_binary(lists:seq(0, 199))},
     {"pid", self()}, {"ref", make_ref()}, {"mixed", [{self(), make_ref(), 1.0e300}]}].

echo() ->
    receive
        {From, Msg} ->
            From ! {self(), Msg},
            echo();
        stop -> ok
    end.

%% rounds(Echo, N, I): N round trips through Echo, each checked; returns N
%% or the first unexpected reply.
rounds(_, N, N) -> N;
rounds(Echo, N, I) ->
    Echo ! {self(), {ping, I}},
    receive
        {Echo, {ping, I}} -> rounds(Echo, N, I + 1);
        Other -> {unexpected, Other}
    end.

%% pair(N): a ping process and a pong process play N rounds; ping reports
%% the last count and both are waited for.
pair(N) ->
    Main = self(),
    Pong = spawn(fun pong/0),
    {Ping, Ref} = spawn_monitor(fun() -> Main ! {result, ping(Pong, N, 0)} end),
    R = receive {result, X} -> X end,
    receive {'DOWN', Ref, process, Ping, normal} -> ok end,
    stop(Pong),
    R.

ping(Pong, N, N) -> Pong ! stop, N;
ping(Pong, N, I) ->
    Pong ! {ping, self(), I},
    receive {pong, I} -> ping(Pong, N, I + 1) end.

pong() ->
    receive
        {ping, From, I} -> From ! {pong, I}, pong();
        stop -> ok
    end.

%% stop(P): sends P stop and waits until it is gone (already gone is fine:
%% the monitor then says noproc).
stop(P) ->
    Ref = monitor(process, P),
    P ! stop,
    receive {'DOWN', Ref, process, P, R} when R =:= normal; R =:= noproc -> ok end.
