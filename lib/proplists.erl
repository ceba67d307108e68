%% proplists.erl - property lists for beamlet, written in the Erlang subset
%% that beamlet's compiler accepts.
%%
%% A property list holds entries {Key, Value} (or longer tuples, whose
%% first element is the key) and atoms, an atom A standing for {A, true}.
%% The first entry for a key wins; keys are matched exactly (=:=). Results
%% and errors follow Erlang/OTP 25's proplists.
-module(proplists).

-export([get_value/2, get_value/3, get_all_values/2, append_values/2, lookup/2,
         lookup_all/2, is_defined/2, get_bool/2, get_keys/1, delete/2,
         property/1, property/2, compact/1, unfold/1]).

%% True if entry P is for Key.
is_key(Key, P) when is_atom(P) -> P =:= Key;
is_key(Key, P) when is_tuple(P), tuple_size(P) >= 1 -> element(1, P) =:= Key;
is_key(_, _) -> false.

get_value(Key, List) -> get_value(Key, List, undefined).

%% The value of the first entry for Key: true for a bare atom, V for
%% {Key, V}, Default for a longer tuple or when there is no entry.
get_value(Key, [P | Ps], Default) ->
    case is_key(Key, P) of
        true when is_atom(P) -> true;
        true ->
            case P of
                {_, V} -> V;
                _ -> Default
            end;
        false -> get_value(Key, Ps, Default)
    end;
get_value(_, [], Default) -> Default.

%% get_all_values(Key, List): the values of all entries {Key, V}, and
%% true for each bare atom Key.
get_all_values(Key, [P | Ps]) ->
    case is_key(Key, P) of
        true when is_atom(P) -> [true | get_all_values(Key, Ps)];
        true ->
            case P of
                {_, V} -> [V | get_all_values(Key, Ps)];
                _ -> get_all_values(Key, Ps)
            end;
        false -> get_all_values(Key, Ps)
    end;
get_all_values(_, []) -> [].

%% append_values(Key, List): the values of all entries for Key appended,
%% a value that is not a list counting as a list of itself.
append_values(Key, [P | Ps]) ->
    case is_key(Key, P) of
        true when is_atom(P) -> [true | append_values(Key, Ps)];
        true ->
            case P of
                {_, V} when is_list(V) -> V ++ append_values(Key, Ps);
                {_, V} -> [V | append_values(Key, Ps)];
                _ -> append_values(Key, Ps)
            end;
        false -> append_values(Key, Ps)
    end;
append_values(_, []) -> [].

%% lookup(Key, List): the first entry for Key as a tuple, or none.
lookup(Key, [P | Ps]) ->
    case is_key(Key, P) of
        true when is_atom(P) -> {P, true};
        true -> P;
        false -> lookup(Key, Ps)
    end;
lookup(_, []) -> none.

lookup_all(Key, [P | Ps]) ->
    case is_key(Key, P) of
        true when is_atom(P) -> [{P, true} | lookup_all(Key, Ps)];
        true -> [P | lookup_all(Key, Ps)];
        false -> lookup_all(Key, Ps)
    end;
lookup_all(_, []) -> [].

is_defined(Key, [P | Ps]) ->
    case is_key(Key, P) of
        true -> true;
        false -> is_defined(Key, Ps)
    end;
is_defined(_, []) -> false.

%% get_bool(Key, List): true if the first entry for Key is Key or
%% {Key, true}, false otherwise.
get_bool(Key, List) ->
    case lookup(Key, List) of
        {_, true} -> true;
        _ -> false
    end.

%% get_keys(List): the keys used in List, each once, in term order.
get_keys(List) -> lists:usort(keys(List)).

keys([P | Ps]) when is_atom(P) -> [P | keys(Ps)];
keys([P | Ps]) when is_tuple(P), tuple_size(P) >= 1 -> [element(1, P) | keys(Ps)];
keys([_ | Ps]) -> keys(Ps);
keys([]) -> [].

delete(Key, [P | Ps]) ->
    case is_key(Key, P) of
        true -> delete(Key, Ps);
        false -> [P | delete(Key, Ps)]
    end;
delete(_, []) -> [].

property({Key, true}) when is_atom(Key) -> Key;
property(P) -> P.

property(Key, true) when is_atom(Key) -> Key;
property(Key, Value) -> {Key, Value}.

compact(List) -> [property(P) || P <- List].

unfold([P | Ps]) when is_atom(P) -> [{P, true} | unfold(Ps)];
unfold([P | Ps]) -> [P | unfold(Ps)];
unfold([]) -> [].
