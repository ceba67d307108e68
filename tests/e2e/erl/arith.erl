-module(arith).
-export([main/0]).

show(X) -> io:format("~p~n", [X]).
id(X) -> X.

fact(0) -> 1;
fact(N) -> N * fact(N - 1).

main() ->
    A = id(1152921504606846975), %% 2^60 - 1, the edge of the small range
    show(A + 1),
    show(A * A),
    show(-A - 2),
    show((A + 1) - 1),
    show(fact(30) div fact(28)),
    show(fact(40) rem 1000000007),
    show(id(7) div id(-2)),
    show(id(-7) rem id(2)),
    show(fdiv(7, 2)),
    show(id(1) bsl 100),
    show((id(1) bsl 100) bsr 98),
    show(id(-1) bsl 70),
    show(id(-12345678901234567890) bsr 3),
    show(id(16#FF00) band id(16#0FF0)),
    show(id(16#FF00) bor id(16#0FF0)),
    show(id(16#FF00) bxor id(16#0FF0)),
    show(bnot id(5)),
    show(bnot id(-(1 bsl 80))),
    show(id(0.1) + id(0.2)),
    show(id(1.0e300) * id(10)),
    show(id(2) * id(0.5)),
    show(id(3) - id(0.5)),
    show(-id(0.0)),
    show(id(1) == id(1.0)),
    show(id(1) =:= id(1.0)),
    show(id(1) < id(a)),
    show(id(fact(25)) > id(1.0e25)),
    show(c(fun() -> fdiv(1, 0) end)),
    show(c(fun() -> id(1) div id(0) end)),
    show(c(fun() -> id(a) + 1 end)),
    show(c(fun() -> id(1.0e308) * id(10) end)),
    show([id(1.0), id(0.1), id(100.0), id(1.0e15), id(1.0e16), id(123.456), id(-0.001), id(1.0e-10)]),
    ok.

%% an exception as {Class, Reason}: stack traces differ between VMs
c(F) ->
    try F() catch C:R -> {C, R} end.

%% through apply, so that erlc does not turn / into float-register code
fdiv(A, B) -> erlang:apply(id(erlang), id('/'), [A, B]).
