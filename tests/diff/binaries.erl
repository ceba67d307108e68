%% binaries.erl - binaries with literal segments: construction, matching
%% whole literals, printing, byte_size, conversions to and from lists.
-module(binaries).
-export([main/0]).

main() ->
    B1 = <<"hello">>,
    B2 = <<1, 2, 3, 255>>,
    B3 = <<>>,
    B4 = <<"abc", 0, "def">>,
    B5 = <<$x, $y, "z">>,
    io:format("~p ~p ~p ~p ~p~n", [B1, B2, B3, B4, B5]),
    io:format("~w ~w~n", [B1, B2]),
    io:format("~s|~s~n", [B1, B5]),
    io:format("~p~n", [[byte_size(B) || B <- [B1, B2, B3, B4, B5]]]),
    io:format("~p~n", [[is_binary(B) || B <- [B1, "hello", B3]]]),
    io:format("~p~n", [binary_to_list(B4)]),
    io:format("~p~n", [list_to_binary([B1, " ", <<"world">>])]),
    io:format("~p~n", [iolist_to_binary([B2, [4, 5], <<6>>])]),
    io:format("~p~n", [B1 =:= <<"hello">>]),
    io:format("~p~n", [B1 < <<"help">>]),
    io:format("~p~n", [lists:sort([<<"b">>, <<"a">>, <<"ab">>, <<>>, <<0>>])]),
    io:format("~p~n", [<<"long binary text that will be printed by the pretty printer on more than one line, surely">>]),
    io:format("~p~n", [{B1, [B2, B3]}]),
    io:format("~p~n", [[kind(B) || B <- [<<"GET">>, <<"POST">>, <<1, 2>>, <<>>, <<"other">>]]]),
    io:format("~p~n", [atom_to_binary(binaries, utf8)]),
    io:format("~p~n", [binary_to_atom(<<"dynamic_atom">>, utf8)]),
    io:format("~p~n", [list_to_binary(lists:seq(0, 20))]),
    io:format("~p~n", [<<"caf", 233>>]),
    io:format("~p~n", [list_to_binary(lists:duplicate(100, $z))]),
    io:format("~p~n", [erlang:list_to_binary(lists:seq(200, 220))]),
    io:format("~W~n", [list_to_binary(lists:seq(1, 50)), 5]),
    io:format("~P~n", [list_to_binary(lists:seq(1, 50)), 5]),
    ok.

kind(<<"GET">>) -> get;
kind(<<"POST">>) -> post;
kind(<<1, 2>>) -> bytes;
kind(<<>>) -> empty;
kind(_) -> other.
