%% fuzz_otp.erl - randomised differential check of beamlet's lib modules
%% against Erlang/OTP's, run only under OTP by tests/lib/run_otp.sh (it uses
%% rand and other OTP modules, so it is not a beamlet test program).
%%
%% The modules under test are compiled as bl_lists, bl_string, bl_queue,
%% ... (bl_ and the name). Each function is called with many generated argument
%% lists, good and bad; results must be =:= and errors must have the same
%% class and reason. Prints one line per function and "fuzz: N mismatches".
-module(fuzz_otp).
-export([main/0, main/1, check/4, specs/0]).

-define(N, 3000).

main() -> main(?N).

main(N) ->
    rand:seed(exsss, {11, 22, 33}),
    Bad = lists:sum([check(M, F, Gens, N) || {M, F, Gens} <- specs()]),
    io:format("fuzz: ~p mismatches~n", [Bad]),
    Bad.

check(M, F, Gens, N) ->
    BM = list_to_atom("bl_" ++ atom_to_list(M)),
    Bad = check(M, BM, F, Gens, N, 0),
    case Bad of
        0 -> ok;
        _ -> io:format("~p:~p/~p: ~p mismatches~n", [M, F, length(Gens), Bad])
    end,
    Bad.

check(_, _, _, _, 0, Bad) -> Bad;
check(M, BM, F, Gens, I, Bad) ->
    Args = [gen(G) || G <- Gens],
    R1 = call(M, F, Args),
    R2 = call(BM, F, Args),
    case R1 =:= R2 of
        true -> check(M, BM, F, Gens, I - 1, Bad);
        false ->
            if Bad < 3 ->
                    io:format("MISMATCH ~p:~p~n  args ~p~n  otp  ~p~n  ours ~p~n",
                              [M, F, Args, R1, R2]);
               true -> ok
            end,
            check(M, BM, F, Gens, I - 1, Bad + 1)
    end.

%% Each call runs in its own process, so a call that loops is reported as
%% a timeout instead of hanging the run.
call(M, F, Args) ->
    {Pid, Ref} = spawn_monitor(fun() ->
                                       exit({done, try {ok, apply(M, F, Args)}
                                                   catch C:R -> {C, R}
                                                   end})
                               end),
    receive
        {'DOWN', Ref, process, Pid, {done, Res}} -> Res;
        {'DOWN', Ref, process, Pid, Other} -> {died, Other}
    after 2000 ->
            exit(Pid, kill),
            receive {'DOWN', Ref, process, Pid, _} -> timeout end
    end.

pick(L) -> lists:nth(rand:uniform(length(L)), L).

%% Terms chosen so that == but not =:= pairs (1 and 1.0) are common.
term() ->
    case rand:uniform(12) of
        1 -> pick([1, 1.0, 2, 2.0, 0, 0.0, -1]);
        2 -> pick([a, b, c, foo]);
        3 -> {term0(), term0()};
        4 -> [term0()];
        5 -> pick([[], "ab", <<"x">>]);
        6 -> {term0()};
        _ -> term0()
    end.

term0() -> pick([1, 1.0, 2, 2.0, 3, 0, -1, a, b, [], {}, {1}, {1.0}, "a", 1.5, 1 bsl 70]).

list() ->
    case rand:uniform(14) of
        1 -> foo;
        2 -> improper(list_of(fun term/0));
        3 -> [];
        _ -> list_of(fun term/0)
    end.

small_list() ->
    case rand:uniform(14) of
        1 -> foo;
        2 -> improper(list_of(fun term0/0));
        _ -> list_of(fun term0/0)
    end.

list_of(G) -> [G() || _ <- lists:seq(1, rand:uniform(9) - 1)].

improper([]) -> bar;
improper(L) -> L ++ bar.

num_list() ->
    case rand:uniform(10) of
        1 -> list();
        _ -> list_of(fun() -> pick([1, 2.5, -3, 0, 1.0, 7, 1 bsl 65]) end)
    end.

deep_list() ->
    case rand:uniform(10) of
        1 -> list();
        _ -> deep_list(3)
    end.

deep_list(0) -> [];
deep_list(D) ->
    list_of(fun() -> case rand:uniform(3) of
                         1 -> deep_list(D - 1);
                         _ -> term0()
                     end end).

