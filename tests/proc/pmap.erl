%% pmap.erl - a parallel map: one process per element, results collected
%% in the order of the list whatever order they finish in; a failing
%% element turns into {error, Reason}; nested and chunked variants.
-module(pmap).
-export([main/0]).

%% pmap(F, L): [F(X) || X <- L], each F(X) in its own process.
pmap(F, L) ->
    Main = self(),
    Jobs = [spawn_monitor(fun() -> Main ! {self(), F(X)} end) || X <- L],
    [collect(Pid, Ref) || {Pid, Ref} <- Jobs].

%% collect(Pid, Ref): the result of one job, taken by its pid; the
%% monitor's 'DOWN' is always taken too, so nothing is left behind.
collect(Pid, Ref) ->
    receive
        {Pid, Result} ->
            receive {'DOWN', Ref, process, Pid, normal} -> Result end;
        {'DOWN', Ref, process, Pid, Reason} ->
            {error, Reason}
    end.

%% chunked(F, L, N): N workers each map a slice of L; the slices are joined
%% in order.
chunked(F, L, N) ->
    lists:append(pmap(fun(Slice) -> lists:map(F, Slice) end, slices(L, N))).

slices(L, N) ->
    Size = (length(L) + N - 1) div N,
    slices_of(L, Size).

slices_of([], _) -> [];
slices_of(L, Size) when length(L) =< Size -> [L];
slices_of(L, Size) ->
    {H, T} = lists:split(Size, L),
    [H | slices_of(T, Size)].

fib(0) -> 0;
fib(1) -> 1;
fib(N) -> fib(N - 1) + fib(N - 2).

main() ->
    process_flag(trap_exit, false),
    io:format("squares: ~p~n", [pmap(fun(X) -> X * X end, lists:seq(1, 20))]),
    io:format("empty: ~p~n", [pmap(fun(X) -> X end, [])]),
    io:format("fib: ~p~n", [pmap(fun fib/1, lists:seq(0, 20))]),
    %% later elements finish first: the order is still the list's
    Slow = pmap(fun(X) -> timer:sleep((10 - X) * 5), X end, lists:seq(1, 10)),
    io:format("finishing in reverse: ~p~n", [Slow]),
    %% failures
    R = pmap(fun(X) when X rem 3 =:= 0 -> exit({bad, X});
                (X) -> X + 100
             end, lists:seq(1, 7)),
    io:format("with failures: ~p~n", [R]),
    %% nested: a pmap inside each job
    Nested = pmap(fun(N) -> lists:sum(pmap(fun(X) -> X * N end, lists:seq(1, N))) end,
                  lists:seq(1, 10)),
    io:format("nested: ~p~n", [Nested]),
    %% big results and arguments copied both ways
    Big = pmap(fun(N) -> lists:seq(1, N) end, [1000, 2000, 3000]),
    io:format("big results: ~p~n", [[{length(L), lists:sum(L)} || L <- Big]]),
    %% 1000 elements, one process each, and chunked over 4 workers
    L = lists:seq(1, 1000),
    All = pmap(fun(X) -> X * 2 + 1 end, L),
    io:format("1000 elements: ~p ~p~n", [length(All), All =:= [X * 2 + 1 || X <- L]]),
    Ch = chunked(fun(X) -> X * 2 + 1 end, L, 4),
    io:format("chunked: ~p~n", [Ch =:= All]),
    io:format("strings: ~p~n", [pmap(fun lists:reverse/1, ["abc", "hello", ""])]),
    io:format("mailbox: ~p~n", [receive M -> M after 0 -> empty end]).
