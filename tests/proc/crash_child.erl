%% crash_child.erl - children of main that crash with an uncaught
%% exception: each ends alone (main and its other children go on), its
%% monitor and links get the reason, which for an error is {Reason, Stack}
%% and for an uncaught throw {{nocatch, Value}, Stack}. Only the first
%% element of the reason is printed, and that the stack is a list.
%% The crash reports go to stderr on beamlet. Erlang/OTP writes them to
%% stdout unless told otherwise; see README.md.
-module(crash_child).
-export([main/0]).

main() ->
    process_flag(trap_exit, true),
    Me = self(),
    Bystander = spawn_link(fun bystander/0),
    Crashes = [{"badarith", fun() -> 1 / zero() end},
               {"badmatch", fun() -> {ok, _} = id(error) end},
               {"case_clause", fun() -> case id(7) of 1 -> one end end},
               {"function_clause", fun() -> only_one(2) end},
               {"badarg", fun() -> atom_to_list(id(42)) end},
               {"undef", fun() -> (id(no_such_module)):f() end},
               {"error(term)", fun() -> error({my, error}) end},
               {"throw", fun() -> throw(ball) end},
               {"badfun", fun() -> (id(not_a_fun))() end},
               {"deep", fun() -> deep(100) end}],
    lists:foreach(fun({Name, F}) ->
                          {P, R} = spawn_monitor(F),
                          receive {'DOWN', R, process, P, Why} ->
                                  io:format("~s: ~p~n", [Name, describe(Why)])
                          end
                  end, Crashes),
    %% a linked child: main traps, so it gets the same reason as a message
    L = spawn_link(fun() -> 1 + id(a) end),
    receive {'EXIT', L, LWhy} -> io:format("linked badarith: ~p~n", [describe(LWhy)]) end,
    %% a crash after doing some work and sending a message
    {W, WR} = spawn_monitor(fun() -> Me ! {partial, lists:sum(lists:seq(1, 100))}, hd(id([])) end),
    receive {partial, S} -> io:format("sent before crashing: ~p~n", [S]) end,
    receive {'DOWN', WR, process, W, WWhy} -> io:format("then: ~p~n", [describe(WWhy)]) end,
    %% the bystander saw nothing and still answers
    Bystander ! {ping, self()},
    receive
        {pong, Bystander} -> io:format("bystander alive: ~p~n", [is_process_alive(Bystander)])
    end,
    Bystander ! stop,
    receive {'EXIT', Bystander, BWhy} -> io:format("bystander: ~p~n", [BWhy]) end,
    io:format("main goes on: ~p~n", [is_process_alive(self())]),
    io:format("mailbox: ~p~n", [receive M -> M after 0 -> empty end]).

describe({Reason, Stack}) when is_list(Stack) -> {Reason, stack};
describe(Other) -> Other.

bystander() ->
    receive
        {ping, From} -> From ! {pong, self()}, bystander();
        stop -> ok
    end.

id(X) -> X.
zero() -> 0.
only_one(1) -> one.

deep(0) -> error(bottom);
deep(N) -> 1 + deep(N - 1).
