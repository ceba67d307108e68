%% thread_ring.erl - the benchmarks game's thread-ring: 503 processes in a
%% ring pass a token that each decrements; the process that receives 0
%% reports its id (1..503) to main, which prints it. Several token values;
%% the ring is then stopped and main waits until all 503 are gone.
-module(thread_ring).
-export([main/0]).

-define(RING, 503).

main() ->
    lists:foreach(fun(N) ->
                          {Id, Size} = run(N),
                          io:format("~p: ~p (ring of ~p)~n", [N, Id, Size])
                  end,
                  [0, 1, 2, 502, 503, 504, 1000, 1006, 50000]).

%% run(N): builds a fresh ring, sends N to process 1 and returns the id of
%% the process that got 0 and the size of the ring.
run(N) ->
    Main = self(),
    %% spawned from the last id down, each knowing the next one; the last
    %% (503) learns that its next is the first once the ring is complete.
    Last = spawn(fun() -> receive {next, First} -> thread(?RING, First, Main) end end),
    First = lists:foldl(fun(Id, Next) -> spawn(fun() -> thread(Id, Next, Main) end) end,
                        Last, lists:seq(?RING - 1, 1, -1)),
    Last ! {next, First},
    First ! N,
    Id = receive {zero, I} -> I end,
    Size = stop_ring(First),
    {Id, Size}.

thread(Id, Next, Main) ->
    receive
        0 ->
            Main ! {zero, Id},
            thread(Id, Next, Main);
        T when is_integer(T) ->
            Next ! T - 1,
            thread(Id, Next, Main);
        {next_of, From} ->
            From ! {next_is, self(), Next},
            thread(Id, Next, Main);
        {stop, Ref} ->
            Next ! {stop, Ref}
    end.

%% stop_ring(First): the stop message goes round the ring, each process
%% forwarding it and ending (the first one's forward to 2 comes back to a
%% dead process at the end, which is harmless); main monitors all 503 and
%% waits for every one to be gone. Returns the size of the ring.
stop_ring(First) ->
    Mons = [monitor(process, P) || P <- ring_pids(First)],
    First ! {stop, make_ref()},
    [receive {'DOWN', M, process, _, normal} -> ok end || M <- Mons],
    length(Mons).

%% ring_pids(First): the pids of the ring, asked of each process in turn.
ring_pids(First) ->
    ring_pids(First, First, []).

ring_pids(P, First, Acc) ->
    P ! {next_of, self()},
    receive
        {next_is, P, First} -> [P | Acc];
        {next_is, P, Next} -> ring_pids(Next, First, [P | Acc])
    end.
