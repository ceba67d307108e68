-module(bif_more).
-export([main/0, id/1]).

%% BIFs typical programs use that beamlet added later: tuples built from
%% tuples, parts of binaries, phash2 (OTP's values), md5, crc32, adler32,
%% iolist_size, error/3, fun_info, binary_to_existing_atom,
%% binary_to_float, and the shapes of the values that vary between runs
%% (time, date, now, statistics, unique_integer, pid_to_list). Errors are
%% printed as class, reason and the first frame's M, F and arguments.

id(X) -> X.

t(F) ->
    try F() of
        V -> V
    catch
        C:R:St ->
            [{M, Fn, A, _} | _] = St,
            {C, R, M, Fn, A}
    end.

p(Label, F) -> io:format("~p: ~p~n", [Label, t(F)]).

hash_terms() ->
    [0, 1, -1, 255, 134217727, -134217728, 134217728, 1 bsl 31, 1 bsl 59, 1 bsl 60, -(1 bsl 64), 1 bsl 100,
     0.0, -0.0, 1.0, 0.1, -2.5e-300, 1.0e300,
     a, ok, '', 'hello world', 'héllo', 'a€b', nonode@nohost,
     [], "a", "abcd", "abcde", [256], [1, 2 | 3], [a, b], [[]], "ab" ++ [300] ++ "cd", [-1], lists:seq(1, 50),
     {}, {a}, {a, {b, {c}}}, {"x", 1.5, -3},
     <<>>, <<"a">>, <<"abcdefghijk">>, <<"abcdefghijkl">>, <<"abcdefghijklm">>, list_to_binary(lists:seq(0, 255)),
     {bin, <<"x">>, [<<"y">>]}, [{a, 1}, {b, 2}]].

%% Maps do not exist in beamlet, but code written for them loads and
%% takes its non-map paths.
kind(X) when is_map(X) -> map;
kind(X) when map_size(X) > 0 -> map;
kind(X) when is_map_key(k, X) -> map;
kind(X) when map_get(k, X) =:= 1 -> map;
kind(X) when is_list(X) -> list;
kind(_) -> other.

is_now({A, B, C}) -> is_integer(A) andalso is_integer(B) andalso is_integer(C) andalso B < 1000000 andalso C < 1000000;
is_now(_) -> false.

in_range({A, B, C}, {L1, H1}, {L2, H2}, {L3, H3}) ->
    A >= L1 andalso A =< H1 andalso B >= L2 andalso B =< H2 andalso C >= L3 andalso C =< H3.

main() ->
    %% tuples
    p(append_element, fun() -> erlang:append_element({a, b}, c) end),
    p(append_element_empty, fun() -> erlang:append_element({}, c) end),
    p(append_element_bad, fun() -> erlang:append_element(id([a]), c) end),
    p(delete_element, fun() -> [erlang:delete_element(I, {a, b, c}) || I <- [1, 2, 3]] end),
    p(delete_element_bad, fun() -> erlang:delete_element(id(4), {a, b, c}) end),
    p(delete_element_zero, fun() -> erlang:delete_element(id(0), {a}) end),
    p(insert_element, fun() -> [erlang:insert_element(I, {a, b}, x) || I <- [1, 2, 3]] end),
    p(insert_element_bad, fun() -> erlang:insert_element(id(4), {a, b}, x) end),
    p(make_tuple3, fun() -> erlang:make_tuple(4, z, [{1, a}, {3, c}, {1, aa}]) end),
    p(make_tuple3_empty, fun() -> erlang:make_tuple(0, z, []) end),
    p(make_tuple3_bad, fun() -> erlang:make_tuple(2, z, [{3, c}]) end),
    p(make_tuple3_improper, fun() -> erlang:make_tuple(2, z, id([{1, c} | x])) end),
    %% binaries
    B = list_to_binary(lists:seq(1, 100)),
    p(split_binary, fun() -> split_binary(<<"hello">>, 2) end),
    p(split_binary_ends, fun() -> {split_binary(<<"ab">>, 0), split_binary(<<"ab">>, 2)} end),
    p(split_binary_big, fun() -> {X, Y} = split_binary(B, 70), {byte_size(X), byte_size(Y), binary_to_list(Y, 30, 30)} end),
    p(split_binary_bad, fun() -> split_binary(<<"ab">>, id(3)) end),
    p(split_binary_sub, fun() -> {X, _} = split_binary(B, 90), {_, Z} = split_binary(X, 10), {byte_size(Z), binary_to_list(Z, 1, 3)} end),
    p(binary_part, fun() -> [binary_part(<<"abcdef">>, P) || P <- [{0, 1}, {2, 3}, {6, 0}, {6, -2}, {3, -3}]] end),
    p(binary_part3, fun() -> binary_part(B, 10, 80) =:= list_to_binary(lists:seq(11, 90)) end),
    p(binary_part_bad, fun() -> binary_part(<<"abc">>, id({2, 2})) end),
    p(binary_part_neg, fun() -> binary_part(<<"abc">>, id(1), id(-2)) end),
    p(binary_part_guard, fun() -> [case X of _ when binary_part(X, 0, 1) =:= <<"a">> -> yes; _ -> no end || X <- [<<"ab">>, <<"ba">>, <<>>, a]] end),
    p(binary_to_list3, fun() -> binary_to_list(<<"abcdef">>, 2, 4) end),
    p(binary_to_list3_bad, fun() -> binary_to_list(<<"abc">>, id(3), 2) end),
    p(bit_size, fun() -> [bit_size(X) || X <- [<<>>, <<"abc">>, B]] end),
    p(bit_size_guard, fun() -> [case X of _ when bit_size(X) > 8 -> big; _ -> small end || X <- [<<"a">>, <<"ab">>, a]] end),
    p(is_bitstring, fun() -> [is_bitstring(X) || X <- [<<>>, B, "a", 1]] end),
    p(bitstring_to_list, fun() -> bitstring_to_list(<<1, 2>>) end),
    p(list_to_bitstring, fun() -> list_to_bitstring([1, <<2>>, [3]]) end),
    p(binary_to_float, fun() -> [binary_to_float(X) || X <- [<<"1.5">>, <<"-0.25e3">>, <<"1.0e-10">>]] end),
    p(binary_to_float_bad, fun() -> binary_to_float(id(<<"1">>)) end),
    p(binary_to_existing_atom, fun() -> {binary_to_existing_atom(<<"ok">>), binary_to_existing_atom(<<"error">>, utf8), binary_to_existing_atom(<<"h", 233, "llo">>, latin1)} end),
    p(binary_to_existing_atom_new, fun() -> binary_to_existing_atom(id(<<"surely_no_such_atom_here_123">>), utf8) end),
    %% map BIFs on non-maps
    p(map_guards, fun() -> [kind(X) || X <- [a, [], {}, "k"]] end),
    p(is_map, fun() -> is_map(id(a)) end),
    p(map_size, fun() -> map_size(id(a)) end),
    p(is_map_key, fun() -> is_map_key(k, id([])) end),
    p(map_get, fun() -> map_get(k, id({})) end),
    %% hashes and checksums
    [io:format("phash2 ~w: ~w ~w ~w~n", [T, erlang:phash2(T), erlang:phash2(T, 1000), erlang:phash2(T, 1 bsl 32)]) || T <- hash_terms()],
    p(phash2_range_bad, fun() -> erlang:phash2(a, id(0)) end),
    p(phash2_range_big, fun() -> erlang:phash2(a, id((1 bsl 32) + 1)) end),
    p(phash2_equal, fun() -> erlang:phash2({id(1), "a"}) =:= erlang:phash2({1, [97]}) end),
    p(md5, fun() -> [erlang:md5(X) || X <- ["", "abc", <<"The quick brown fox jumps over the lazy dog">>, ["a", [<<"b">>, $c]]]] end),
    p(md5_long, fun() -> erlang:md5(lists:duplicate(1000, $x)) end),
    p(md5_bad, fun() -> erlang:md5(id([a])) end),
    p(crc32, fun() -> [erlang:crc32(X) || X <- ["", "abc", <<"123456789">>, [<<"12345">>, "6789"]]] end),
    p(crc32_continue, fun() -> erlang:crc32(erlang:crc32("12345"), "6789") end),
    p(crc32_bad, fun() -> erlang:crc32(id(abc)) end),
    p(adler32, fun() -> [erlang:adler32(X) || X <- ["", "abc", <<"Wikipedia">>, lists:duplicate(10000, 255)]] end),
    p(adler32_continue, fun() -> erlang:adler32(erlang:adler32("Wiki"), "pedia") end),
    p(iolist_size, fun() -> [iolist_size(X) || X <- [[], <<"abc">>, ["ab", [$c, <<"de">>], []]]] end),
    p(iolist_size_bad, fun() -> iolist_size(id([256])) end),
    %% error/3
    p(error3, fun() -> erlang:error(my_reason, [1, 2], [{error_info, none}]) end),
    p(error3_none, fun() -> erlang:error(my_reason, none, []) end),
    %% funs
    Y = id(7),
    F = fun(A, Bb) -> A + Bb + Y end,
    p(fun_info_local, fun() -> [erlang:fun_info(F, I) || I <- [module, name, arity, env, type]] end),
    p(fun_info_local_keys, fun() -> [K || {K, _} <- erlang:fun_info(F)] end),
    p(fun_info_external, fun() -> erlang:fun_info(fun lists:map/2) end),
    p(fun_info_external_items, fun() -> [erlang:fun_info(fun lists:map/2, I) || I <- [index, new_index, new_uniq, pid, uniq]] end),
    p(fun_info_bad_item, fun() -> case catch erlang:fun_info(F, id(colour)) of {'EXIT', {badarg, _}} -> badarg end end),
    p(fun_info_not_fun, fun() -> erlang:fun_info(id(a), arity) end),
    p(fun_to_list_ext, fun() -> erlang:fun_to_list(fun lists:map/2) end),
    %% node, housekeeping
    p(os_getenv, fun() -> {is_list(os:getenv("PATH")), os:getenv("BEAMLET_SURELY_UNSET_VARIABLE"), os:getenv("BEAMLET_SURELY_UNSET_VARIABLE", "dflt"), os:getenv("PATH", x) =:= os:getenv("PATH")} end),
    p(os_getenv_bad, fun() -> os:getenv(id(path)) end),
    p(os_type, fun() -> os:type() end),
    p(io_lib_fwrite, fun() -> lists:flatten(io_lib:fwrite("~p-~w", [a, "b"])) end),
    p(is_alive, fun() -> is_alive() end),
    p(nodes, fun() -> [nodes(), [nodes(K) || K <- [this, known, visible, hidden, connected, [], [this, visible]]]] end),
    p(nodes_bad, fun() -> nodes(id([this | x])) end),
    p(garbage_collect, fun() -> erlang:garbage_collect() end),
    p(bump_reductions, fun() -> [erlang:bump_reductions(N) || N <- [0, 1, 100000]] end),
    p(bump_reductions_bad, fun() -> erlang:bump_reductions(id(-1)) end),
    %% values that vary: their shapes
    U = [erlang:unique_integer([positive, monotonic]) || _ <- lists:seq(1, 5)],
    p(unique_integer, fun() -> {lists:all(fun(X) -> is_integer(X) andalso X > 0 end, U), U =:= lists:usort(U), is_integer(erlang:unique_integer())} end),
    p(unique_integer_bad, fun() -> erlang:unique_integer(id([fast])) end),
    p(time, fun() -> in_range(time(), {0, 23}, {0, 59}, {0, 59}) end),
    p(date, fun() -> in_range(date(), {2020, 3000}, {1, 12}, {1, 31}) end),
    p(localtime, fun() -> {D, T} = erlang:localtime(), in_range(D, {2020, 3000}, {1, 12}, {1, 31}) andalso in_range(T, {0, 23}, {0, 59}, {0, 59}) end),
    p(universaltime, fun() -> {D, T} = erlang:universaltime(), in_range(D, {2020, 3000}, {1, 12}, {1, 31}) andalso in_range(T, {0, 23}, {0, 59}, {0, 59}) end),
    p(now, fun() -> N1 = erlang:now(), N2 = erlang:now(), {is_now(N1), N2 > N1} end),
    p(os_timestamp, fun() -> is_now(os:timestamp()) end),
    p(statistics, fun() -> [case statistics(K) of {A, Bb} when is_integer(A), is_integer(Bb), A >= 0, Bb >= 0 -> K; X -> X end || K <- [runtime, wall_clock]] end),
    p(statistics_bad, fun() -> statistics(id(no_such_item)) end),
    p(pid_to_list, fun() -> L = pid_to_list(self()), {hd(L), lists:last(L)} end),
    p(ref_to_list, fun() -> lists:prefix("#Ref<", ref_to_list(make_ref())) end),
    p(pid_to_list_bad, fun() -> pid_to_list(id(a)) end),
    ok.
