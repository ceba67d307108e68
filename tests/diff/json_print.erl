%% json_print.erl - a JSON encoder (with pretty printing and escapes) over
%% an Erlang term representation, and a decoder back from the text.
-module(json_print).
-export([main/0]).

%% Representation: {obj, [{Key, Value}]}, {arr, [V]}, {str, "s"}, numbers,
%% true, false, null.

encode(V) -> lists:flatten(enc(V)).

enc({obj, []}) -> "{}";
enc({obj, Pairs}) -> ["{", join([[enc_str(K), ":", enc(V)] || {K, V} <- Pairs], ","), "}"];
enc({arr, Items}) -> ["[", join([enc(I) || I <- Items], ","), "]"];
enc({str, S}) -> enc_str(S);
enc(N) when is_integer(N) -> integer_to_list(N);
enc(F) when is_float(F) -> io_lib:format("~w", [F]);
enc(true) -> "true";
enc(false) -> "false";
enc(null) -> "null".

enc_str(S) -> [$", [esc(C) || C <- S], $"].

esc($") -> "\\\"";
esc($\\) -> "\\\\";
esc($\n) -> "\\n";
esc($\t) -> "\\t";
esc(C) when C < 32 -> io_lib:format("\\u~4.16.0B", [C]);
esc(C) -> C.

join([], _) -> [];
join([H], _) -> [H];
join([H | T], Sep) -> [H, Sep | join(T, Sep)].

%% pretty: two-space indentation
pretty(V) -> lists:flatten(pp(V, 0)).

pp({obj, []}, _) -> "{}";
pp({obj, Pairs}, I) ->
    ["{\n", join([[ind(I + 1), enc_str(K), ": ", pp(V, I + 1)] || {K, V} <- Pairs], ",\n"),
     "\n", ind(I), "}"];
pp({arr, []}, _) -> "[]";
pp({arr, Items}, I) ->
    case lists:all(fun is_scalar/1, Items) of
        true -> enc({arr, Items});
        false -> ["[\n", join([[ind(I + 1), pp(X, I + 1)] || X <- Items], ",\n"), "\n", ind(I), "]"]
    end;
pp(V, _) -> enc(V).

is_scalar({obj, _}) -> false;
is_scalar({arr, _}) -> false;
is_scalar(_) -> true.

ind(N) -> lists:duplicate(2 * N, $\s).

%% decoder
decode(S) ->
    {V, Rest} = value(ws(S)),
    [] = ws(Rest),
    V.

ws([C | T]) when C =:= $\s; C =:= $\n; C =:= $\t; C =:= $\r -> ws(T);
ws(S) -> S.

value([${ | T]) -> object(ws(T), []);
value([$[ | T]) -> array(ws(T), []);
value([$" | T]) -> {S, R} = str(T, []), {{str, S}, R};
value("true" ++ T) -> {true, T};
value("false" ++ T) -> {false, T};
value("null" ++ T) -> {null, T};
value(S) -> num(S).

object([$} | T], []) -> {{obj, []}, T};
object([$" | T], Acc) ->
    {K, R1} = str(T, []),
    [$: | R2] = ws(R1),
    {V, R3} = value(ws(R2)),
    case ws(R3) of
        [$, | R4] -> object(ws(R4), [{K, V} | Acc]);
        [$} | R4] -> {{obj, lists:reverse([{K, V} | Acc])}, R4}
    end.

array([$] | T], []) -> {{arr, []}, T};
array(S, Acc) ->
    {V, R1} = value(S),
    case ws(R1) of
        [$, | R2] -> array(ws(R2), [V | Acc]);
        [$] | R2] -> {{arr, lists:reverse([V | Acc])}, R2}
    end.

str([$" | T], Acc) -> {lists:reverse(Acc), T};
str([$\\, $n | T], Acc) -> str(T, [$\n | Acc]);
str([$\\, $t | T], Acc) -> str(T, [$\t | Acc]);
str([$\\, $u, A, B, C, D | T], Acc) -> str(T, [list_to_integer([A, B, C, D], 16) | Acc]);
str([$\\, C | T], Acc) -> str(T, [C | Acc]);
str([C | T], Acc) -> str(T, [C | Acc]).

num(S) ->
    {NumS, Rest} = lists:splitwith(fun(C) -> lists:member(C, "0123456789+-.eE") end, S),
    case lists:member($., NumS) orelse lists:member($e, NumS) of
        true -> {list_to_float(NumS), Rest};
        false -> {list_to_integer(NumS), Rest}
    end.

main() ->
    Doc = {obj, [{"name", {str, "beamlet"}},
                 {"version", 3},
                 {"ratio", 0.75},
                 {"tags", {arr, [{str, "vm"}, {str, "erlang"}, {str, "c"}]}},
                 {"nested", {obj, [{"empty_obj", {obj, []}}, {"empty_arr", {arr, []}},
                                   {"flags", {arr, [true, false, null]}}]}},
                 {"escapes", {str, "quote\" backslash\\ newline\n tab\t bell\7"}},
                 {"matrix", {arr, [{arr, [1, 2]}, {arr, [3, 4]}]}},
                 {"big", 123456789012345678901234567890},
                 {"neg", -1.5e-7}]},
    E = encode(Doc),
    io:format("~s~n", [E]),
    io:format("~s~n", [pretty(Doc)]),
    D = decode(E),
    io:format("round trip: ~p~n", [D =:= Doc]),
    io:format("~p~n", [decode("  [1, 2.5, \"x\", {\"a\": [true, null]}, -3, 1.0e3]  ")]),
    io:format("~p~n", [decode("{\"k\": \"\\u0041\\u00e9\"}")]),
    ok.
