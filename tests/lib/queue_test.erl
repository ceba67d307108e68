%% queue_test.erl - test program for lib/queue.erl, in beamlet's Erlang
%% subset. main/0 prints one line per case, {Name, Result} with ~p; the
%% output, queues' internal {Rear, Front} shape included, must be identical
%% under Erlang/OTP's queue and beamlet's (see tests/lib/run_otp.sh).
-module(queue_test).
-export([main/0]).

t(Name, F) ->
    R = try F() catch C:E -> {C, E} end,
    io:format("~p~n", [{Name, R}]).

%% Queues of several shapes: built by from_list and in/in_r, and raw pairs.
queues() ->
    [queue:new()] ++
    [queue:from_list(lists:seq(1, N)) || N <- [1, 2, 3, 4, 5, 8]] ++
    [lists:foldl(fun(X, Q) -> queue:in(X, Q) end, queue:new(), lists:seq(1, 5)),
     lists:foldl(fun(X, Q) -> queue:in_r(X, Q) end, queue:new(), lists:seq(1, 5)),
     {[3, 2, 1], []}, {[], [1, 2, 3]}, {[5, 4], [1, 2, 3]}, {[6, 5, 4, 3], [1, 2]},
     {[1.0, 2], [2.0, 1]}].

bad() -> [foo, {[], [], []}, {a, []}, {[], b}, [1, 2]].

main() ->
    Qs = queues(),
    All = Qs ++ bad(),
    [t({is_queue, Q}, fun() -> queue:is_queue(Q) end) || Q <- All],
    [t({is_empty, Q}, fun() -> queue:is_empty(Q) end) || Q <- All],
    [t({len, Q}, fun() -> queue:len(Q) end) || Q <- All],
    [t({to_list, Q}, fun() -> queue:to_list(Q) end) || Q <- All],
    [t({from_list, L}, fun() -> queue:from_list(L) end)
     || L <- [[], [a], [a, b], [a, b, c], lists:seq(1, 7), foo]],
    [t({member, Q}, fun() -> {queue:member(1, Q), queue:member(2.0, Q),
                              queue:member(z, Q)} end) || Q <- All],
    [t({in, Q}, fun() -> {queue:in(x, Q), queue:in_r(x, Q),
                          queue:snoc(Q, y), queue:cons(y, Q)} end) || Q <- All],
    [t({out, Q}, fun() -> queue:out(Q) end) || Q <- All],
    [t({out_r, Q}, fun() -> queue:out_r(Q) end) || Q <- All],
    [t({get, Q}, fun() -> queue:get(Q) end) || Q <- All],
    [t({get_r, Q}, fun() -> queue:get_r(Q) end) || Q <- All],
    [t({peek, Q}, fun() -> {queue:peek(Q), queue:peek_r(Q)} end) || Q <- All],
    [t({drop, Q}, fun() -> queue:drop(Q) end) || Q <- All],
    [t({drop_r, Q}, fun() -> queue:drop_r(Q) end) || Q <- All],
    [t({okasaki, F, Q}, fun() -> queue:F(Q) end)
     || F <- [head, tail, daeh, last, liat, lait, init], Q <- All],
    [t({reverse, Q}, fun() -> queue:reverse(Q) end) || Q <- All],
    [t({join, Q1, Q2}, fun() -> queue:join(Q1, Q2) end)
     || Q1 <- [{[], []}, {[b], [a]}, {[3, 2, 1], []}, foo],
        Q2 <- [{[], []}, {[], [x, y, z]}, {[w], [u, v]}, {[], bar}]],
    [t({split, N, Q}, fun() -> queue:split(N, Q) end)
     || N <- [0, 1, 2, 3, 5, 9, -1, a], Q <- All],
    [t({filter, Q}, fun() -> {queue:filter(fun(X) -> X rem 2 =:= 0 end, Q),
                              queue:filter(fun(X) -> X > 1 end, Q),
                              queue:filter(fun(X) -> [X, {X}] end, Q)} end)
     || Q <- All],
    t(filter_bad_result, fun() -> queue:filter(fun(_) -> x end, {[2], [1]}) end),
    t(filter_not_fun, fun() -> queue:filter(foo, {[2], [1]}) end),
    t(filter_order, fun() -> queue:filter(fun(X) -> io:format("~p ", [X]), true end,
                                          {[6, 5, 4], [1, 2, 3]}) end),
    [t({filtermap, Q}, fun() -> queue:filtermap(fun(X) when X > 2 -> {true, {X}};
                                                   (X) -> X =:= 1 end, Q) end)
     || Q <- Qs],
    t(filtermap_bad, fun() -> queue:filtermap(fun(_) -> x end, {[2], [1]}) end),
    [t({fold, Q}, fun() -> queue:fold(fun(X, A) -> [X | A] end, [], Q) end) || Q <- All],
    t(fold_bad, fun() -> queue:fold(fun(X) -> X end, [], {[2], [1]}) end),
    [t({any_all, Q}, fun() -> {queue:any(fun(X) -> X > 3 end, Q),
                               queue:all(fun(X) -> X > 0 end, Q)} end) || Q <- All],
    t(all_bad, fun() -> queue:all(fun(X) -> X end, {[3, 2], [1]}) end),
    t(any_bad, fun() -> queue:any(fun(X) -> X end, {[3, 2], []}) end),
    [t({delete, X, Q}, fun() -> {queue:delete(X, Q), queue:delete_r(X, Q)} end)
     || X <- [1, 2, 3, 2.0, 9], Q <- All],
    [t({delete_with, Q}, fun() -> {queue:delete_with(fun(X) -> X > 2 end, Q),
                                   queue:delete_with_r(fun(X) -> X < 3 end, Q)} end)
     || Q <- All],
    t(delete_with_bad, fun() -> queue:delete_with(fun(_) -> x end, {[1], []}) end),
    t(improper_rear, fun() -> queue:delete(9, {[1 | x], []}) end),
    t(improper_front, fun() -> queue:to_list({[], [1 | x]}) end),
    t(improper_len, fun() -> queue:len({[1 | x], []}) end),
    t(improper_out, fun() -> queue:out({[1], [2 | x]}) end),
    t(big, fun() ->
                   Q = lists:foldl(fun(X, A) -> queue:in(X, A) end, queue:new(),
                                   lists:seq(1, 1000)),
                   {Q2, Sum} = drain(Q, 0),
                   {queue:len(Q), Sum, Q2, queue:get(Q), queue:get_r(Q)}
           end),
    ok.

drain(Q, Acc) ->
    case queue:out(Q) of
        {empty, Q1} -> {Q1, Acc};
        {{value, V}, Q1} -> drain(Q1, Acc + V)
    end.
