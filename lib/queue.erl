%% queue.erl - beamlet's double-ended FIFO queue, written in the Erlang
%% subset that beamlet's compiler accepts.
%%
%% A queue is {Rear, Front}: Front holds the oldest elements in order, Rear
%% the newest ones in reverse order. The shape is Erlang/OTP 25's exactly,
%% including where elements are moved between the two lists after each
%% operation, so a queue built here prints as OTP's does and either side's
%% queues can be handed to the other. Results and error reasons (badarg for
%% a non-queue, empty for an empty one, function_clause for improper lists
%% inside a queue) follow OTP too; tests/lib/queue_test.erl checks that.
-module(queue).

-export([new/0, is_queue/1, is_empty/1, len/1, to_list/1, from_list/1,
         member/2, in/2, in_r/2, out/1, out_r/1, get/1, get_r/1, peek/1,
         peek_r/1, drop/1, drop_r/1, reverse/1, join/2, split/2,
         filter/2, filtermap/2, fold/3, any/2, all/2, delete/2,
         delete_r/2, delete_with/2, delete_with_r/2,
         cons/2, head/1, tail/1, snoc/2, daeh/1, last/1, liat/1, lait/1,
         init/1]).

%% ---------------------------------------------------------------------
%% Balancing: when one list runs out, half of the other is moved over.
%% ---------------------------------------------------------------------

%% A queue whose elements, oldest first, are List: the first half stays
%% at the front, the rest goes to the rear.
front_to_rear(List) ->
    {Keep, Move} = split_at(length(List) div 2, List, []),
    {lists:reverse(Move, []), Keep}.

%% A queue whose elements, newest first, are List.
rear_to_front(List) ->
    {Keep, Move} = split_at(length(List) div 2, List, []),
    {Keep, lists:reverse(Move, [])}.

%% The first N elements of L, and the rest.
split_at(0, L, Acc) -> {lists:reverse(Acc, []), L};
split_at(N, [H | T], Acc) -> split_at(N - 1, T, [H | Acc]).

%% ---------------------------------------------------------------------
%% Basics
%% ---------------------------------------------------------------------

new() -> {[], []}.

is_queue({R, F}) when is_list(R), is_list(F) -> true;
is_queue(_) -> false.

is_empty({[], []}) -> true;
is_empty({R, F}) when is_list(R), is_list(F) -> false;
is_empty(Q) -> erlang:error(badarg, [Q]).

len({R, F}) when is_list(R), is_list(F) -> length(F) + length(R);
len(Q) -> erlang:error(badarg, [Q]).

to_list({R, F}) when is_list(R), is_list(F) -> F ++ lists:reverse(R, []);
to_list(Q) -> erlang:error(badarg, [Q]).

from_list(L) when is_list(L) -> front_to_rear(L);
from_list(L) -> erlang:error(badarg, [L]).

member(X, {R, F}) when is_list(R), is_list(F) ->
    case lists:member(X, R) of
        true -> true;
        false -> lists:member(X, F)
    end;
member(X, Q) -> erlang:error(badarg, [X, Q]).

reverse({R, F}) when is_list(R), is_list(F) -> {F, R};
reverse(Q) -> erlang:error(badarg, [Q]).

%% ---------------------------------------------------------------------
%% Adding and removing at either end
%% ---------------------------------------------------------------------

in(X, {[_] = R, []}) -> {[X], R};
in(X, {R, F}) when is_list(R), is_list(F) -> {[X | R], F};
in(X, Q) -> erlang:error(badarg, [X, Q]).

in_r(X, {[], [_] = F}) -> {F, [X]};
in_r(X, {R, F}) when is_list(R), is_list(F) -> {R, [X | F]};
in_r(X, Q) -> erlang:error(badarg, [X, Q]).

out({[], []} = Q) -> {empty, Q};
out({R, F} = Q) when is_list(R), is_list(F) ->
    {V, Rest} = take_front(Q),
    {{value, V}, Rest};
out(Q) -> erlang:error(badarg, [Q]).

out_r({[], []} = Q) -> {empty, Q};
out_r({R, F} = Q) when is_list(R), is_list(F) ->
    {V, Rest} = take_rear(Q),
    {{value, V}, Rest};
out_r(Q) -> erlang:error(badarg, [Q]).

%% The oldest element of a non-empty queue and the queue without it.
take_front({[V], []}) -> {V, {[], []}};
take_front({[Newest | R], []}) ->
    [V | F] = lists:reverse(R, []),
    {V, {[Newest], F}};
take_front({R, [V]}) -> {V, rear_to_front(R)};
take_front({R, [V | F]}) -> {V, {R, F}}.

%% The newest element of a non-empty queue and the queue without it.
take_rear({[], [V]}) -> {V, {[], []}};
take_rear({[], [Oldest | F]}) ->
    [V | R] = lists:reverse(F, []),
    {V, {R, [Oldest]}};
