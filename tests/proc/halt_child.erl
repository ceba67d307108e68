%% halt_child.erl - erlang:halt/1 called by a child process ends the whole
%% VM at once with that status (3), while main still waits: the line after
%% main's receive is never printed. Expected exit status: halt_child.status.
-module(halt_child).
-export([main/0]).

main() ->
    io:format("main starts~n"),
    Me = self(),
    spawn(fun() ->
                  receive go -> ok end,
                  io:format("child halts the VM~n"),
                  erlang:halt(3)
          end) ! go,
    %% other processes are busy or waiting when the halt comes
    spawn(fun() -> spin(0) end),
    spawn(fun() -> receive after infinity -> Me ! never end end),
    receive
        _ -> io:format("main got a message~n")
    after 10000 ->
        io:format("main timed out~n")
    end,
    io:format("main returns~n").

spin(N) -> spin(N + 1).
