%% string.erl - beamlet's string library, written in the Erlang subset that
%% beamlet's compiler accepts (no maps, no binary syntax; it calls only
%% beamlet's own lists module).
%%
%% Strings are flat lists of character codes. OTP's string functions also
%% take deep lists and binaries (unicode:chardata()); these take flat lists
%% only, except to_integer/1 and to_float/1, which also take deep lists of
%% characters and binaries. Results, and errors for the common bad
%% arguments, follow Erlang/OTP 25 (tests/lib/string_test.erl checks that
%% against OTP itself).
%%
%% The functions of OTP's newer API (length, trim, split, find, slice, ...)
%% work on grapheme clusters. For the Latin-1 range the only cluster of
%% more than one character is "\r\n", and that one is handled exactly as
%% OTP does, quirks included (split finds "\n" inside "\r\n" but not "\r").
%% Clusters made of combining marks and other characters above 255 are
%% treated as separate characters, unlike OTP. uppercase/lowercase map the
%% Latin-1 letters only. The old API (tokens, substr, str, chr, to_upper,
%% strip, ...) works on plain characters, as in OTP.
-module(string).

-export([length/1, is_empty/1, equal/2, reverse/1, slice/2, slice/3,
         to_graphemes/1, next_grapheme/1, next_codepoint/1,
         take/2, take/3, take/4,
         pad/2, pad/3, pad/4, trim/1, trim/2, trim/3, chomp/1,
         split/2, split/3, replace/3, replace/4, find/2, find/3, prefix/2,
         lexemes/2, nth_lexeme/3, uppercase/1, lowercase/1,
         to_integer/1, to_float/1]).
-export([len/1, concat/2, chr/2, rchr/2, str/2, rstr/2, span/2, cspan/2,
         substr/2, substr/3, sub_string/2, sub_string/3, tokens/2, join/2,
         chars/2, chars/3, copies/2, words/1, words/2, sub_word/2,
         sub_word/3, strip/1, strip/2, strip/3, left/2, left/3, right/2,
         right/3, centre/2, centre/3, to_upper/1, to_lower/1]).

%% ---------------------------------------------------------------------
%% Grapheme clusters
%% ---------------------------------------------------------------------

%% gc(Str): the first grapheme cluster of a non-empty flat string and the
%% rest: "\r\n" is one cluster, any other character is one by itself.
gc([$\r, $\n | T]) -> {[$\r, $\n], T};
gc([C | T]) -> {C, T}.

%% Prepends a cluster (a character or a list of them) to a reversed list.
push(G, Acc) when is_list(G) -> lists:reverse(G, Acc);
push(G, Acc) -> [G | Acc].

%% The characters OTP's trim/1 and trim/2 remove (unicode_util:whitespace/0).
%% (tab, newline, vertical tab, form feed, return, space, U+0085, U+200E,
%% U+200F, U+2028, U+2029)
whitespace() -> [[13, 10], 9, 10, 11, 12, 13, 32, 133, 8206, 8207, 8232, 8233].

%% The first character of each separator cluster.
first_chars([S | Ss]) when is_integer(S) -> [S | first_chars(Ss)];
first_chars([[C | _] | Ss]) -> [C | first_chars(Ss)];
first_chars([]) -> [].

%% Flattens a pattern given as a deep list of characters.
chars_of(P) when is_list(P) -> lists:flatten(P);
chars_of(_) -> erlang:error(badarg).

length(S) -> count_gcs(S, 0).

count_gcs([$\r, $\n | T], N) -> count_gcs(T, N + 1);
count_gcs([_ | T], N) -> count_gcs(T, N + 1);
count_gcs([], N) -> N.

is_empty([]) -> true;
is_empty([H | T]) -> is_empty(H) andalso is_empty(T);
is_empty(B) when is_binary(B) -> byte_size(B) =:= 0;
is_empty(_) -> false.

