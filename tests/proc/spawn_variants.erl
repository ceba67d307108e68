%% spawn_variants.erl - every way to start a process: spawn/1,3,
%% spawn_link/1,3, spawn_monitor/1,3, spawn/4 and spawn_link/4 on node(),
%% spawn_opt/2,4 with link, monitor, priority, min_heap_size and
%% max_heap_size; what each returns, that the child runs with the given
%% arguments and its self() is the pid returned; badarg for bad arguments.
-module(spawn_variants).
-export([main/0]).
-export([child/2, child_exit/1]).

%% child(Parent, Tag): tells the parent who it is and what it was given.
child(Parent, Tag) ->
    Parent ! {hello, Tag, self()}.

child_exit(Reason) ->
    exit(Reason).

%% hello(Tag, Pid): waits for the child's hello; true if it came from Pid.
hello(Tag, Pid) ->
    receive {hello, Tag, From} -> From =:= Pid end.

main() ->
    process_flag(trap_exit, true),
    Me = self(),
    P1 = spawn(fun() -> child(Me, spawn1) end),
    io:format("spawn/1: ~p ~p~n", [is_pid(P1), hello(spawn1, P1)]),
    P2 = spawn(?MODULE, child, [Me, spawn3]),
    io:format("spawn/3: ~p ~p~n", [is_pid(P2), hello(spawn3, P2)]),
    P3 = spawn(node(), ?MODULE, child, [Me, spawn4]),
    io:format("spawn/4: ~p ~p~n", [is_pid(P3), hello(spawn4, P3)]),

    L1 = spawn_link(fun() -> child(Me, link1), exit(link1_done) end),
    io:format("spawn_link/1: ~p ~p~n", [hello(link1, L1), exit_of(L1)]),
    L3 = spawn_link(?MODULE, child_exit, [link3_done]),
    io:format("spawn_link/3: ~p~n", [exit_of(L3)]),
    L4 = spawn_link(node(), ?MODULE, child_exit, [link4_done]),
    io:format("spawn_link/4: ~p~n", [exit_of(L4)]),

    {M1, R1} = spawn_monitor(fun() -> child(Me, mon1), exit(mon1_done) end),
    io:format("spawn_monitor/1: ~p ~p ~p ~p~n",
              [is_pid(M1), is_reference(R1), hello(mon1, M1), down_of(M1, R1)]),
    {M3, R3} = spawn_monitor(?MODULE, child_exit, [mon3_done]),
    io:format("spawn_monitor/3: ~p~n", [down_of(M3, R3)]),

    O1 = spawn_opt(fun() -> child(Me, opt_link), exit(opt_link_done) end, [link]),
    io:format("spawn_opt link: ~p ~p ~p~n", [is_pid(O1), hello(opt_link, O1), exit_of(O1)]),
    {O2, OR2} = spawn_opt(fun() -> exit(opt_mon_done) end, [monitor]),
    io:format("spawn_opt monitor: ~p ~p ~p~n",
              [is_pid(O2), is_reference(OR2), down_of(O2, OR2)]),
    {O3, OR3} = spawn_opt(fun() -> exit(both_done) end, [link, monitor]),
    io:format("spawn_opt link+monitor: ~p ~p~n", [down_of(O3, OR3), exit_of(O3)]),
    lists:foreach(fun(Opt) ->
                          {P, R} = spawn_opt(fun() -> child(Me, opt), exit(fib(20)) end,
                                             [monitor, Opt]),
                          io:format("spawn_opt ~p: ~p ~p~n", [Opt, hello(opt, P), down_of(P, R)])
                  end,
                  [{priority, low}, {priority, normal}, {priority, high},
                   {min_heap_size, 10000}, {max_heap_size, 1000000}]),
    O4 = spawn_opt(?MODULE, child, [Me, opt4], [link]),
    io:format("spawn_opt/4: ~p ~p~n", [hello(opt4, O4), exit_of(O4)]),
    {O5, OR5} = spawn_opt(?MODULE, child_exit, [opt5_done], [monitor, {priority, high}]),
    io:format("spawn_opt/4 monitor: ~p~n", [down_of(O5, OR5)]),

    %% process_flag(priority, P) returns the old one
    {Pr, PrR} = spawn_monitor(fun() ->
                                      Old = process_flag(priority, high),
                                      Now = process_flag(priority, low),
                                      exit({Old, Now})
                              end),
    io:format("priority flag: ~p~n", [down_of(Pr, PrR)]),

    %% closures carry their variables into the child
    X = {captured, [1, 2, 3]},
    Y = 2.5,
    spawn(fun() -> Me ! {closure, X, Y} end),
    io:format("closure: ~p~n", [receive {closure, A, B} -> {A, B} end]),

    %% pids are distinct, and a child's self() is what spawn returned
    Many = [spawn(fun() -> receive {who, From} -> From ! {me, self()} end end)
            || _ <- lists:seq(1, 100)],
    io:format("100 distinct pids: ~p~n", [length(lists:usort(Many)) =:= 100]),
    [P ! {who, Me} || P <- Many],
    io:format("self() matches: ~p~n",
              [lists:all(fun(P) -> receive {me, P} -> true end end, Many)]),
    io:format("parent among the children: ~p~n", [lists:member(self(), Many)]),

    %% bad arguments
    io:format("spawn(notafun): ~p~n", [err(fun() -> spawn(notafun) end)]),
    io:format("spawn(M, F, notalist): ~p~n",
              [err(fun() -> spawn(?MODULE, child, notalist) end)]),
    io:format("spawn_opt bad option: ~p~n",
              [err(fun() -> spawn_opt(fun() -> ok end, [bogus]) end)]),
    io:format("mailbox: ~p~n", [receive M -> M after 0 -> empty end]).

%% exit_of(P): the reason in P's 'EXIT' message (main traps exits).
exit_of(P) ->
    receive {'EXIT', P, R} -> R end.

down_of(P, Ref) ->
    receive {'DOWN', Ref, process, P, R} -> R end.

err(F) ->
    try F() catch error:R -> {error, R} end.

fib(0) -> 0;
fib(1) -> 1;
fib(N) -> fib(N - 1) + fib(N - 2).
