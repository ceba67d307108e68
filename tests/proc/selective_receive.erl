%% selective_receive.erl - a receive takes the first message that matches
%% one of its patterns and leaves the others in the mailbox, in order:
%% out-of-order picks, guards, bound variables, after 0 with messages
%% that do not match, a nested receive, messages arriving while waiting,
%% and a long mailbox picked from the back.
-module(selective_receive).
-export([main/0]).

main() ->
    %% pick c then d out of a..e: the rest stay in order
    [self() ! X || X <- [a, b, c, d, e]],
    receive c -> ok end,
    receive d -> ok end,
    io:format("after c, d: ~p~n", [drain()]),

    %% a guard: the first even number above 5
    [self() ! X || X <- lists:seq(1, 10)],
    First = receive N when N rem 2 =:= 0, N > 5 -> N end,
    io:format("first even > 5: ~p, left ~p~n", [First, drain()]),

    %% clauses are tried per message, not per clause: the oldest message
    %% that matches any clause wins
    [self() ! X || X <- [{b, 1}, {a, 2}, {b, 3}]],
    Got = receive {a, V} -> {a, V}; {b, V} -> {b, V} end,
    io:format("oldest matching: ~p, left ~p~n", [Got, drain()]),

    %% a bound variable selects one message
    Ref = make_ref(),
    self() ! {reply, other, 1},
    self() ! {reply, Ref, 2},
    self() ! {reply, other, 3},
    R = receive {reply, Ref, Val} -> Val end,
    io:format("bound ref: ~p, left ~p~n", [R, length(drain())]),

    %% after 0: nothing matches, the mailbox is left as it was
    self() ! x,
    self() ! y,
    T = receive z -> got_z after 0 -> timeout end,
    io:format("after 0 with x, y: ~p, left ~p~n", [T, drain()]),
    T2 = receive _ -> got after 0 -> timeout end,
    io:format("after 0, empty: ~p~n", [T2]),

    %% a nested receive: outer and inner messages interleaved
    [self() ! X || X <- [{inner, 2}, {outer, 1}, noise, {inner, 1}, {outer, 2}]],
    Pairs = [receive {outer, K} -> receive {inner, K} -> {K, both} end end || _ <- [1, 2]],
    io:format("nested: ~p, left ~p~n", [Pairs, drain()]),

    %% messages from another process: the one wanted comes in the middle
    Main = self(),
    {Pid, Mon} = spawn_monitor(fun() ->
                                       [Main ! {self(), I} || I <- [1, 2]],
                                       Main ! {self(), target},
                                       [Main ! {self(), I} || I <- [3, 4]],
                                       Main ! {self(), done}
                               end),
    receive {Pid, target} -> ok end,
    receive {Pid, done} -> ok end,
    receive {'DOWN', Mon, process, Pid, normal} -> ok end,
    io:format("around target: ~p~n", [[I || {_, I} <- drain()]]),

    %% picking from the back of a long mailbox, then in reverse order
    [self() ! {n, I} || I <- lists:seq(1, 10000)],
    receive {n, 10000} -> ok end,
    receive {n, 5000} -> ok end,
    Rest = drain(),
    io:format("long mailbox: ~p left, in order ~p~n",
              [length(Rest),
               Rest =:= [{n, I} || I <- lists:seq(1, 10000), I =/= 5000, I =/= 10000]]),
    [self() ! {n, I} || I <- lists:seq(1, 300)],
    Rev = [receive {n, I} -> I end || I <- lists:seq(300, 1, -1)],
    io:format("reverse picks: ~p, left ~p~n", [Rev =:= lists:seq(300, 1, -1), drain()]),

    %% a receive in a loop that skips what it does not want
    [self() ! X || X <- [1, skip, 2, skip, 3, stop, 4]],
    io:format("loop until stop: ~p, left ~p~n", [collect([]), drain()]).

%% drain(): every message now in the mailbox, oldest first.
drain() ->
    receive M -> [M | drain()] after 0 -> [] end.

collect(Acc) ->
    receive
        stop -> lists:reverse(Acc);
        N when is_integer(N) -> collect([N | Acc])
    end.