index() -> pick([0, 1, 1, 2, 2, 3, 4, 5, 8, -1, a, 1.0]).

tuple() ->
    list_to_tuple(list_of(fun() -> pick([1, 1.0, 2, a, b]) end)).

tuple_list() ->
    case rand:uniform(12) of
        1 -> list();
        2 -> improper([tuple() || _ <- lists:seq(1, rand:uniform(5))]);
        3 -> [pick([x, tuple()]) || _ <- lists:seq(1, rand:uniform(5))];
        _ -> [tuple() || _ <- lists:seq(1, rand:uniform(9) - 1)]
    end.

list_list() ->
    case rand:uniform(10) of
        1 -> list();
        2 -> improper([list() || _ <- lists:seq(1, rand:uniform(4))]);
        _ -> [small_list() || _ <- lists:seq(1, rand:uniform(5) - 1)]
    end.

%% Sorted lists for the merge functions (their result on unsorted input
%% is unspecified), sometimes with an improper tail or not a list at all.
sorted_list() -> spoil(lists:sort(list_of(fun term0/0))).

usorted_list() -> spoil(lists:usort(list_of(fun term0/0))).

spoil(L) ->
    case rand:uniform(12) of
        1 -> foo;
        2 -> improper(L);
        _ -> L
    end.