equal(A, B) when is_list(A), is_list(B) -> lists:flatten(A) =:= lists:flatten(B);
equal(A, B) when is_binary(A), is_binary(B) -> A =:= B;
equal([], B) -> is_empty(B).

%% reverse(Str): the grapheme clusters of Str in reverse order ("\r\n"
%% stays a nested list, as in OTP).
reverse(S) -> reverse_gcs(S, []).

reverse_gcs([], Acc) -> Acc;
reverse_gcs(S, Acc) ->
    {G, T} = gc(S),
    reverse_gcs(T, [G | Acc]).

to_graphemes([]) -> [];
to_graphemes(S) ->
    {G, T} = gc(S),
    [G | to_graphemes(T)].

next_grapheme([]) -> [];
next_grapheme(S) ->
    {G, T} = gc(S),
    [G | T].

next_codepoint([C | T]) -> [C | T];
next_codepoint([]) -> [].

slice(S, N) when is_integer(N), N >= 0 -> drop_gcs(S, N).

slice(S, N, Len) when is_integer(N), N >= 0, is_integer(Len), Len > 0 ->
    take_gcs(drop_gcs(S, N), Len, []);
slice(S, N, infinity) -> drop_gcs(S, N);
slice(_, _, 0) -> [].

drop_gcs(S, 0) -> S;
drop_gcs([], N) when N > 0 -> [];
drop_gcs(S, N) when N > 0 -> drop_gcs(element(2, gc(S)), N - 1).

take_gcs(_, 0, Acc) -> lists:reverse(Acc);
take_gcs([], _, Acc) -> lists:reverse(Acc);
take_gcs(S, N, Acc) ->
    {G, T} = gc(S),
    take_gcs(T, N - 1, push(G, Acc)).

%% pad returns a deep list shaped as OTP's does, so that ~p prints the
%% same thing.
pad(S, Len) -> pad(S, Len, trailing, $\s).

pad(S, Len, Dir) -> pad(S, Len, Dir, $\s).

pad(S, Len, leading, Char) when is_integer(Len) ->
    [lists:duplicate(max(0, Len - count_gcs(S, 0)), Char), S];
pad(S, Len, trailing, Char) when is_integer(Len) ->
    [S | lists:duplicate(max(0, Len - count_gcs(S, 0)), Char)];
pad(S, Len, both, Char) when is_integer(Len) ->
    Size = max(0, Len - count_gcs(S, 0)),
    Pre = lists:duplicate(Size div 2, Char),
    Post = case Size rem 2 of
               1 -> [Char];
               _ -> []
           end,
    [Pre, S, Pre | Post].

%% ---------------------------------------------------------------------
%% Trimming
%% ---------------------------------------------------------------------

trim(S) -> trim(S, both, whitespace()).

trim(S, Dir) -> trim(S, Dir, whitespace()).

trim(S, _, []) -> S;
trim(S, leading, Seps) when is_list(Seps) -> trim_leading(S, Seps);
trim(S, trailing, Seps) when is_list(Seps) ->
    lists:reverse(element(1, trailing_split(S, Seps, first_chars(Seps), [], [])));
trim(S, both, Seps) when is_list(Seps) ->
    trim(trim_leading(S, Seps), trailing, Seps).

%% Drops leading clusters that are separators.
trim_leading([], _) -> [];
trim_leading([_ | _] = S, Seps) ->
    {G, T} = gc(S),
    case lists:member(G, Seps) of
        true -> trim_leading(T, Seps);
        false -> S
    end.

%% trailing_split(S, Seps, Firsts, Kept, Pending): as OTP, the string is
%% walked character by character, except that where a character starts a
%% separator (is in Firsts) a whole cluster is taken. Returns {Kept,
%% Pending}: the string up to its last non-separator, and the separators
%% after it, both reversed.
trailing_split([C | T] = S, Seps, Firsts, Kept, Pending) ->
    case lists:member(C, Firsts) of
        true ->
            {G, Rest} = gc(S),
            case lists:member(G, Seps) of
                true -> trailing_split(Rest, Seps, Firsts, Kept, push(G, Pending));
                false -> trailing_split(Rest, Seps, Firsts, push(G, Pending ++ Kept), [])
            end;
        false ->
            trailing_split(T, Seps, Firsts, [C | Pending ++ Kept], [])
    end;
