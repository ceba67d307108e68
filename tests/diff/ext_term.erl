-module(ext_term).
-export([main/0, id/1]).

%% term_to_binary/1,2, binary_to_term/1,2 and external_size/1: the bytes
%% OTP 25 writes (compared whole), round trips, and bad input. Pids,
%% references and closures are only encoded (their bytes hold values that
%% differ between the systems): their tag and that encoding succeeds.

id(X) -> X.

terms() ->
    [a, 'héllo', 'a€', '', 'with space', 1, 0, 255, 256, -1, 300, (1 bsl 31) - 1, 1 bsl 31, -(1 bsl 31),
     -(1 bsl 31) - 1, 1 bsl 40, -(1 bsl 40), 1 bsl 70, 1 bsl 2100, -(1 bsl 2100), 1.5, -0.0, 0.0, 1.0e300,
     -2.5e-300, [], "abc", [1, a], {a, b}, {}, <<"xy">>, <<>>, fun lists:map/2, [a | b], [256, 1],
     "ab" ++ [a], "ab" ++ <<"c">>, lists:seq(1, 300), lists:duplicate(70000, $x), list_to_tuple(lists:seq(1, 300)),
     {[{k, <<"v">>}], "nested", {{{{deep}}}}}, list_to_binary(lists:seq(0, 255)), [[[[]]]], [{}, [{}]]].

try_(F) ->
    try F() of
        V -> {ok, V}
    catch
        C:R:St ->
            [{M, Fn, A, _} | _] = St,
            {C, R, M, Fn, A}
    end.

main() ->
    [begin
         B = term_to_binary(T),
         Small = byte_size(B) =< 40,
         io:format("~w ~w ~w ~w~n", [if Small -> B; true -> erlang:md5(B) end, byte_size(B),
                                      binary_to_term(B) =:= T, erlang:external_size(T)])
     end || T <- terms()],
    [io:format("~w~n", [try_(fun() -> binary_to_term(id(X)) end)])
     || X <- [<<>>, <<131>>, <<131, 97>>, <<1, 97, 1>>, <<131, 97, 1, 0>>, <<131, 119, 2, 255, 255>>, a,
              <<131, 104, 3, 97, 1>>, <<131, 108, 0, 0, 0, 1, 97, 1, 106, 7, 7>>, <<131, 200>>]],
    io:format("~w~n", [binary_to_term(<<131, 100, 0, 5, 104, 233, 108, 108, 111>>)]),
    io:format("~w~n", [binary_to_term(<<131, 115, 2, 104, 233>>)]),
    io:format("~w~n", [binary_to_term(<<131, 118, 0, 3, 226, 130, 172>>)]),
    io:format("~w~n", [binary_to_term(term_to_binary({a, 1}), [used])]),
    io:format("~w~n", [binary_to_term(<<131, 97, 1, 2, 3>>, [used])]),
    io:format("~w~n", [binary_to_term(term_to_binary({a, 1}), [safe])]),
    io:format("~w~n", [try_(fun() -> binary_to_term(term_to_binary(a), id([unsafe])) end)]),
    io:format("~w~n", [binary_to_term(term_to_binary({a, 1}, [compressed]))]),
    io:format("~w~n", [[byte_size(term_to_binary(x, O)) || O <- [[], [deterministic], [{minor_version, 1}]]]]),
    io:format("~w~n", [try_(fun() -> term_to_binary({a, 1}, id([bad])) end)]),
    io:format("~w~n", [try_(fun() -> term_to_binary({a, 1}, id(bad)) end)]),
    Y = id(3),
    F = fun(X) -> X + Y end,
    [io:format("~w~n", [hd(binary_to_list(B, 2, 2))]) || B <- [term_to_binary(self()), term_to_binary(make_ref()), term_to_binary(F)]],
    FB = term_to_binary(F),
    [S1, S2, S3, S4] = binary_to_list(FB, 3, 6),
    io:format("~w~n", [((S1 * 256 + S2) * 256 + S3) * 256 + S4 =:= byte_size(FB) - 2]),
    ok.
