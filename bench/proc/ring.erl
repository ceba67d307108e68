%% ring.erl - message-passing benchmark: P processes in a ring pass one
%% token around until it has made H hops in all; each hop is one send and
%% one receive. Prints the time the hops took (spawning excluded) and the
%% hops per second, as "key=value" fields.
%%
%%   beamlet run bench/proc/ring.erl [P H]      (default 1000 10000000)
%%   erl -noshell -run ring main P H -s init stop
-module(ring).
-export([main/1]).

main([]) -> main(["1000", "10000000"]);
main([PArg, HArg]) ->
    P = list_to_integer(PArg),
    H = list_to_integer(HArg),
    Me = self(),
    %% each process is spawned knowing the next; the last one is told
    %% that its next is the first
    Last = spawn(fun() -> receive {next, First} -> node(First, Me) end end),
    First = lists:foldl(fun(_, Next) -> spawn(fun() -> node(Next, Me) end) end,
                        Last, lists:seq(2, P)),
    Last ! {next, First},
    T0 = erlang:monotonic_time(millisecond),
    First ! H,
    receive done -> ok end,
    Ms = max(erlang:monotonic_time(millisecond) - T0, 1),
    First ! stop,
    io:format("ring: procs=~p hops=~p ms=~p hops_per_s=~p~n", [P, H, Ms, H * 1000 div Ms]).

%% node(Next, Main): passes the token on with one hop less; the process
%% that gets 0 tells main. stop goes round once and ends every process.
node(Next, Main) ->
    receive
        0 ->
            Main ! done,
            node(Next, Main);
        N when is_integer(N) ->
            Next ! N - 1,
            node(Next, Main);
        stop ->
            Next ! stop
    end.