trailing_split([], _, _, Kept, Pending) -> {Kept, Pending}.

chomp(S) -> trim(S, trailing, [[$\r, $\n], $\n]).

%% take(Str, Seps[, Complement[, Dir]]): {Leading, Trailing}, cut where the
%% clusters of Seps (or, with Complement, those not in Seps) stop, from
%% the start (leading) or the end (trailing).
take(S, Seps) -> take(S, Seps, false, leading).

take(S, Seps, Complement) -> take(S, Seps, Complement, leading).

take(S, [], Complement, Dir) ->
    case {Complement, Dir} of
        {false, leading} -> {[], S};
        {false, trailing} -> {S, []};
        {true, leading} -> {S, []};
        {true, trailing} -> {[], S}
    end;
take(S, Seps, false, leading) -> take_leading(S, Seps, []);
take(S, Seps, true, leading) -> take_until(S, Seps, first_chars(Seps), []);
take(S, Seps, false, trailing) ->
    {Kept, Pending} = trailing_split(S, Seps, first_chars(Seps), [], []),
    {lists:reverse(Kept), lists:reverse(Pending)};
take(S, Seps, true, trailing) ->
    _ = first_chars(Seps),
    take_tail(S, Seps, [], []).

%% The leading clusters that are in Seps, and the rest.
take_leading([], _, Acc) -> {lists:reverse(Acc), []};
take_leading([_ | _] = S, Seps, Acc) ->
    {G, T} = gc(S),
    case lists:member(G, Seps) of
        true -> take_leading(T, Seps, push(G, Acc));
        false -> {lists:reverse(Acc), S}
    end.

%% Up to the first cluster in Seps, stepping as lexemes_pick does.
take_until([C | T] = S, Seps, Firsts, Acc) ->
    case lists:member(C, Firsts) of
        true ->
            {G, Rest} = gc(S),
            case lists:member(G, Seps) of
                true -> {lists:reverse(Acc), S};
                false -> take_until(Rest, Seps, Firsts, push(G, Acc))
            end;
        false -> take_until(T, Seps, Firsts, [C | Acc])
    end;
take_until([], _, _, Acc) -> {lists:reverse(Acc), []}.

%% The longest tail of clusters not in Seps: Head (reversed) holds
%% everything up to the last cluster in Seps, Tail what came after it.
take_tail([], _, Head, Tail) -> {lists:reverse(Head), lists:reverse(Tail)};
take_tail(S, Seps, Head, Tail) ->
    {G, T} = gc(S),
    case lists:member(G, Seps) of
        true -> take_tail(T, Seps, push(G, Tail ++ Head), []);
        false -> take_tail(T, Seps, Head, push(G, Tail))
    end.

%% ---------------------------------------------------------------------
%% Searching and splitting
%% ---------------------------------------------------------------------

%% match(S, Pat): the rest of S after Pat if S starts with Pat, else
%% nomatch. Pat's last character must be a whole cluster of S, so "\r"
%% does not match the start of "\r\n".
match([$\r, $\n | _], [$\r]) -> nomatch;
match([C | T], [C]) -> T;
match([C | T], [C | Ps]) -> match(T, Ps);
match(S, _) when is_list(S) -> nomatch.

split(S, Pat) -> split(S, Pat, leading).

split(S, Pat, Where) ->
    case is_empty(Pat) of
        true -> [S];
        false -> split_scan(S, chars_of(Pat), Where, [], none, S)
    end.