take_rear({[V], F}) -> {V, front_to_rear(F)};
take_rear({[V | R], F}) -> {V, {R, F}}.

%% get/1 and head/1 share oldest/1: a local call to get/1 would be
%% ambiguous with the erlang:get/1 BIF.
get(Q) -> oldest(Q).

oldest({[], []} = Q) -> erlang:error(empty, [Q]);
oldest({R, F}) when is_list(R), is_list(F) -> first(R, F);
oldest(Q) -> erlang:error(badarg, [Q]).

get_r({[], []} = Q) -> erlang:error(empty, [Q]);
get_r({R, F}) when is_list(R), is_list(F) -> first(F, R);
get_r(Q) -> erlang:error(badarg, [Q]).

peek({[], []}) -> empty;
peek({R, F}) when is_list(R), is_list(F) -> {value, first(R, F)};
peek(Q) -> erlang:error(badarg, [Q]).

peek_r({[], []}) -> empty;
peek_r({R, F}) when is_list(R), is_list(F) -> {value, first(F, R)};
peek_r(Q) -> erlang:error(badarg, [Q]).

%% The element at the Near end of a non-empty queue: the head of Near, or
%% failing that the far end of Far.
first(_, [H | _]) -> H;
first([H], []) -> H;
first([_ | Far], []) -> lists:last(Far).

drop({[], []} = Q) -> erlang:error(empty, [Q]);
drop({R, F} = Q) when is_list(R), is_list(F) -> element(2, take_front(Q));
drop(Q) -> erlang:error(badarg, [Q]).

drop_r({[], []} = Q) -> erlang:error(empty, [Q]);
drop_r({R, F} = Q) when is_list(R), is_list(F) -> element(2, take_rear(Q));
drop_r(Q) -> erlang:error(badarg, [Q]).

%% ---------------------------------------------------------------------
%% Whole-queue operations
%% ---------------------------------------------------------------------

join({R, F} = Q, {[], []}) when is_list(R), is_list(F) -> Q;
join({[], []}, {R, F} = Q) when is_list(R), is_list(F) -> Q;
join({R1, F1}, {R2, F2})
  when is_list(R1), is_list(F1), is_list(R2), is_list(F2) ->
    {R2, F1 ++ lists:reverse(R1, F2)};
join(Q1, Q2) -> erlang:error(badarg, [Q1, Q2]).

split(0, {R, F} = Q) when is_list(R), is_list(F) -> {{[], []}, Q};
split(N, {R, F} = Q) when is_integer(N), N >= 1, is_list(R), is_list(F) ->
    LenF = length(F),
    if N < LenF ->
            [X | F1] = F,
            {Moved, Rest} = split_at(N - 1, F1, []),
            {{lists:reverse(Moved, []), [X]}, {R, Rest}};
       N =:= LenF ->
            {front_to_rear(F), rear_to_front(R)};
       true ->
            split_rear(N, Q, length(R) - (N - LenF))
    end;
split(N, Q) -> erlang:error(badarg, [N, Q]).

%% Splitting inside the rear list, whose newest Keep elements form the
%% second queue.
split_rear(N, Q, Keep) when Keep < 0 -> erlang:error(badarg, [N, Q]);
split_rear(_, Q, 0) -> {Q, {[], []}};
split_rear(_, {[X | R], F}, Keep) ->
    {Moved, Rest} = split_at(Keep - 1, R, []),
    {{Rest, F}, {[X], lists:reverse(Moved, [])}}.

%% Fun(X) returns true (keep X), false (drop it) or a list (put its
%% elements there instead). Called in queue order, oldest first.
filter(Fun, {R, F}) when is_function(Fun, 1), is_list(R), is_list(F) ->
    F1 = filter_front(Fun, F),
    rebalance(filter_rear(Fun, R), F1);
filter(Fun, Q) -> erlang:error(badarg, [Fun, Q]).

filter_front(Fun, [X | F]) ->
    case Fun(X) of
        true -> [X | filter_front(Fun, F)];
        false -> filter_front(Fun, F);
        L when is_list(L) -> L ++ filter_front(Fun, F)
    end;
filter_front(_, []) -> [].

filter_rear(Fun, [X | R]) ->
    Rest = filter_rear(Fun, R),
    case Fun(X) of
        true -> [X | Rest];
        false -> Rest;
        L when is_list(L) -> lists:reverse(L, Rest)
    end;
filter_rear(_, []) -> [].

%% A queue from filtered lists: a side left empty gets half of the other.
rebalance([], F) -> front_to_rear(F);
rebalance(R, []) -> rear_to_front(R);
rebalance(R, F) -> {R, F}.

