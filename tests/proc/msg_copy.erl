%% msg_copy.erl - messages are copied: big nested terms, binaries larger
%% than 64 bytes (shared by reference on beamlet), funs with their captured
%% values, terms with much sharing; the receiver gets an equal term, works
%% on it (allocating until it collects garbage) and sends back what it
%% computed; the sender's own term is unchanged. Checksums are computed by
%% walking the terms, on both sides.
-module(msg_copy).
-export([main/0]).

main() ->
    process_flag(trap_exit, false),
    Terms = [{"long list", lists:seq(1, 5000)},
             {"nested tuples", nest(500)},
             {"tree", tree(12)},
             {"binary 65", list_to_binary(lists:duplicate(65, $x))},
             {"binary 1000", list_to_binary([I rem 256 || I <- lists:seq(1, 1000)])},
             {"binary 20000", list_to_binary(lists:duplicate(20000, 7))},
             {"binaries in a list",
              [list_to_binary(lists:duplicate(I, I)) || I <- lists:seq(60, 200)]},
             {"mixed", {3.5, -1, 1 bsl 100, "str", <<"small">>, [a | b], {}, []}},
             {"shared", shared(12)},
             {"strings", [integer_to_list(I) || I <- lists:seq(1, 1000)]}],
    Worker = spawn(fun worker/0),
    lists:foreach(fun({Name, T}) ->
                          Sum = checksum(T),
                          Worker ! {check, self(), T},
                          receive {checked, Back, WSum} ->
                                  io:format("~s: sum ~p, worker agrees ~p, back equal ~p, "
                                            "mine unchanged ~p~n",
                                            [Name, Sum, WSum =:= Sum, Back =:= T,
                                             checksum(T) =:= Sum])
                          end
                  end, Terms),

    %% the worker changes what it got and keeps it; ours stays as it was
    Orig = {counter, lists:seq(1, 1000), list_to_binary(lists:seq(1, 200))},
    Worker ! {keep, Orig},
    Worker ! {bump, self()},
    receive {bumped, New} ->
            io:format("worker's copy changed: ~p, ours not: ~p~n",
                      [New =/= Orig, Orig =:= {counter, lists:seq(1, 1000),
                                               list_to_binary(lists:seq(1, 200))}])
    end,

    %% funs: the captured values travel with them
    Captured = lists:seq(1, 500),
    Bin = list_to_binary(lists:duplicate(300, $b)),
    F = fun(X) -> X + lists:sum(Captured) + byte_size(Bin) end,
    Worker ! {apply, self(), F, 1},
    receive {applied, V} -> io:format("fun applied remotely: ~p, locally: ~p~n", [V, F(1)]) end,

    %% one big binary sent to many processes: each sees all of it
    Shared = list_to_binary([I rem 251 || I <- lists:seq(1, 10000)]),
    Me = self(),
    Readers = [spawn_monitor(fun() -> Me ! {read, I, checksum(Shared)} end)
               || I <- lists:seq(1, 20)],
    Sums = [receive {read, I, S} -> S end || I <- lists:seq(1, 20)],
    [receive {'DOWN', R, process, P, normal} -> ok end || {P, R} <- Readers],
    io:format("20 readers of a 10000-byte binary agree: ~p~n",
              [lists:usort(Sums) =:= [checksum(Shared)]]),

    %% a term passed along a chain of 50 processes arrives intact
    T = {tree(8), list_to_binary(lists:seq(0, 255)), lists:seq(1, 300)},
    Last = lists:foldl(fun(_, Next) -> spawn(fun() -> relay(Next) end) end, self(),
                       lists:seq(1, 50)),
    Last ! {pass, T},
    receive {pass, T2} -> io:format("through 50 relays: ~p~n", [T2 =:= T]) end,

    WMon = monitor(process, Worker),
    Worker ! stop,
    receive {'DOWN', WMon, process, Worker, normal} -> ok end,
    io:format("mailbox: ~p~n", [receive M -> M after 0 -> empty end]).

worker() ->
    receive
        {check, From, T} ->
            garbage(500),
            From ! {checked, T, checksum(T)},
            worker();
        {keep, T} ->
            kept(T);
        {apply, From, F, X} ->
            From ! {applied, F(X)},
            worker();
        stop ->
            ok
    end.

%% kept(T): holds T (across collections) until asked to change it.
kept({counter, L, B}) ->
    receive
        {bump, From} ->
            garbage(500),
            From ! {bumped, {counter, [X + 1 || X <- L], B}},
            worker()
    end.

relay(Next) ->
    receive {pass, T} -> Next ! {pass, T} end.

%% garbage(N): allocates and drops N short lists, so a collection happens
%% while the received term is live.
garbage(0) -> ok;
garbage(N) ->
    _ = lists:seq(1, 50),
    garbage(N - 1).

nest(0) -> leaf;
nest(N) -> {N, nest(N - 1), [N]}.

tree(0) -> [];
tree(N) -> {tree(N - 1), N, tree(N - 1)}.

shared(0) -> [x];
shared(N) ->
    S = shared(N - 1),
    {S, S}.

%% checksum(T): a number computed from every part of T (tuples, lists,
%% integers, floats, atoms, binaries), position-sensitive.
checksum(T) -> walk(T, 17) rem 1000000007.

walk(T, Acc) when is_integer(T) -> (Acc * 31 + T) rem 1000000007;
walk(T, Acc) when is_float(T) -> walk(trunc(T * 1000), Acc + 3);
walk(T, Acc) when is_atom(T) -> walk(atom_to_list(T), Acc + 5);
walk(T, Acc) when is_binary(T) -> walk(binary_to_list(T), Acc + 7);
walk([], Acc) -> Acc + 11;
walk([H | T], Acc) -> walk(T, walk(H, Acc * 7 + 13));
walk(T, Acc) when is_tuple(T) -> walk(tuple_to_list(T), Acc + tuple_size(T) * 19);
walk(_, Acc) -> Acc + 23.
