%% fannkuch-redux from the Computer Language Benchmarks Game: for every
%% permutation of 1..N (in the game's order), count the prefix reversals
%% ("pancake flips") until 1 comes first; print the alternating checksum of
%% the flip counts and the largest count.
-module(fannkuch).
-export([main/0]).

-define(N, 9).

main() ->
    {Checksum, MaxFlips} = run(?N),
    io:format("~w~nPfannkuchen(~w) = ~w~n", [Checksum, ?N, MaxFlips]).

run(N) ->
    Perm = lists:seq(1, N),
    Count = list_to_tuple(lists:seq(0, N - 1)),
    loop(Perm, Count, N, N, 0, 0, 0).

%% Perm is the current permutation; Count the counters of the
%% permutation-generating rotations (as in the game's C program); R the
%% rotation level to reset from; I the permutation's index.
loop(Perm, Count0, R, N, I, Sum, Max) ->
    Count = reset(Count0, R),
    F = flips(Perm, 0),
    Sum1 = case I band 1 of 0 -> Sum + F; 1 -> Sum - F end,
    Max1 = max(Max, F),
    case next(Perm, Count, 2, N) of
        done -> {Sum1, Max1};
        {Perm1, Count1, R1} -> loop(Perm1, Count1, R1, N, I + 1, Sum1, Max1)
    end.

%% Count[K] = K for K in 2..R, counting down.
reset(Count, R) when R =< 1 -> Count;
reset(Count, R) -> reset(setelement(R, Count, R), R - 1).

%% The next permutation: rotate the first K elements left by one while the
%% counter of level K runs out.
next(_, _, K, N) when K > N -> done;
next(Perm, Count, K, N) ->
    Perm1 = rotate(Perm, K),
    C = element(K, Count) - 1,
    Count1 = setelement(K, Count, C),
    if
        C > 0 -> {Perm1, Count1, K - 1};
        true -> next(Perm1, Count1, K + 1, N)
    end.

rotate([H | T], K) -> rotate(T, K - 1, H).

rotate(T, 0, H) -> [H | T];
rotate([X | T], K, H) -> [X | rotate(T, K - 1, H)].

flips([1 | _], F) -> F;
flips([H | _] = P, F) -> flips(reverse_prefix(H, P, []), F + 1).

%% The first K elements of L reversed, then the rest.
reverse_prefix(0, L, Acc) -> Acc ++ L;
reverse_prefix(K, [X | L], Acc) -> reverse_prefix(K - 1, L, [X | Acc]).