%% Queues: any two lists (OTP's own shapes and others), sometimes improper
%% lists inside, sometimes not a queue at all.
queue() ->
    case rand:uniform(16) of
        1 -> pick([foo, {[], [], []}, {a, []}, {[], b}, [1, 2]]);
        2 -> {improper(list_of(fun term0/0)), list_of(fun term0/0)};
        3 -> {list_of(fun term0/0), improper(list_of(fun term0/0))};
        4 -> lists:foldl(fun(X, Q) -> queue:in(X, Q) end, queue:new(),
                         list_of(fun term0/0));
        _ -> {list_of(fun term0/0), list_of(fun term0/0)}
    end.

%% Dictionaries: mostly OTP-built ones (values are lists or numbers, for
%% append and update_counter), sometimes unsorted, improper or not lists.
orddict() ->
    Pairs = [{gen(key), pick([[], [x], 1, 2.5, a])}
             || _ <- lists:seq(1, rand:uniform(8) - 1)],
    case rand:uniform(14) of
        1 -> list();
        2 -> Pairs;
        3 -> improper(orddict:from_list(Pairs));
        4 -> orddict:from_list(Pairs) ++ [x];
        _ -> orddict:from_list(Pairs)
    end.

%% Sets: mostly proper ones (with 1 and 1.0 both common), sometimes
%% unsorted, improper or not lists.
ordset() ->
    L = list_of(fun term0/0),
    case rand:uniform(14) of
        1 -> list();
        2 -> L;
        3 -> improper(ordsets:from_list(L));
        _ -> ordsets:from_list(L)
    end.

%% For merge/1: the inner lists are proper (with improper inner lists the
%% error reason may differ from OTP's, a documented deviation).
sorted_lists() ->
    G = fun() -> lists:sort(list_of(fun term0/0)) end,
    case rand:uniform(12) of
        1 -> foo;
        2 -> improper([G() || _ <- lists:seq(1, rand:uniform(4))]);
        3 -> [G(), foo];
        _ -> [G() || _ <- lists:seq(1, rand:uniform(6) - 1)]
    end.

ksorted_list() ->
    spoil(lists:keysort(1, [{pick([1, 1.0, 2, 2.0, a]), pick([x, y])}
                            || _ <- lists:seq(1, rand:uniform(6) - 1)])).

fun1() -> pick([fun(X) -> X end, fun(X) -> {X} end, fun(X) -> [X, X] end,
                fun(_, _) -> x end, foo]).
pred() -> pick([fun(X) -> is_atom(X) end, fun(X) -> is_number(X) andalso X > 1 end,
                fun(X) -> X == 1 end, fun(X) -> X end, fun(_) -> true end,
                fun(_) -> false end, fun(_, _) -> true end, foo]).
fmfun() -> pick([fun(X) when is_atom(X) -> true; (X) -> {true, {X}} end,
                 fun(X) -> is_number(X) end, fun(X) -> X end,
                 fun(X) when is_atom(X) -> false; (X) -> {true, X} end]).
fun2() -> pick([fun(X, A) -> [X | A] end, fun(X, A) -> {X, A} end,
                fun(X, _) -> X end, fun(_) -> x end, foo]).
mffun() -> pick([fun(X, A) -> {{X}, [X | A]} end, fun(X, A) -> {A, X} end,
                 fun(X, _) -> X end, foo]).
le() -> pick([fun(A, B) -> A =< B end, fun(A, B) -> A >= B end,
              fun(A, B) -> key(A) =< key(B) end,
              fun(A, B) -> key(A) >= key(B) end,
              fun(_, _) -> ok end, fun(_) -> true end, foo]).
zfun2() -> pick([fun(A, B) -> {A, B} end, fun(A, _) -> A end, fun(_) -> x end]).
zfun3() -> pick([fun(A, B, C) -> {A, B, C} end, fun(A, _) -> A end]).

key(X) when is_tuple(X), tuple_size(X) > 0 -> element(1, X);
key(X) when is_list(X), X =/= [] -> hd(X);
key(X) -> X.

string() ->
    case rand:uniform(20) of
        1 -> foo;
        _ -> [pick(" \t\r\n,;aAbBzZ09.-+eE\xe4\xc4\xff\xd7\xf7\xdf" ++ [300, 133, 8232])
              || _ <- lists:seq(1, rand:uniform(12) - 1)]
    end.

num_string() ->
    case rand:uniform(12) of
        1 -> string();
        2 -> pick([<<"12ab">>, <<"-1.5e3 x">>, <<>>, <<"x">>]);
        _ -> [pick("+-0123456789.,eE x") || _ <- lists:seq(1, rand:uniform(10) - 1)]
    end.

pattern() ->
    case rand:uniform(10) of
        1 -> pick([foo, "", [], "\r\n"]);
        _ -> [pick(",;a\r\n ") || _ <- lists:seq(1, rand:uniform(3))]
    end.

seps() ->
    case rand:uniform(10) of
        1 -> pick([foo, [], ["\r\n"], [[$\r, $\n], $\s]]);
        _ -> [pick(",; \r\naz") || _ <- lists:seq(1, rand:uniform(3))]
    end.

proplist() ->
    case rand:uniform(12) of
        1 -> list();
        2 -> improper([prop() || _ <- lists:seq(1, rand:uniform(4))]);
        _ -> [prop() || _ <- lists:seq(1, rand:uniform(7) - 1)]
    end.

prop() ->
    pick([a, b, c, {a, 1}, {b, true}, {a, false}, {c}, {a, 1, 2}, {1, x},
          {1.0, y}, "str", {b, false}, {c, true}, {a, [x, y]}, {a, []}]).

gen(ties) -> [pick([1, 1.0, 2, 2.0, 0, 0.0, {1}, {1.0}, [1], [1.0]])
              || _ <- lists:seq(1, rand:uniform(40) - 1)];
gen(kties) -> [{pick([1, 1.0, 2, 2.0]), pick([1, 1.0, 2, 2.0])}
               || _ <- lists:seq(1, rand:uniform(40) - 1)];
gen(tle) -> pick([fun(A, B) -> A =< B end, fun(A, B) -> A >= B end,
                  fun(A, B) -> key(A) =< key(B) end]);
gen(t) -> term();
gen(l) -> list();
gen(sl) -> small_list();
gen(nl) -> num_list();
gen(dl) -> deep_list();
gen(ll) -> list_list();
gen(sll) -> sorted_lists();
gen(i) -> index();
gen(tup) -> pick([tuple(), tuple(), x]);
gen(tl) -> tuple_list();
gen(so) -> sorted_list();
gen(uso) -> usorted_list();
gen(kso) -> ksorted_list();
gen(f1) -> fun1();
gen(p) -> pred();
gen(fm) -> fmfun();
gen(f2) -> fun2();
gen(mf) -> mffun();
gen(le) -> le();
gen(z2) -> zfun2();
gen(z3) -> zfun3();
gen(int) -> pick([-2, -1, 0, 1, 2, 3, 5, 10, a, 1.0]);
gen(key) -> pick([1, 1.0, 2, a, b, x]);
gen(s) -> string();
gen(ns) -> num_string();
gen(pat) -> pattern();
gen(seps) -> seps();
gen(dir) -> pick([leading, trailing, both, all, foo]);
gen(ls) -> case string() of
               L when is_list(L) -> [C || C <- L, C < 256];
               X -> X
           end;
gen(bool) -> pick([true, false, true, false, maybe]);
gen(odir) -> pick([left, right, both, foo]);
gen(len) -> pick([0, 1, 2, 5, infinity, -1]);
gen(prop) -> pick([prop(), {a, true}, {1, true}, {b, true, x}]);
gen(ch) -> pick([$a, $b, $,, $\s, $\r, foo]);
gen(pl) -> proplist();
gen(pkey) -> pick([a, b, c, 1, 1.0, x]);
gen(q) -> queue();
gen(qn) -> pick([0, 1, 2, 3, 4, 5, 7, -1, a]);
gen(qf) -> pick([fun(X) -> is_atom(X) end, fun(X) -> [X, {X}] end,
                 fun(X) when is_number(X) -> []; (X) -> X == a end,
                 fun(_) -> x end, fun(_, _) -> true end, foo]);
gen(od) -> orddict();
gen(odl) -> case rand:uniform(8) of
                1 -> list();
                2 -> improper([{gen(key), term0()} || _ <- lists:seq(1, rand:uniform(4))]);
                _ -> [{gen(key), term0()} || _ <- lists:seq(1, rand:uniform(8) - 1)]
            end;
gen(odf1) -> pick([fun(V) -> {V} end, fun(_) -> x end, fun(V, _) -> V end, foo]);
gen(odf2) -> pick([fun(K, V) -> {K, V} end, fun(K, _) -> is_atom(K) end,
                   fun(_, V) -> V end, fun(_) -> true end, foo]);
gen(odf3) -> pick([fun(K, V, A) -> [{K, V} | A] end, fun(K, V1, V2) -> {K, V1, V2} end,
                   fun(_, V, _) -> V end, fun(_, _) -> x end, foo]);
gen(incr) -> pick([1, -1, 2.5, 0, x]);
gen(os) -> ordset();
gen(osli) -> case rand:uniform(6) of
                 1 -> list();
                 _ -> gen(osl)
             end;
gen(osl) -> case rand:uniform(12) of
                1 -> pick([foo, []]);
                2 -> improper([ordsets:from_list(list_of(fun term0/0))
                               || _ <- lists:seq(1, rand:uniform(4))]);
                3 -> [ordsets:from_list(list_of(fun term0/0)), foo];
                _ -> [ordsets:from_list(list_of(fun term0/0))
                      || _ <- lists:seq(1, rand:uniform(6) - 1)]
            end;
gen(strl) -> case rand:uniform(10) of
                 1 -> list();
                 _ -> [string() || _ <- lists:seq(1, rand:uniform(4) - 1)]
             end.

specs() ->
    [{lists, F, G} || {F, G} <- lists_specs()] ++
    [{string, F, G} || {F, G} <- string_specs()] ++
    [{proplists, F, G} || {F, G} <- proplists_specs()] ++
    [{queue, F, G} || {F, G} <- queue_specs()] ++
    [{orddict, F, G} || {F, G} <- orddict_specs()] ++
    [{ordsets, F, G} || {F, G} <- ordsets_specs()].

lists_specs() ->
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
     {zipwith3, [z3, sl, sl, sl]}, {search, [p, l]}, {zf, [fm, l]},
     %% many elements that compare equal without being identical
     {sort, [ties]}, {usort, [ties]}, {sort, [tle, ties]}, {usort, [tle, ties]},
     {keysort, [int, kties]}, {ukeysort, [int, kties]}, {uniq, [ties]},
     {max, [ties]}, {min, [ties]}, {merge, [sll]}].

string_specs() ->
    [{length, [s]}, {is_empty, [s]}, {equal, [s, s]}, {reverse, [s]},
     {slice, [s, int]}, {slice, [s, int, len]}, {pad, [s, int]},
     {pad, [s, int, dir]}, {pad, [s, int, dir, ch]}, {trim, [s]},
     {trim, [s, dir]}, {trim, [s, dir, seps]}, {chomp, [s]},
     {split, [s, pat]}, {split, [s, pat, dir]}, {replace, [s, pat, s]},
     {replace, [s, pat, s, dir]}, {find, [s, pat]}, {find, [s, pat, dir]},
     {prefix, [s, pat]}, {lexemes, [s, seps]}, {nth_lexeme, [s, int, seps]},
     {uppercase, [ls]}, {lowercase, [ls]}, {to_graphemes, [s]},
     {next_grapheme, [s]}, {next_codepoint, [s]}, {take, [s, seps]},
     {take, [s, seps, bool]}, {take, [s, seps, bool, dir]}, {to_integer, [ns]},
     {to_float, [ns]},
     {len, [s]}, {concat, [s, s]}, {chr, [s, ch]}, {rchr, [s, ch]},
     {str, [s, pat]}, {rstr, [s, pat]}, {span, [s, pat]}, {cspan, [s, pat]},
     {substr, [s, int]}, {substr, [s, int, int]}, {sub_string, [s, int]},
     {sub_string, [s, int, int]}, {tokens, [s, pat]}, {join, [strl, s]},
     {chars, [ch, int]}, {chars, [ch, int, s]}, {copies, [s, int]},
     {words, [s]}, {words, [s, ch]}, {sub_word, [s, int]},
     {sub_word, [s, int, ch]}, {strip, [s]}, {strip, [s, odir]},
     {strip, [s, odir, ch]}, {left, [s, int]}, {left, [s, int, ch]},
     {right, [s, int]}, {right, [s, int, ch]}, {centre, [s, int]},
     {centre, [s, int, ch]}, {to_upper, [s]}, {to_lower, [s]},
     {to_upper, [ch]}, {to_lower, [ch]}].

queue_specs() ->
    [{is_queue, [q]}, {is_empty, [q]}, {len, [q]}, {to_list, [q]},
     {from_list, [l]}, {member, [key, q]}, {in, [t, q]}, {in_r, [t, q]},
     {out, [q]}, {out_r, [q]}, {get, [q]}, {get_r, [q]}, {peek, [q]},
     {peek_r, [q]}, {drop, [q]}, {drop_r, [q]}, {reverse, [q]},
     {join, [q, q]}, {split, [qn, q]}, {filter, [qf, q]}, {filter, [p, q]},
     {filtermap, [fm, q]}, {filtermap, [p, q]}, {fold, [f2, t, q]},
     {any, [p, q]}, {all, [p, q]}, {delete, [key, q]}, {delete_r, [key, q]},
     {delete_with, [p, q]}, {delete_with_r, [p, q]}, {cons, [t, q]},
     {snoc, [q, t]}, {head, [q]}, {tail, [q]}, {daeh, [q]}, {last, [q]},
     {liat, [q]}, {lait, [q]}, {init, [q]}].

orddict_specs() ->
    [{new, []}, {is_key, [key, od]}, {to_list, [od]}, {from_list, [odl]},
     {size, [od]}, {is_empty, [od]}, {fetch, [key, od]}, {find, [key, od]},
     {fetch_keys, [od]}, {erase, [key, od]}, {take, [key, od]},
     {store, [key, t, od]}, {append, [key, t, od]},
     {append_list, [key, l, od]}, {update, [key, odf1, od]},
     {update, [key, odf1, t, od]}, {update_counter, [key, incr, od]},
     {fold, [odf3, t, od]}, {map, [odf2, od]}, {filter, [odf2, od]},
     {merge, [odf3, od, od]}].

%% union/1 is given proper sets only: with an improper one inside, the
%% error may differ from OTP's (a documented deviation).
ordsets_specs() ->
    [{new, []}, {is_set, [l]}, {is_set, [os]}, {size, [os]}, {is_empty, [os]},
     {to_list, [os]}, {from_list, [l]}, {is_element, [t, os]},
     {add_element, [t, os]}, {del_element, [t, os]}, {union, [os, os]},
     {union, [osl]}, {intersection, [os, os]}, {intersection, [osli]},
     {is_disjoint, [os, os]}, {subtract, [os, os]}, {is_subset, [os, os]},
     {fold, [f2, t, os]}, {filter, [p, os]}].

proplists_specs() ->
    [{get_value, [pkey, pl]}, {get_value, [pkey, pl, t]},
     {get_all_values, [pkey, pl]}, {append_values, [pkey, pl]}, {lookup, [pkey, pl]},
     {lookup_all, [pkey, pl]}, {is_defined, [pkey, pl]},
     {get_bool, [pkey, pl]}, {delete, [pkey, pl]}, {property, [prop]},
     {property, [pkey, t]}, {compact, [pl]}, {unfold, [pl]}].
