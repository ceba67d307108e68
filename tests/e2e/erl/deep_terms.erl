%% deep_terms.erl - terms nested a million deep printed with ~w, ~p, ~W,
%% ~P and io_lib:format (the printer must not recurse in C once per
%% level), and terms nested a few hundred deep whose ~p layout breaks
%% lines (tagged tuples, improper tails, mixed nests), printed whole.
-module(deep_terms).
-export([main/0]).

lnest(0, A) -> A;
lnest(N, A) -> lnest(N - 1, [A]).

tnest(0, A) -> A;
tnest(N, A) -> tnest(N - 1, {A}).

pairs(0, A) -> A;
pairs(N, A) -> pairs(N - 1, [N, A]).

tagged(0, A) -> A;
tagged(N, A) -> tagged(N - 1, {tag, N, A}).

improper(0, A) -> A;
improper(N, A) -> improper(N - 1, [N | {x, A}]).

mixed(0, A) -> A;
mixed(N, A) when N rem 3 =:= 0 -> mixed(N - 1, {A, N});
mixed(N, A) when N rem 3 =:= 1 -> mixed(N - 1, [A, "str"]);
mixed(N, A) -> mixed(N - 1, {long_tag_name_here, A, <<"bin">>}).

%% The deepest nesting of a deep list.
depth(L) when is_list(L) -> 1 + lists:max([0 | [depth(E) || E <- L]]);
depth(_) -> 0.

%% The length of a text and its first and last 30 characters.
summary(Name, Deep) ->
    S = lists:flatten(Deep),
    N = length(S),
    io:format("~s: ~w chars, nested ~w, ~s ... ~s~n",
              [Name, N, depth(Deep), lists:sublist(S, 30), lists:nthtail(N - 30, S)]).

%% io_lib:format(Control, [T | More]) for each {Control, More}, summed up.
big(Name, T, Controls) ->
    [summary(Name ++ " " ++ C, io_lib:format(C, [T | More])) || {C, More} <- Controls].

main() ->
    %% ~p only where the layout stays on one line: a nest whose lists and
    %% tuples hold more than one element breaks a line per level, indented
    %% one more column each time (text quadratic in the depth, on erl too).
    big("list", lnest(1000000, x), [{"~w", []}, {"~p", []}, {"~W", [20]}, {"~P", [20]}]),
    big("tuple", tnest(1000000, x), [{"x ~60p", []}, {"~W", [20]}]),
    big("pairs", pairs(200000, x), [{"~w", []}, {"~P", [30]}]),
    big("tagged", tagged(200000, x), [{"~w", []}, {"~W", [30]}]),
    io:format("~p~n~p~n~p~n~p~n", [pairs(150, x), tagged(150, x), improper(150, x), mixed(150, x)]),
    io:format("~P~n~P~n", [tagged(150, x), 40, mixed(150, x), 40]),
    summary("io_lib ~p", io_lib:format("~p", [mixed(300, x)])).
