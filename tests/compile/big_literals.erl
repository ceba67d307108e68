%% big_literals.erl - constants whose assembly text is long (thousands of
%% characters on one line): the code generator once formatted each
%% instruction into a fixed buffer and cut such literals off, so the
%% assembler refused its output (tests/lib/fuzz_otp.erl's spec tables).
%% Literals as moved values, call arguments, list and tuple elements,
%% comparison operands, case patterns, strings and binaries, and
%% functions and funs with long names.
-module(big_literals).
-export([main/0]).

specs() ->
    [{all, [p, l]}, {any, [p, l]}, {append, [ll]}, {append, [l, l]},
     {concat, [l]}, {delete, [t, l]}, {droplast, [l]}, {dropwhile, [p, l]},
     {duplicate, [int, t]}, {enumerate, [l]}, {enumerate, [int, l]},
     {filter, [p, l]}, {filtermap, [fm, l]}, {flatlength, [dl]},
     {flatmap, [f1, l]}, {flatten, [dl]}, {flatten, [dl, l]},
     {foldl, [f2, t, l]}, {foldr, [f2, t, l]}, {foreach, [f1, l]},
     {join, [t, l]}, {keydelete, [key, i, tl]}, {keyfind, [key, i, tl]},
     {keymap, [f1, i, tl]}, {keymember, [key, i, tl]},
     {keymerge, [i, kso, kso]}, {keyreplace, [key, i, tl, tup]},
     {keysearch, [key, i, tl]}, {keysort, [i, tl]},
     {keystore, [key, i, tl, tup]}, {keytake, [key, i, tl]},
     {last, [l]}, {map, [f1, l]}, {mapfoldl, [mf, t, l]},
     {mapfoldr, [mf, t, l]}, {max, [l]}, {member, [t, l]}, {merge, [sll]},
     {merge, [so, so]}, {merge, [le, so, so]}, {min, [l]}, {nth, [i, l]},
     {nthtail, [i, l]}, {partition, [p, l]}, {prefix, [l, l]},
     {reverse, [l]}, {reverse, [l, l]}, {seq, [int, int]},
     {seq, [int, int, int]}, {sort, [l]}, {sort, [le, l]}, {split, [int, l]},
     {splitwith, [p, l]}, {sublist, [l, int]}, {sublist, [l, int, int]},
     {subtract, [l, l]}, {suffix, [l, l]}, {sum, [nl]}, {takewhile, [p, l]},
     {ukeysort, [i, tl]}, {umerge, [uso, uso]}, {uniq, [l]}, {uniq, [f1, l]},
     {unzip, [tl]}, {unzip3, [tl]}, {usort, [l]}, {usort, [le, l]},
     {zip, [sl, sl]}, {zip3, [sl, sl, sl]}, {zipwith, [z2, sl, sl]},
     {zipwith3, [z3, sl, sl, sl]}, {search, [p, l]}, {zf, [fm, l]}].

long_string() ->
    "Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod "
    "tempor incididunt ut labore et dolore magna aliqua. Ut enim ad minim "
    "veniam, quis nostrud exercitation ullamco laboris nisi ut aliquip ex ea "
    "commodo consequat. Duis aute irure dolor in reprehenderit in voluptate "
    "velit esse cillum dolore eu fugiat nulla pariatur. Excepteur sint "
    "occaecat cupidatat non proident, sunt in culpa qui officia deserunt "
    "mollit anim id est laborum. Lorem ipsum dolor sit amet, consectetur "
    "adipiscing elit, sed do eiusmod tempor incididunt ut labore et dolore "
    "magna aliqua. Ut enim ad minim veniam, quis nostrud exercitation ullamco "
    "laboris nisi ut aliquip ex ea commodo consequat. Duis aute irure dolor "
    "in reprehenderit in voluptate velit esse cillum dolore eu fugiat nulla "
    "pariatur. Excepteur sint occaecat cupidatat non proident, sunt in culpa "
    "qui officia deserunt mollit anim id est laborum.\t\x01\x02\"\\ end".

long_binary() ->
    <<"0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef",
      "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef",
      "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef",
      "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef",
      "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef",
      1, 2, 3, 255, 0>>.

%% A literal compared with a value and matched in a case.
classify(X) ->
    case X of
        [{all, [p, l]}, {any, [p, l]}, {append, [ll]}, {append, [l, l]},
         {concat, [l]}, {delete, [t, l]}, {droplast, [l]}, {dropwhile, [p, l]},
         {duplicate, [int, t]}, {enumerate, [l]}, {enumerate, [int, l]},
         {filter, [p, l]}, {filtermap, [fm, l]}, {flatlength, [dl]},
         {flatmap, [f1, l]}, {flatten, [dl]}, {flatten, [dl, l]} | _] -> starts_like_specs;
        _ when X =:= {"a long string literal that is compared with a value in a guard",
                      "and another one, to make the line of the test instruction long enough",
                      "to go past one thousand and twenty four characters of assembly text,",
                      "which the fixed buffer of the code generator used to cut off quietly",
                      "in the middle of a term, so that the assembler saw a truncated line",
                      "and refused the whole module with a syntax error in its own input.",
                      "Strings that are not printable go out as lists of character codes,",
                      "which makes the line even longer: \x{400}\x{401}\x{402}\x{403}."} ->
            the_long_tuple;
        _ -> other
    end.

'a_function_with_a_rather_long_name_and_on_and_on_and_on_and_on_and_on_and_on_and_on_and_on_and_on_and_on_and_on_and_on_and_on_and_on_and_on_and_on_and_on_and_on_and_on_and_on_and_on_and_on_and_on_and_on_and_on_and_on_and_on_end'(N) ->
    F = fun(X) -> X * N end,
    G = fun(X) -> X + N end,
    [F(X) + G(X) || X <- lists:seq(1, N)].

'ünïcödé_ñämé_ünïcödé_ñämé_ünïcödé_ñämé_ünïcödé_ñämé_ünïcödé_ñämé_ünïcödé_ñämé_ünïcödé_ñämé_ünïcödé_ñämé_ünïcödé_ñämé_'(N) ->
    H = fun(X) -> {X, N} end,
    K = fun(X) -> [X, N] end,
    {H(1), K(2), [H(X) || X <- [a, b]]}.

main() ->
    S = specs(),
    io:format("~p~n", [length(S)]),
    io:format("~p~n", [S]),
    io:format("~p~n", [lists:last(S)]),
    io:format("~p~n", [{length(long_string()), lists:last(long_string()), lists:nth(500, long_string())}]),
    io:format("~s~n", [long_string()]),
    io:format("~p~n", [{byte_size(long_binary()), lists:nthtail(317, binary_to_list(long_binary()))}]),
    io:format("~p~n", [classify(S)]),
    io:format("~p~n", [classify(tl(S))]),
    T = {"a long string literal that is compared with a value in a guard",
         "and another one, to make the line of the test instruction long enough",
         "to go past one thousand and twenty four characters of assembly text,",
         "which the fixed buffer of the code generator used to cut off quietly",
         "in the middle of a term, so that the assembler saw a truncated line",
         "and refused the whole module with a syntax error in its own input.",
         "Strings that are not printable go out as lists of character codes,",
         "which makes the line even longer: \x{400}\x{401}\x{402}\x{403}."},
    io:format("~p~n", [classify(T)]),
    io:format("~p~n", [lists:member({zf, [fm, l]}, specs())]),
    io:format("~p~n", ['a_function_with_a_rather_long_name_and_on_and_on_and_on_and_on_and_on_and_on_and_on_and_on_and_on_and_on_and_on_and_on_and_on_and_on_and_on_and_on_and_on_and_on_and_on_and_on_and_on_and_on_and_on_and_on_and_on_and_on_and_on_end'(5)]),
    io:format("~p~n", ['ünïcödé_ñämé_ünïcödé_ñämé_ünïcödé_ñämé_ünïcödé_ñämé_ünïcödé_ñämé_ünïcödé_ñämé_ünïcödé_ñämé_ünïcödé_ñämé_ünïcödé_ñämé_'(3)]),
    ok.
