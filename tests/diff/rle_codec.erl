%% rle_codec.erl - run-length encoding, base64 encoding/decoding written
%% with integer arithmetic, a Caesar cipher and a checksum.
-module(rle_codec).
-export([main/0]).

rle([]) -> [];
rle([H | T]) -> rle(T, H, 1, []).
rle([H | T], H, N, Acc) -> rle(T, H, N + 1, Acc);
rle([H | T], C, N, Acc) -> rle(T, H, 1, [{C, N} | Acc]);
rle([], C, N, Acc) -> lists:reverse([{C, N} | Acc]).

unrle(Runs) -> lists:append([lists:duplicate(N, C) || {C, N} <- Runs]).

rle_string(S) -> lists:append([integer_to_list(N) ++ [C] || {C, N} <- rle(S)]).

-define(ALPHABET, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/").

b64(Bytes) -> b64(Bytes, []).
b64([A, B, C | T], Acc) ->
    N = (A bsl 16) bor (B bsl 8) bor C,
    b64(T, lists:reverse([ch(N bsr 18), ch(N bsr 12), ch(N bsr 6), ch(N)], Acc));
b64([A, B], Acc) ->
    N = (A bsl 16) bor (B bsl 8),
    lists:reverse(Acc, [ch(N bsr 18), ch(N bsr 12), ch(N bsr 6), $=]);
b64([A], Acc) ->
    N = A bsl 16,
    lists:reverse(Acc, [ch(N bsr 18), ch(N bsr 12), $=, $=]);
b64([], Acc) -> lists:reverse(Acc).

ch(N) -> lists:nth((N band 63) + 1, ?ALPHABET).

val(C) -> string:chr(?ALPHABET, C) - 1.

unb64(S) -> unb64([C || C <- S, C =/= $=], []).
unb64([A, B, C, D | T], Acc) ->
    N = (val(A) bsl 18) bor (val(B) bsl 12) bor (val(C) bsl 6) bor val(D),
    unb64(T, [N band 255, (N bsr 8) band 255, N bsr 16 | Acc]);
unb64([A, B, C], Acc) ->
    N = (val(A) bsl 18) bor (val(B) bsl 12) bor (val(C) bsl 6),
    lists:reverse(Acc, [N bsr 16, (N bsr 8) band 255]);
unb64([A, B], Acc) ->
    N = (val(A) bsl 18) bor (val(B) bsl 12),
    lists:reverse(Acc, [N bsr 16]);
unb64([], Acc) -> lists:reverse(Acc).

caesar(S, K) -> [shift(C, K) || C <- S].
shift(C, K) when C >= $a, C =< $z -> $a + (C - $a + K + 26) rem 26;
shift(C, K) when C >= $A, C =< $Z -> $A + (C - $A + K + 26) rem 26;
shift(C, _) -> C.

adler32(S) -> adler32(S, 1, 0).
adler32([], A, B) -> (B bsl 16) bor A;
adler32([C | T], A, B) -> A2 = (A + C) rem 65521, adler32(T, A2, (B + A2) rem 65521).

main() ->
    S = "WWWWWWWWWWWWBWWWWWWWWWWWWBBBWWWWWWWWWWWWWWWWWWWWWWWWBWWWWWWWWWWWWWW",
    R = rle(S),
    io:format("~p~n~s~n~p~n", [R, rle_string(S), unrle(R) =:= S]),
    io:format("~p~n", [rle("aabcccd")]),
    lists:foreach(fun(T) ->
        E = b64(T),
        io:format("~-22s ~-30s ~p~n", [io_lib:format("~p", [T]), E, unb64(E) =:= T])
    end, ["", "f", "fo", "foo", "foob", "fooba", "foobar", "Hello, World!", [0, 255, 128, 7]]),
    Msg = "The Quick Brown Fox Jumps Over The Lazy Dog.",
    Enc = caesar(Msg, 13),
    io:format("~s~n~s~n", [Enc, caesar(Enc, -13)]),
    io:format("~.16B ~.16B~n", [adler32("Wikipedia"), adler32(Msg)]),
    ok.
