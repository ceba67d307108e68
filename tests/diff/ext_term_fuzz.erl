-module(ext_term_fuzz).
-export([main/0]).
%% binary_to_term on 200,000 pseudo-random encodings (a valid tag, then
%% random bytes) and on every truncation of a valid one: the same terms
%% decode and the same inputs fail as on OTP 25, and nothing crashes.
rnd(S) -> (S * 1103515245 + 12345) rem 2147483648.
bytes(0, S, Acc) -> {Acc, S};
bytes(N, S, Acc) -> S2 = rnd(S), bytes(N - 1, S2, [S2 rem 256 | Acc]).
pick(S) -> element(S rem 12 + 1, {97, 98, 100, 104, 105, 106, 107, 108, 109, 110, 113, 119}).
loop(0, _, Ok, Bad, H) -> {Ok, Bad, H};
loop(N, S, Ok, Bad, H) ->
    {Bs, S2} = bytes(S rem 20, rnd(S), []),
    Bin = list_to_binary([131, pick(S2) | Bs]),
    case catch binary_to_term(Bin) of
        {'EXIT', _} -> loop(N - 1, rnd(S2), Ok, Bad + 1, H);
        T ->
            H2 = (H * 31 + erlang:phash2(term_to_binary(T), 1 bsl 32) + erlang:phash2(T)) rem (1 bsl 32),
            loop(N - 1, rnd(S2), Ok + 1, Bad, H2)
    end.
main() ->
    io:format("~p~n", [loop(200000, 42, 0, 0, 0)]),
    %% truncations of valid encodings
    B = term_to_binary({a, [1, 2.5, <<"xyz">>, "str", 1 bsl 80], {}, fun lists:map/2, 'héllo'}),
    R = [catch binary_to_term(binary_part(B, 0, K)) || K <- lists:seq(0, byte_size(B))],
    io:format("~p~n", [length([x || {'EXIT', _} <- R])]).