%% split_scan(Str, Pat, Where, CurRev, Found, Orig): Str is searched one
%% character at a time. CurRev holds the characters since the last split
%% (reversed). Found is: for trailing, the last match {CurRev, Rest}; for
%% all, the parts found so far (reversed).
split_scan([C | T] = S, [C | _] = Pat, Where, CurRev, Found, Orig) ->
    case match(S, Pat) of
        nomatch -> split_scan(T, Pat, Where, [C | CurRev], Found, Orig);
        Rest when Where =:= leading -> [lists:reverse(CurRev), Rest];
        Rest when Where =:= trailing ->
            split_scan(T, Pat, Where, [C | CurRev], {CurRev, Rest}, Orig);
        Rest when Where =:= all ->
            Parts = case Found of
                        none -> [];
                        _ -> Found
                    end,
            split_scan(Rest, Pat, Where, [], [lists:reverse(CurRev) | Parts], Orig)
    end;
split_scan([C | T], Pat, Where, CurRev, Found, Orig) ->
    split_scan(T, Pat, Where, [C | CurRev], Found, Orig);
split_scan([], _, Where, CurRev, Found, Orig) ->
    case Found of
        none -> [Orig];
        {Before, Rest} when Where =:= trailing -> [lists:reverse(Before), Rest];
        Parts when Where =:= all -> lists:reverse([lists:reverse(CurRev) | Parts])
    end;
split_scan(S, _, _, _, _, _) -> erlang:error({badmatch, S}).

replace(S, Pat, New) -> lists:join(New, split(S, Pat, leading)).

replace(S, Pat, New, Where) -> lists:join(New, split(S, Pat, Where)).

find(S, Pat) -> find(S, Pat, leading).

find(S, [], _) -> S;
find(S, Pat, leading) -> find_first(S, chars_of(Pat));
find(S, Pat, trailing) -> find_last(S, chars_of(Pat), nomatch).

find_first([C | T] = S, [C | _] = Pat) ->
    case match(S, Pat) of
        nomatch -> find_first(T, Pat);
        _ -> S
    end;
find_first([_ | T], Pat) -> find_first(T, Pat);
find_first([], _) -> nomatch;
find_first(S, _) -> erlang:error({badmatch, S}).

find_last([C | T] = S, [C | _] = Pat, Last) ->
    case match(S, Pat) of
        nomatch -> find_last(T, Pat, Last);
        _ -> find_last(T, Pat, S)
    end;
find_last([_ | T], Pat, Last) -> find_last(T, Pat, Last);
find_last([], _, Last) -> Last;
find_last(S, _, _) -> erlang:error({badmatch, S}).

prefix(S, Pre) ->
    case chars_of(Pre) of
        [] -> S;
        Pat -> match(S, Pat)
    end.

%% lexemes(Str, Seps): the non-empty pieces of Str between separator
%% clusters. Like OTP, it steps over characters one by one and takes a
%% whole cluster only where a character starts a separator.
lexemes([], _) -> [];
lexemes(S, []) -> [S];
lexemes(S, Seps) when is_list(Seps) -> lexemes_skip(S, Seps, first_chars(Seps), []).

lexemes_skip([C | _] = S, Seps, Firsts, Acc) ->
    case lists:member(C, Firsts) of
        true ->
            {G, T} = gc(S),
            case lists:member(G, Seps) of
                true -> lexemes_skip(T, Seps, Firsts, Acc);
                false -> lexemes_pick(S, Seps, Firsts, [], Acc)
            end;
        false -> lexemes_pick(S, Seps, Firsts, [], Acc)
    end;
lexemes_skip([], _, _, Acc) -> lists:reverse(Acc).

lexemes_pick([C | T] = S, Seps, Firsts, Tok, Acc) ->
    case lists:member(C, Firsts) of
        true ->
            {G, Rest} = gc(S),
            case lists:member(G, Seps) of
                true -> lexemes_skip(Rest, Seps, Firsts, [lists:reverse(Tok) | Acc]);
                false -> lexemes_pick(Rest, Seps, Firsts, push(G, Tok), Acc)
            end;
        false -> lexemes_pick(T, Seps, Firsts, [C | Tok], Acc)
    end;