%% Fun(X) returns true (keep X), false (drop it) or {true, Y} (Y instead).
filtermap(Fun, {R, F}) when is_function(Fun, 1), is_list(R), is_list(F) ->
    F1 = filtermap_front(Fun, F),
    rebalance(filtermap_rear(Fun, R), F1);
filtermap(Fun, Q) -> erlang:error(badarg, [Fun, Q]).

filtermap_front(Fun, [X | F]) ->
    case Fun(X) of
        true -> [X | filtermap_front(Fun, F)];
        false -> filtermap_front(Fun, F);
        {true, Y} -> [Y | filtermap_front(Fun, F)]
    end;
filtermap_front(_, []) -> [].

filtermap_rear(Fun, [X | R]) ->
    Rest = filtermap_rear(Fun, R),
    case Fun(X) of
        true -> [X | Rest];
        false -> Rest;
        {true, Y} -> [Y | Rest]
    end;
filtermap_rear(_, []) -> [].

fold(Fun, Acc, {R, F}) when is_function(Fun, 2), is_list(R), is_list(F) ->
    lists:foldr(Fun, lists:foldl(Fun, Acc, F), R);
fold(Fun, Acc, Q) -> erlang:error(badarg, [Fun, Acc, Q]).

any(Pred, {R, F}) when is_function(Pred, 1), is_list(R), is_list(F) ->
    case lists:any(Pred, F) of
        true -> true;
        false -> lists:any(Pred, R)
    end;
any(Pred, Q) -> erlang:error(badarg, [Pred, Q]).

all(Pred, {R, F}) when is_function(Pred, 1), is_list(R), is_list(F) ->
    case lists:all(Pred, F) of
        true -> lists:all(Pred, R);
        false -> false
    end;
all(Pred, Q) -> erlang:error(badarg, [Pred, Q]).

%% ---------------------------------------------------------------------
%% Deleting one element
%% ---------------------------------------------------------------------

%% The first (oldest) element equal to X, or matching Pred, goes.
delete(X, {R, F}) when is_list(R), is_list(F) ->
    delete_front(fun(Y) -> Y =:= X end, R, F);
delete(X, Q) -> erlang:error(badarg, [X, Q]).

delete_with(Pred, {R, F}) when is_function(Pred, 1), is_list(R), is_list(F) ->
    delete_front(Pred, R, F);
delete_with(Pred, Q) -> erlang:error(badarg, [Pred, Q]).

%% The last (newest) one goes.
delete_r(X, {R, F}) when is_list(R), is_list(F) ->
    delete_rear(fun(Y) -> Y =:= X end, R, F);
delete_r(X, Q) -> erlang:error(badarg, [X, Q]).

delete_with_r(Pred, {R, F}) when is_function(Pred, 1), is_list(R), is_list(F) ->
    delete_rear(Pred, R, F);
delete_with_r(Pred, Q) -> erlang:error(badarg, [Pred, Q]).

delete_front(Pred, R, F) ->
    case del_first(Pred, F) of
        {ok, []} -> rear_to_front(R);
        {ok, F1} -> {R, F1};
        none ->
            case del_last(Pred, R) of
                {ok, []} -> front_to_rear(F);
                {ok, R1} -> {R1, F};
                none -> {R, F}
            end
    end.

delete_rear(Pred, R, F) ->
    case del_first(Pred, R) of
        {ok, []} -> front_to_rear(F);
        {ok, R1} -> {R1, F};
        none ->
            case del_last(Pred, F) of
                {ok, []} -> rear_to_front(R);
                {ok, F1} -> {R, F1};
                none -> {R, F}
            end
    end.

%% {ok, L without its first element matching Pred}, or none.
del_first(Pred, [H | T]) ->
    case Pred(H) of
        true -> {ok, T};
        false ->
            case del_first(Pred, T) of
                {ok, T1} -> {ok, [H | T1]};
                none -> none
            end
    end;
del_first(_, []) -> none.

%% {ok, L without its last element matching Pred}, or none. Pred sees the
%% elements from the far end back.
del_last(Pred, [H | T]) ->
    case del_last(Pred, T) of
        {ok, T1} -> {ok, [H | T1]};
        none ->
            case Pred(H) of
                true -> {ok, T};
                false -> none
            end
    end;
del_last(_, []) -> none.

%% ---------------------------------------------------------------------
%% The "Okasaki API": other names for the functions above
%% ---------------------------------------------------------------------

cons(X, Q) -> in_r(X, Q).
snoc(Q, X) -> in(X, Q).
head(Q) -> oldest(Q).
tail(Q) -> drop(Q).
daeh(Q) -> get_r(Q).
last(Q) -> get_r(Q).
liat(Q) -> drop_r(Q).
lait(Q) -> drop_r(Q).
init(Q) -> drop_r(Q).
