%% eval_order.erl - the order in which side effects happen, as erlc
%% compiles it: elements, arguments and operands left to right, a record
%% creation in the order of the record's fields, a record update's new
%% values in the order written and then the record, the fun (or module and
%% function) of a call before its arguments.
-module(eval_order).
-export([main/0]).

-record(r, {a, b, c}).

p(X) -> io:format("~p ", [X]), X.

%% p/1 for values whose text differs between runs
q(Name, X) -> io:format("~p ", [Name]), X.

main() ->
    _ = {p(1), p(2), p(3)}, io:nl(),
    _ = [p(1), p(2) | p(3)], io:nl(),
    _ = p(1) + p(2), io:nl(),
    _ = lists:append(p([1]), p([2])), io:nl(),
    _ = #r{c = p(3), a = p(1), b = p(2)}, io:nl(),
    R = #r{a = 0, b = 0, c = 0},
    _ = R#r{c = p(3), a = p(1)}, io:nl(),
    _ = (p(R))#r{b = p(2)}, io:nl(),
    _ = <<(p(1)), (p(2))>>, io:nl(),
    _ = [p(X) || X <- p([1, 2]), p(X) > 0], io:nl(),
    _ = (q(fn, fun(A, B) -> A + B end))(p(1), p(2)), io:nl(),
    _ = (p(lists)):(p(reverse))(p([1])), io:nl(),
    _ = (p(lists)):reverse(p([1])), io:nl(),
    _ = lists:(p(reverse))(p([1])), io:nl(),
    _ = apply(p(lists), p(reverse), [p([1])]), io:nl(),
    _ = p(true) andalso p(true), io:nl(),
    _ = p(false) orelse p(true), io:nl(),
    _ = (catch p(1)) + p(2), io:nl(),
    _ = q(pid, self()) ! p(msg), io:nl(),
    _ = p([1]) ++ p([2]), io:nl(),
    _ = p(1) < p(2), io:nl(),
    _ = {p(a), {p(b), p(c)}, [p(d)]}, io:nl(),
    _ = case {p(1), p(2)} of {A1, B1} -> p(A1 + B1) end, io:nl(),
    _ = p(p(1) + p(2)) * p(3), io:nl(),
    _ = element(p(1), p({x})), io:nl(),
    _ = -p(1), io:nl(),
    _ = [{p(X), p(Y)} || X <- [1, 2], Y <- [p(X)]], io:nl(),
    receive msg -> ok end,
    ok.
