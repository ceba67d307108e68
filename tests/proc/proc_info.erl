%% proc_info.erl - erlang:process_info/1,2 and processes/0: of the caller
%% itself and of other processes (waiting in receive, with queued messages,
%% links, monitors, a dictionary, a registered name), of a process gone
%% (undefined), bad items (badarg); and that the answer of another process
%% counts exactly the messages sent to it before the question.
-module(proc_info).
-export([main/0, loop/0]).

main() ->
    process_flag(trap_exit, true),
    Me = self(),
    %% of itself
    io:format("self: ~p~n", [process_info(self(), [status, trap_exit, priority, message_queue_len])]),
    self() ! one, self() ! two,
    io:format("self messages: ~p~n", [process_info(self(), messages)]),
    receive one -> ok end, receive two -> ok end,
    put(k, v),
    io:format("self dictionary: ~p~n", [process_info(self(), dictionary)]),
    erase(k),
    io:format("self no name: ~p~n", [process_info(self(), registered_name)]),
    register(pi_main, self()),
    io:format("self name: ~p~n", [process_info(self(), registered_name)]),
    unregister(pi_main),
    {current_function, CF} = process_info(self(), current_function),
    io:format("self current_function: ~p~n", [CF]),
    %% of another, waiting in receive
    P = spawn_link(fun() -> put(colour, blue), Me ! ready, loop() end),
    receive ready -> ok end,
    P ! a, P ! {b, [1, 2]}, P ! <<"c">>,
    %% (its status depends on timing, on OTP too: waiting, or running while
    %% it answers)
    {status, St} = process_info(P, status),
    io:format("other status known: ~p~n", [lists:member(St, [waiting, running, runnable])]),
    io:format("other: ~p~n", [process_info(P, [message_queue_len, messages, dictionary,
                                                trap_exit, priority, registered_name])]),
    io:format("other links: ~p~n", [process_info(P, links) =:= {links, [Me]}]),
    R = monitor(process, P),
    {monitored_by, MB} = process_info(P, monitored_by),
    io:format("monitored_by: ~p~n", [MB =:= [Me]]),
    {monitors, Ms} = process_info(self(), monitors),
    io:format("monitors: ~p~n", [Ms =:= [{process, P}]]),
    register(pi_other, P),
    io:format("other name: ~p~n", [process_info(P, registered_name)]),
    io:format("by name: ~p~n", [catch element(1, element(2, catch process_info(pi_other, status)))]),
    %% the answer counts what was sent before the question
    [P ! {n, I} || I <- lists:seq(1, 100)],
    {message_queue_len, L} = process_info(P, message_queue_len),
    io:format("queue after 100 more: ~p~n", [L]),
    P ! {flush, self()},
    receive flushed -> ok end,
    io:format("after flush: ~p~n", [process_info(P, message_queue_len)]),
    %% keys of process_info/1 that both VMs have
    Keys = [K || {K, _} <- process_info(P)],
    io:format("process_info/1 has status, links, dictionary: ~p~n",
              [lists:all(fun(K) -> lists:member(K, Keys) end,
                         [current_function, status, message_queue_len, links, dictionary,
                          trap_exit, priority, heap_size, stack_size, total_heap_size])]),
    %% processes/0
    Ps = processes(),
    io:format("processes: ~p ~p~n", [lists:member(self(), Ps), lists:member(P, Ps)]),
    %% bad arguments
    Bad = [catch process_info(P, bogus), catch process_info(P, [status | bad]),
           catch process_info(P, [status, bogus]), catch process_info(not_a_pid, status),
           catch process_info(self(), 42)],
    io:format("bad: ~p~n", [[element(1, element(2, B)) || B <- Bad]]),
    %% gone
    unlink(P),
    exit(P, kill),
    receive {'DOWN', R, process, P, Why} -> io:format("down: ~p~n", [Why]) end,
    io:format("gone: ~p ~p ~p~n", [process_info(P, status), process_info(P, [status]), process_info(P)]),
    io:format("processes without it: ~p~n", [lists:member(P, processes())]),
    %% many askers at once
    Q = spawn(fun loop/0),
    Askers = [spawn(fun() -> Me ! {asked, self(), process_info(Q, [priority, trap_exit])} end)
              || _ <- lists:seq(1, 50)],
    Answers = [receive {asked, A, Ans} -> Ans end || A <- Askers],
    io:format("50 askers: ~p~n", [lists:usort(Answers)]),
    exit(Q, kill),
    %% reductions grow with the work done
    W = spawn(fun loop/0),
    {reductions, R0} = process_info(W, reductions),
    W ! {spin, 100000},
    W ! {flush, self()},
    receive flushed -> ok end,
    {reductions, R1} = process_info(W, reductions),
    io:format("reductions grew by more than 100000: ~p~n", [R1 - R0 > 100000]),
    exit(W, kill),
    %% initial_call: erlang:apply/2 for a fun, M:F/A for spawn(M, F, A)
    I1 = spawn(fun loop/0),
    I2 = spawn(?MODULE, loop, []),
    io:format("initial_call: ~p ~p~n", [process_info(I1, initial_call), process_info(I2, [initial_call])]),
    io:format("process_info/1 starts with: ~p~n", [[K || {K, _} <- lists:sublist(process_info(I2), 3)]]),
    exit(I1, kill),
    exit(I2, kill),
    ok.

loop() ->
    receive
        {flush, From} -> flush(), From ! flushed, loop();
        {spin, K} -> spin(K), loop();
        never -> ok
    end.

spin(0) -> ok;
spin(K) -> spin(K - 1).

flush() -> receive {n, _} -> flush(); a -> flush(); {b, _} -> flush(); <<"c">> -> flush() after 0 -> ok end.
