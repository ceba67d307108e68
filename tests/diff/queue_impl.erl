%% queue_impl.erl - a functional FIFO queue (two lists), a deque, and a
%% bank-teller simulation driven by a deterministic pseudo-random stream.
-module(queue_impl).
-export([main/0]).

new() -> {[], []}.
is_empty({[], []}) -> true;
is_empty(_) -> false.
len({In, Out}) -> length(In) + length(Out).
push(X, {In, Out}) -> {[X | In], Out}.
pop({[], []}) -> empty;
pop({In, [H | T]}) -> {H, {In, T}};
pop({In, []}) -> pop({[], lists:reverse(In)}).
peek(Q) -> case pop(Q) of empty -> empty; {H, _} -> {value, H} end.
to_list({In, Out}) -> Out ++ lists:reverse(In).
from_list(L) -> {[], L}.

%% deque operations on the same representation
push_front(X, {In, Out}) -> {In, [X | Out]}.
pop_back({[], []}) -> empty;
pop_back({[H | T], Out}) -> {H, {T, Out}};
pop_back({[], Out}) -> pop_back({lists:reverse(Out), []}).

rand(S) -> (S * 16807) rem 2147483647.

simulate(0, _Seed, Q, Served, Waited) -> {Served, Waited, len(Q)};
simulate(T, Seed, Q, Served, Waited) ->
    S1 = rand(Seed),
    Arrivals = S1 rem 3,
    Q1 = lists:foldl(fun(I, Acc) -> push({T, I}, Acc) end, Q, lists:seq(1, Arrivals)),
    S2 = rand(S1),
    Capacity = 1 + S2 rem 2,
    {Q2, Served2, Waited2} = serve(Capacity, T, Q1, Served, Waited),
    simulate(T - 1, S2, Q2, Served2, Waited2).

serve(0, _, Q, S, W) -> {Q, S, W};
serve(N, Now, Q, S, W) ->
    case pop(Q) of
        empty -> {Q, S, W};
        {{Arrived, _}, Q2} -> serve(N - 1, Now, Q2, S + 1, W + (Arrived - Now))
    end.

main() ->
    Q0 = new(),
    io:format("~p ~p~n", [is_empty(Q0), pop(Q0)]),
    Q1 = lists:foldl(fun push/2, Q0, [a, b, c, d]),
    io:format("~p ~p ~p~n", [to_list(Q1), len(Q1), peek(Q1)]),
    {X1, Q2} = pop(Q1),
    {X2, Q3} = pop(Q2),
    Q4 = push(e, Q3),
    io:format("~p ~p ~p~n", [X1, X2, to_list(Q4)]),
    Q5 = push_front(z, Q4),
    {B, Q6} = pop_back(Q5),
    io:format("~p ~p~n", [B, to_list(Q6)]),
    Drain = fun D(Q, Acc) -> case pop(Q) of empty -> lists:reverse(Acc); {H, R} -> D(R, [H | Acc]) end end,
    io:format("~p~n", [Drain(from_list(lists:seq(1, 10)), [])]),
    Big = lists:foldl(fun push/2, new(), lists:seq(1, 100000)),
    {Sum, _} = lists:foldl(fun(_, {Acc, Q}) -> {V, Q2x} = pop(Q), {Acc + V, Q2x} end, {0, Big}, lists:seq(1, 100000)),
    io:format("~p~n", [Sum]),
    io:format("~p~n", [simulate(1000, 42, new(), 0, 0)]),
    ok.