lexemes_pick([], _, _, Tok, Acc) -> lists:reverse([lists:reverse(Tok) | Acc]).

nth_lexeme(S, 1, []) -> S;
nth_lexeme(S, N, Seps) when is_list(S), is_list(Seps), is_integer(N), N > 0 ->
    nth_or_empty(N, lexemes(S, Seps)).

nth_or_empty(1, [L | _]) -> L;
nth_or_empty(N, [_ | T]) -> nth_or_empty(N - 1, T);
nth_or_empty(_, []) -> [].

%% ---------------------------------------------------------------------
%% Case
%% ---------------------------------------------------------------------

uppercase(S) when is_list(S) -> upper_list(S);
uppercase(S) -> erlang:error({badarg, S}).

%% Latin-1: a-z and 224..254 except 247 (the division sign) move down by
%% 32; 181 (micro) becomes 924, 223 (sharp s) "SS", 255 (y diaeresis) 376.
upper_list([C | T]) when C >= $a, C =< $z -> [C - 32 | upper_list(T)];
upper_list([C | T]) when C >= 224, C =< 254, C =/= 247 -> [C - 32 | upper_list(T)];
upper_list([181 | T]) -> [924 | upper_list(T)];
upper_list([223 | T]) -> [$S, $S | upper_list(T)];
upper_list([255 | T]) -> [376 | upper_list(T)];
upper_list([C | T]) -> [C | upper_list(T)];
upper_list([]) -> [].

lowercase(S) when is_list(S) -> lower_list(S);
lowercase(S) -> erlang:error({badarg, S}).

%% Latin-1: A-Z and 192..222 except 215 (the multiplication sign) move up
%% by 32; 376 (Y diaeresis) becomes 255.
lower_list([C | T]) when C >= $A, C =< $Z -> [C + 32 | lower_list(T)];
lower_list([C | T]) when C >= 192, C =< 222, C =/= 215 -> [C + 32 | lower_list(T)];
lower_list([376 | T]) -> [255 | lower_list(T)];
lower_list([C | T]) -> [C | lower_list(T)];
lower_list([]) -> [].

%% The old API: Latin-1 letters only, characters or lists.
to_upper(S) when is_list(S) -> map_chars(fun upper_char/1, S);
to_upper(C) when is_integer(C) -> upper_char(C).

to_lower(S) when is_list(S) -> map_chars(fun lower_char/1, S);
to_lower(C) when is_integer(C) -> lower_char(C).

upper_char(C) when is_integer(C), C >= $a, C =< $z -> C - 32;
upper_char(C) when is_integer(C), C >= 224, C =< 246 -> C - 32;
upper_char(C) when is_integer(C), C >= 248, C =< 254 -> C - 32;
upper_char(C) -> C.

lower_char(C) when is_integer(C), C >= $A, C =< $Z -> C + 32;
lower_char(C) when is_integer(C), C >= 192, C =< 214 -> C + 32;
lower_char(C) when is_integer(C), C >= 216, C =< 222 -> C + 32;
lower_char(C) -> C.

%% A list comprehension's behaviour: bad_generator on an improper tail.
map_chars(F, [C | T]) -> [F(C) | map_chars(F, T)];
map_chars(_, []) -> [];
map_chars(_, T) -> erlang:error({bad_generator, T}).

%% ---------------------------------------------------------------------
%% Numbers
%% ---------------------------------------------------------------------

%% to_integer(Str): {Int, Rest} for a leading optional sign and digits,
%% else {error, no_integer}; {error, badarg} if Str is not text.
to_integer(S) -> to_number(S, fun int_head/1, "+-0123456789").

%% to_float(Str): {Float, Rest} for a leading [+-]D+[.,]D+([eE][+-]?D+)?,
%% else {error, no_float} (also when it overflows).
to_float(S) -> to_number(S, fun float_head/1, "+-0123456789eE.,").

