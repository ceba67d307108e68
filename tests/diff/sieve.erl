%% sieve.erl - prime numbers: the sieve of Eratosthenes on a tuple, trial
%% division, an incremental "lazy" sieve, prime factorisation, twin primes
%% and Goldbach partitions.
-module(sieve).
-export([main/0]).

sieve(N) ->
    T = erlang:make_tuple(N, true),
    T2 = setelement(1, T, false),
    mark(2, N, T2).

mark(P, N, T) when P * P > N -> [I || I <- lists:seq(2, N), element(I, T)];
mark(P, N, T) ->
    case element(P, T) of
        true -> mark(P + 1, N, cross(P * P, P, N, T));
        false -> mark(P + 1, N, T)
    end.

cross(I, _, N, T) when I > N -> T;
cross(I, P, N, T) -> cross(I + P, P, N, setelement(I, T, false)).

is_prime(N) when N < 2 -> false;
is_prime(2) -> true;
is_prime(N) when N rem 2 =:= 0 -> false;
is_prime(N) -> trial(N, 3).
trial(N, D) when D * D > N -> true;
trial(N, D) when N rem D =:= 0 -> false;
trial(N, D) -> trial(N, D + 2).

factor(N) -> factor(N, 2, []).
factor(1, _, Acc) -> lists:reverse(Acc);
factor(N, D, Acc) when D * D > N -> lists:reverse([N | Acc]);
factor(N, D, Acc) when N rem D =:= 0 -> factor(N div D, D, [D | Acc]);
factor(N, D, Acc) -> factor(N, D + 1, Acc).

group([]) -> [];
group([H | T]) -> {Same, Rest} = lists:splitwith(fun(X) -> X =:= H end, T), [{H, 1 + length(Same)} | group(Rest)].

%% lazy stream of primes: {Prime, Continuation}
primes() -> next_prime(2, []).
next_prime(N, Known) ->
    case lists:any(fun(P) -> N rem P =:= 0 end, Known) of
        true -> next_prime(N + 1, Known);
        false -> {N, fun() -> next_prime(N + 1, Known ++ [N]) end}
    end.
take(0, _) -> [];
take(K, {P, Next}) -> [P | take(K - 1, Next())].

main() ->
    Ps = sieve(1000),
    io:format("~w primes below 1000, last ~w~n", [length(Ps), lists:last(Ps)]),
    io:format("~w~n", [lists:sublist(Ps, 25)]),
    io:format("~p~n", [Ps =:= [X || X <- lists:seq(1, 1000), is_prime(X)]]),
    io:format("~w~n", [take(20, primes())]),
    lists:foreach(fun(N) -> io:format("~w = ~w ~w~n", [N, factor(N), group(factor(N))]) end,
                  [360, 97, 1001, 65536, 999999, 600851475143, 2147483647]),
    Twins = [{P, P + 2} || P <- Ps, P + 2 =< 1000, is_prime(P + 2)],
    io:format("~w twin pairs, first ~w~n", [length(Twins), lists:sublist(Twins, 6)]),
    Goldbach = [{E, hd([{P, E - P} || P <- Ps, is_prime(E - P)])} || E <- lists:seq(4, 40, 2)],
    io:format("~w~n", [Goldbach]),
    Big = sieve(5000),
    io:format("~w primes below 5000, sum ~w~n", [length(Big), lists:sum(Big)]),
    ok.
