%% regex.erl - a backtracking matcher for a small regular expression
%% language (literals . * + ? ^ $ [abc] [a-z] [^x]), compiled to a list.
-module(regex).
-export([main/0]).

compile([]) -> [];
compile([$[ | T]) ->
    {Set, Rest} = class(T),
    quant(Set, Rest);
compile([$. | T]) -> quant(any, T);
compile([$$]) -> [eol];
compile([$\\, C | T]) -> quant({char, C}, T);
compile([C | T]) -> quant({char, C}, T).

quant(Atom, [$* | T]) -> [{star, Atom} | compile(T)];
quant(Atom, [$+ | T]) -> [Atom, {star, Atom} | compile(T)];
quant(Atom, [$? | T]) -> [{opt, Atom} | compile(T)];
quant(Atom, T) -> [Atom | compile(T)].

class([$^ | T]) -> {Items, R} = items(T, []), {{nset, Items}, R};
class(T) -> {Items, R} = items(T, []), {{set, Items}, R}.
items([$] | T], Acc) -> {lists:reverse(Acc), T};
items([A, $-, B | T], Acc) when B =/= $] -> items(T, [{A, B} | Acc]);
items([C | T], Acc) -> items(T, [{C, C} | Acc]).

one(any, C) -> C =/= $\n;
one({char, X}, C) -> X =:= C;
one({set, Items}, C) -> lists:any(fun({A, B}) -> C >= A andalso C =< B end, Items);
one({nset, Items}, C) -> not one({set, Items}, C).

%% match at position: returns {true, Rest} with the longest-first backtracking
m([], S) -> {true, S};
m([eol], S) -> case S of [] -> {true, []}; _ -> false end;
m([{star, A} | P], S) -> star(A, P, S);
m([{opt, A} | P], [C | S] = S0) ->
    case one(A, C) andalso m(P, S) of
        {true, R} -> {true, R};
        _ -> m(P, S0)
    end;
m([{opt, _} | P], []) -> m(P, []);
m([A | P], [C | S]) -> case one(A, C) of true -> m(P, S); false -> false end;
m(_, []) -> false.

star(A, P, [C | S] = S0) ->
    case one(A, C) andalso star(A, P, S) of
        {true, R} -> {true, R};
        _ -> m(P, S0)
    end;
star(_, P, []) -> m(P, []).

search([$^ | Re], S) -> case m(compile(Re), S) of {true, R} -> {0, length(S) - length(R)}; false -> nomatch end;
search(Re, S) -> search_from(compile(Re), S, 0).
search_from(P, S, I) ->
    case m(P, S) of
        {true, R} -> {I, length(S) - length(R)};
        false -> case S of [] -> nomatch; [_ | T] -> search_from(P, T, I + 1) end
    end.

show(Re, S) ->
    case search(Re, S) of
        nomatch -> io:format("~-14s ~-24s no match~n", [Re, S]);
        {Pos, Len} -> io:format("~-14s ~-24s at ~2w: ~p~n", [Re, S, Pos, lists:sublist(S, Pos + 1, Len)])
    end.

main() ->
    io:format("~p~n", [compile("a[b-d]*x?.$")]),
    Cases = [{"abc", "xxabcxx"}, {"a.c", "abc adc aXc"}, {"ab*c", "ac"}, {"ab*c", "abbbbc"},
             {"ab+c", "ac"}, {"ab+c", "zabbc"}, {"colou?r", "my color"}, {"colou?r", "colour!"},
             {"^hello", "hello world"}, {"^world", "hello world"}, {"world$", "hello world"},
             {"[0-9]+", "order 66 now"}, {"[^ ]+", "   word  "}, {"x*", "yyy"}, {"[a-c]+d", "aabbccd"},
             {"a.*b", "a123b456b"}, {"\\.", "end."}, {"[A-Z][a-z]*", "hello World"}],
    lists:foreach(fun({Re, S}) -> show(Re, S) end, Cases),
    ok.