%% As OTP: the longest prefix made of Alphabet is parsed by Parse, which
%% returns {ok, Number, UnusedPartOfPrefix} or an error. A binary's rest is a
%% binary again (its bytes are handled one by one, which is exact because
%% every character of Alphabet is ASCII).
to_number(S, Parse, Alphabet) when is_binary(S) ->
    case to_number(binary_to_list(S), Parse, Alphabet) of
        {error, _} = Error -> Error;
        {N, Rest} -> {N, list_to_binary(Rest)}
    end;
to_number(S, Parse, Alphabet) when is_list(S) ->
    case is_text(S) of
        flat -> parse_prefix(S, Parse, Alphabet);
        deep -> parse_prefix(lists:flatten(S), Parse, Alphabet);
        false -> {error, badarg}
    end;
to_number(_, _, _) ->
    {error, badarg}.

%% flat for a flat list of characters, deep for a deep one, else false.
is_text(S) -> is_text(S, flat).

is_text([C | T], Kind) when is_integer(C), C >= 0, C =< 1114111 -> is_text(T, Kind);
is_text([L | T], _) when is_list(L) ->
    case is_text(L, deep) of
        false -> false;
        _ -> is_text(T, deep)
    end;
is_text([], Kind) -> Kind;
is_text(_, _) -> false.

parse_prefix(S, Parse, Alphabet) ->
    {Head, Tail} = lists:splitwith(fun(C) -> lists:member(C, Alphabet) end, S),
    case Head of
        [] -> Parse(error);
        _ ->
            case Parse(Head) of
                {ok, N, Unused} -> {N, Unused ++ Tail};
                Error -> Error
            end
    end.

int_head(error) -> {error, no_integer};
int_head([$- | T]) -> int_digits(T, -1);
int_head([$+ | T]) -> int_digits(T, 1);
int_head(T) -> int_digits(T, 1).

int_digits(S, Sign) ->
    case digits(S, []) of
        {[], _} -> {error, no_integer};
        {Ds, Rest} -> {ok, Sign * list_to_integer(Ds), Rest}
    end.

%% digits(S, Acc): the leading decimal digits of S and the rest.
digits([C | T], Acc) when C >= $0, C =< $9 -> digits(T, [C | Acc]);
digits(T, Acc) -> {lists:reverse(Acc), T}.

float_head(error) -> {error, no_float};
float_head([$- | T]) -> float_mantissa(T, "-");
float_head([$+ | T]) -> float_mantissa(T, "");
float_head(T) -> float_mantissa(T, "").

float_mantissa(S, Sign) ->
    case digits(S, []) of
        {[_ | _] = Int, [Point | S1]} when Point =:= $.; Point =:= $, ->
            case digits(S1, []) of
                {[_ | _] = Frac, S2} ->
                    {Exp, Rest} = float_exponent(S2),
                    make_float(Sign ++ Int ++ "." ++ Frac ++ Exp, Rest);
                _ -> {error, no_float}
            end;
        _ -> {error, no_float}
    end.

%% float_exponent(S): {"e[-]Digits", Rest} if S starts with a well-formed
%% exponent, else {"", S}.
float_exponent([E | T] = S) when E =:= $e; E =:= $E ->
    {Sign, T1} = case T of
                     [$- | R] -> {"-", R};
                     [$+ | R] -> {"", R};
                     R -> {"", R}
                 end,
    case digits(T1, []) of
        {[], _} -> {"", S};
        {Ds, Rest} -> {"e" ++ Sign ++ Ds, Rest}
    end;
float_exponent(S) -> {"", S}.

make_float(Text, Rest) ->
    try list_to_float(Text) of
        F -> {ok, F, Rest}
    catch
        error:_ -> {error, no_float}
    end.

%% ---------------------------------------------------------------------
%% The old API, on plain characters
%% ---------------------------------------------------------------------

len(S) -> erlang:length(S).

