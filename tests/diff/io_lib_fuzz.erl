%% io_lib_fuzz.erl - pseudo-random io_lib:format calls (deterministic LCG):
%% random terms under random control sequences with widths, precisions,
%% pad characters and modifiers; prints ~w of each result (its exact deep
%% structure) or the error, so text and nesting are both compared.
-module(io_lib_fuzz).
-export([main/0]).

next(S) -> (S * 1103515245 + 12345) band 16#7FFFFFFF.

pick(L, S) -> S2 = next(S), {lists:nth(S2 rem length(L) + 1, L), S2}.

term(0, S) -> leaf(S);
term(D, S) ->
    S1 = next(S),
    case S1 rem 6 of
        0 -> {N, S2} = pick([0, 1, 2, 3, 5], S1), list(N, D - 1, S2, []);
        1 -> {N, S2} = pick([0, 1, 2, 3, 4], S1), {L, S3} = list(N, D - 1, S2, []), {list_to_tuple(L), S3};
        2 -> {N, S2} = pick([1, 3, 12, 30], S1), str(N, S2, []);
        _ -> leaf(S1)
    end.

list(0, _, S, Acc) -> {Acc, S};
list(N, D, S, Acc) -> {T, S2} = term(D, S), list(N - 1, D, S2, [T | Acc]).

str(0, S, Acc) -> {Acc, S};
str(N, S, Acc) -> S2 = next(S), str(N - 1, S2, [$a + S2 rem 26 | Acc]).

leaf(S) ->
    pick([0, 7, -42, 123456789, 1 bsl 70, 1.5, -0.25, 3.0e10, atom, 'Quoted A', [], {}, <<>>,
          <<"bin">>, <<1, 2, 250>>, "str", "tab\there", [1000, 2000], [a | b], true], S).

spec(S) ->
    {W, S1} = pick(["", "", "3", "10", "-8", "*"], S),
    {P, S2} = pick(["", "", ".2", ".5", ".*"], S1),
    {Pad, S3} = pick(["", "", ".x", ".0"], S2),
    {Mod, S4} = pick(["", "", "", "t", "l"], S3),
    {C, S5} = pick("wpsWPcfegbBx#+", S4),
    Pad2 = case {P, Pad} of {"", [_ | _]} -> "." ++ Pad; _ -> Pad end,
    {"~" ++ W ++ P ++ Pad2 ++ Mod ++ [C], C, W, P, S5}.

args(C, W, P, S) ->
    Star = [12 || W =:= "*"] ++ [4 || P =:= ".*"],
    {Arg, S2} = case C of
                    _ when C =:= $f; C =:= $e; C =:= $g -> pick([1.5, -0.001, 12345.678, 0.0], S);
                    $c -> pick([0, 97, 255, 8364], S);
                    _ when C =:= $b; C =:= $B; C =:= $x; C =:= $#; C =:= $+ -> pick([0, 97, -255, 1 bsl 65], S);
                    $s -> pick(["abc", abc, <<"bin">>, [$a, "bc", <<"d">>], "", "a longer string here"], S);
                    _ -> term(3, S)
                end,
    Extra = case C of
                $x -> ["0x"];
                _ when C =:= $W; C =:= $P -> [3];
                _ -> []
            end,
    {Star ++ [Arg | Extra], S2}.

one(I, S) ->
    {Pre, S1} = pick(["", "", "ab ", "\t", "x\ny"], S),
    {Sp, C, W, P, S2} = spec(S1),
    {Args, S3} = args(C, W, P, S2),
    F = Pre ++ Sp ++ "|",
    R = try io_lib:format(F, Args) catch error:E -> {error, E} end,
    io:format("~w ~s ~w~n", [I, F, R]),
    S3.

main() ->
    lists:foldl(fun(I, S) -> one(I, S) end, 2024, lists:seq(1, 1500)),
    ok.
