-module(bifs).
-export([main/0]).

show(X) -> io:format("~p~n", [X]).

id(X) -> X.

main() ->
    T = id({a, b, c}),
    show(element(2, T)),
    show(setelement(3, T, z)),
    show(tuple_size(T)),
    show(tuple_to_list(T)),
    show(list_to_tuple([1, 2, 3])),
    show(erlang:make_tuple(3, x)),
    show(length(id([1, 2, 3, 4]))),
    show(hd(id([h | t]))),
    show(tl(id([h | t]))),
    show(atom_to_list(id('hello world'))),
    show(list_to_atom(id("abc"))),
    show(integer_to_list(id(-12345))),
    show(integer_to_list(id(255), 16)),
    show(list_to_integer(id("-987"))),
    show(list_to_integer(id("ff"), 16)),
    show(float(id(3))),
    show(round(id(2.5))),
    show(round(id(-2.5))),
    show(trunc(id(-3.7))),
    show(abs(id(-5))),
    show(abs(id(-5.5))),
    show(min(id(3), id(2.0))),
    show(max(id(a), id(1))),
    show(id([1, 2]) ++ id([3])),
    show(id([1, 2, 3, 2, 1]) -- id([2, 1])),
    show(byte_size(id(<<1, 2, 3>>))),
    show(binary_to_list(id(<<"abc">>))),
    show(list_to_binary(id([<<"ab">>, $c, [$d]]))),
    show(iolist_to_binary(id(["x", <<"y">>]))),
    show(atom_to_binary(id(ok), utf8)),
    show(binary_to_atom(id(<<"bin">>), utf8)),
    show(size(id({1, 2}))),
    show(float_to_list(id(1.5))),
    show(list_to_float(id("2.5e3"))),
    show([is_atom(id(a)), is_integer(id(1)), is_float(id(1.0)), is_number(id(x)),
          is_list(id([])), is_tuple(id({})), is_binary(id(<<>>)), is_boolean(id(true)),
          is_function(id(fun show/1)), is_function(id(fun show/1), 1)]),
    show(c(fun() -> element(5, id({a})) end)),
    show(c(fun() -> list_to_integer(id("12x")) end)),
    show(c(fun() -> hd(id([])) end)),
    show(c(fun() -> atom_to_list(id(1)) end)),
    show(erlang:apply(erlang, element, [1, {first}])),
    show(erlang:apply(fun(A, B) -> {A, B} end, [1, 2])),
    ok.

%% an exception as {Class, Reason}: stack traces differ between VMs
c(F) ->
    try F() catch C:R -> {C, R} end.