concat(A, B) -> A ++ B.

chr(S, C) when is_integer(C) -> chr(S, C, 1).

chr([C | _], C, I) -> I;
chr([_ | T], C, I) -> chr(T, C, I + 1);
chr([], _, _) -> 0.

rchr(S, C) when is_integer(C) -> rchr(S, C, 1, 0).

rchr([C | T], C, I, _) -> rchr(T, C, I + 1, I);
rchr([_ | T], C, I, Last) -> rchr(T, C, I + 1, Last);
rchr([], _, _, Last) -> Last.

str(S, Sub) when is_list(Sub) -> str(S, Sub, 1).

str([C | T], [C | Sub] = Pat, I) ->
    case starts_with(Sub, T) of
        true -> I;
        false -> str(T, Pat, I + 1)
    end;
str([_ | T], Pat, I) -> str(T, Pat, I + 1);
str([], _, _) -> 0.

rstr(S, Sub) when is_list(Sub) -> rstr(S, Sub, 1, 0).

rstr([C | T], [C | Sub] = Pat, I, Last) ->
    case starts_with(Sub, T) of
        true -> rstr(T, Pat, I + 1, I);
        false -> rstr(T, Pat, I + 1, Last)
    end;
rstr([_ | T], Pat, I, Last) -> rstr(T, Pat, I + 1, Last);
rstr([], _, _, Last) -> Last.

%% starts_with(Prefix, S): true if S begins with Prefix.
starts_with([C | P], [C | S]) -> starts_with(P, S);
starts_with([], S) when is_list(S) -> true;
starts_with(P, S) when is_list(P), is_list(S) -> false.

span(S, Cs) when is_list(Cs) -> span(S, Cs, 0).

span([C | T], Cs, I) ->
    case lists:member(C, Cs) of
        true -> span(T, Cs, I + 1);
        false -> I
    end;
span([], _, I) -> I.

cspan(S, Cs) when is_list(Cs) -> cspan(S, Cs, 0).

cspan([C | T], Cs, I) ->
    case lists:member(C, Cs) of
        true -> I;
        false -> cspan(T, Cs, I + 1)
    end;
cspan([], _, I) -> I.

substr(S, 1) when is_list(S) -> S;
substr(S, Start) when is_integer(Start), Start > 1 -> skip(S, Start).

substr(S, Start, Len) when is_integer(Start), Start >= 1, is_integer(Len), Len >= 0 ->
    first_n(skip(S, Start), Len).

%% skip(S, Start): S from its Start'th character on; Start may be one past
%% the end.
skip(S, 1) when is_list(S) -> S;
skip([_ | T], Start) -> skip(T, Start - 1).

first_n([C | T], N) when N > 0 -> [C | first_n(T, N - 1)];
first_n(S, _) when is_list(S) -> [].

sub_string(S, Start) -> substr(S, Start).

sub_string(S, Start, Stop) -> substr(S, Start, Stop - Start + 1).

tokens(S, Seps) ->
    case Seps of
        [] ->
            case S of
                [] -> [];
                [_ | _] -> [S]
            end;
        [_ | _] -> tokens_rev(lists:reverse(S), Seps, [], [])
    end.

%% tokens_rev(RevS, Seps, Tok, Toks): walks the string backwards, so the
%% tokens come out in order without a final reverse.
tokens_rev([C | T], Seps, Tok, Toks) ->
    case lists:member(C, Seps) of
        true when Tok =:= [] -> tokens_rev(T, Seps, [], Toks);
        true -> tokens_rev(T, Seps, [], [Tok | Toks]);
        false -> tokens_rev(T, Seps, [C | Tok], Toks)
    end;
tokens_rev([], _, [], Toks) -> Toks;
tokens_rev([], _, Tok, Toks) -> [Tok | Toks].

join([], Sep) when is_list(Sep) -> [];
join([H | T], Sep) -> H ++ join_rest(T, Sep).

