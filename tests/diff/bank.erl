%% bank.erl - a bank ledger with records, custom errors raised with
%% throw and error, transactions rolled back on failure, and a report.
-module(bank).
-export([main/0]).

-record(account, {id, owner, balance = 0, history = []}).
-record(bank, {accounts = [], next_id = 1, log = []}).

open(Owner, Deposit, B = #bank{accounts = As, next_id = Id}) when Deposit >= 0 ->
    A = #account{id = Id, owner = Owner, balance = Deposit, history = [{open, Deposit}]},
    {Id, B#bank{accounts = [A | As], next_id = Id + 1, log = [{open, Id} | B#bank.log]}};
open(_, Deposit, _) -> erlang:error({bad_deposit, Deposit}).

find(Id, #bank{accounts = As}) ->
    case lists:keyfind(Id, #account.id, As) of
        false -> throw({no_such_account, Id});
        A -> A
    end.

store(A, B = #bank{accounts = As}) ->
    B#bank{accounts = lists:keystore(A#account.id, #account.id, As, A)}.

deposit(Id, Amt, B) when Amt > 0 ->
    A = find(Id, B),
    store(A#account{balance = A#account.balance + Amt, history = [{deposit, Amt} | A#account.history]}, B);
deposit(_, Amt, _) -> throw({invalid_amount, Amt}).

withdraw(Id, Amt, B) ->
    A = #account{balance = Bal} = find(Id, B),
    if
        Amt =< 0 -> throw({invalid_amount, Amt});
        Amt > Bal -> throw({insufficient_funds, Id, Bal, Amt});
        true -> store(A#account{balance = Bal - Amt, history = [{withdraw, Amt} | A#account.history]}, B)
    end.

transfer(From, To, Amt, B) ->
    B1 = withdraw(From, Amt, B),
    deposit(To, Amt, B1).

apply_op(Op, B) ->
    try run(Op, B) of
        B2 -> {ok, B2#bank{log = [{done, Op} | B2#bank.log]}}
    catch
        throw:Why -> {failed, Why, B#bank{log = [{failed, Op, Why} | B#bank.log]}}
    end.

run({deposit, Id, Amt}, B) -> deposit(Id, Amt, B);
run({withdraw, Id, Amt}, B) -> withdraw(Id, Amt, B);
run({transfer, F, T, Amt}, B) -> transfer(F, T, Amt, B).

report(#bank{accounts = As}) ->
    lists:foreach(fun(#account{id = Id, owner = O, balance = Bal, history = H}) ->
        io:format("~3w ~-8s ~8.2f  ~w ops~n", [Id, O, Bal / 1, length(H)])
    end, lists:keysort(#account.id, As)),
    Total = lists:sum([A#account.balance || A <- As]),
    io:format("total ~.2f~n", [Total / 1]).

main() ->
    B0 = #bank{},
    {Alice, B1} = open("alice", 100, B0),
    {Bob, B2} = open("bob", 50, B1),
    {Carol, B3} = open("carol", 0, B2),
    Ops = [{deposit, Alice, 25}, {withdraw, Bob, 80}, {transfer, Alice, Carol, 60},
           {transfer, Carol, Bob, 100}, {deposit, 99, 10}, {withdraw, Alice, -5},
           {transfer, Bob, Alice, 50}, {deposit, Carol, 0.5}],
    Final = lists:foldl(fun(Op, B) ->
                                case apply_op(Op, B) of
                                    {ok, B2x} -> io:format("ok     ~p~n", [Op]), B2x;
                                    {failed, Why, B2x} -> io:format("failed ~p: ~p~n", [Op, Why]), B2x
                                end
                        end, B3, Ops),
    report(Final),
    io:format("~p~n", [lists:reverse(Final#bank.log)]),
    io:format("~p~n", [(find(Carol, Final))#account.history]),
    Err = try open("dave", -1, Final) catch error:E -> E end,
    io:format("~p~n", [Err]),
    ok.