join_rest([X], Sep) -> Sep ++ X;
join_rest([X | T], Sep) -> (Sep ++ X) ++ join_rest(T, Sep);
join_rest([], _) -> [];
join_rest(T, _) -> erlang:error({bad_generator, T}).

chars(C, N) -> chars(C, N, []).

chars(C, N, Tail) when N > 0 -> chars(C, N - 1, [C | Tail]);
chars(C, 0, Tail) when is_integer(C) -> Tail.

copies(S, N) when is_list(S), is_integer(N), N >= 0 -> copies(S, N, []).

copies(_, 0, Acc) -> Acc;
copies(S, N, Acc) -> copies(S, N - 1, S ++ Acc).

words(S) -> words(S, $\s).

words(S, Char) when is_integer(Char) -> count_words(strip(S, both, Char), Char, 0).

count_words([], _, N) -> N + 1;
count_words([C | T], C, N) -> count_words(strip(T, left, C), C, N + 1);
count_words([_ | T], C, N) -> count_words(T, C, N).

sub_word(S, Index) -> sub_word(S, Index, $\s).

sub_word(S, Index, Char) when is_integer(Index), is_integer(Char) ->
    case words(S, Char) of
        N when N < Index -> [];
        _ -> nth_word(strip(S, left, Char), Index, Char, 1, [])
    end.

%% nth_word(S, Want, Char, I, Acc): S starts inside word I.
nth_word([], _, _, _, Acc) -> lists:reverse(Acc);
nth_word([Char | _], Want, Char, Want, Acc) -> lists:reverse(Acc);
nth_word([C | T], Want, Char, Want, Acc) -> nth_word(T, Want, Char, Want, [C | Acc]);
nth_word([Char | T], Want, Char, I, Acc) when I < Want ->
    nth_word(strip(T, left, Char), Want, Char, I + 1, Acc);
nth_word([_ | T], Want, Char, I, Acc) when I < Want -> nth_word(T, Want, Char, I, Acc).

strip(S) -> strip(S, both).

strip(S, Dir) -> strip(S, Dir, $\s).

strip(S, left, Char) -> strip_left(S, Char);
strip(S, right, Char) -> strip_right(S, Char);
strip(S, both, Char) -> strip_right(strip_left(S, Char), Char).

strip_left([Char | T], Char) -> strip_left(T, Char);
strip_left([_ | _] = S, Char) when is_integer(Char) -> S;
strip_left([], Char) when is_integer(Char) -> [].

strip_right([Char | T], Char) ->
    case strip_right(T, Char) of
        [] -> [];
        Rest -> [Char | Rest]
    end;
strip_right([C | T], Char) -> [C | strip_right(T, Char)];
strip_right([], Char) when is_integer(Char) -> [].

left(S, Len) when is_integer(Len) -> left(S, Len, $\s).

left(S, Len, Char) when is_integer(Char) ->
    SLen = erlang:length(S),
    if SLen > Len -> substr(S, 1, Len);
       SLen < Len -> S ++ chars(Char, Len - SLen);
       SLen =:= Len -> S
    end.

right(S, Len) when is_integer(Len) -> right(S, Len, $\s).

right(S, Len, Char) when is_integer(Char) ->
    SLen = erlang:length(S),
    if SLen > Len -> substr(S, SLen - Len + 1);
       SLen < Len -> chars(Char, Len - SLen, S);
       SLen =:= Len -> S
    end.

centre(S, Len) when is_integer(Len) -> centre(S, Len, $\s).

centre(S, 0, Char) when is_list(S), is_integer(Char) -> [];
centre(S, Len, Char) when is_integer(Char) ->
    SLen = erlang:length(S),
    if SLen > Len -> substr(S, (SLen - Len) div 2 + 1, Len);
       SLen < Len ->
            N = (Len - SLen) div 2,
            chars(Char, N, S ++ chars(Char, Len - (SLen + N)));
       SLen =:= Len -> S
    end.
