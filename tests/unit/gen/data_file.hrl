%% data_file.hrl - included by the generators beside it: writes one data file
%% of tests/unit/data/ in the format its README.md describes. Every record
%% is a list of fields (character lists, any code points, written as
%% UTF-8); a newline in the last field becomes a continuation line that
%% starts with a TAB; the file ends with "end<TAB>N", N the number of
%% records above it, so that a truncated file fails the test reading it.

-compile({nowarn_unused_function, [{beside, 1}, {source_lines, 1}]}).

write_data(Path, Header, Records) ->
    Body = [record(R) || R <- Records],
    End = ["end\t", integer_to_list(length(Records)), "\n"],
    Text = [[["# ", L, "\n"] || L <- Header], Body, End],
    ok = file:write_file(Path, unicode:characters_to_binary(Text)).

%% One record: a first field that cannot be read as a comment, a blank line
%% or a continuation, and no TAB or newline where the format cannot hold it.
record([First | _] = Fields) ->
    {Init, [Last]} = lists:split(length(Fields) - 1, Fields),
    ok = check(First =/= "" andalso hd(First) =/= $#, Fields),
    [ok = check(not lists:member(C, "\t\n"), Fields) || F <- Init, C <- F],
    [ok = check(C =/= $\t, Fields) || C <- Last],
    [[[F, $\t] || F <- Init], lists:join("\n\t", string:split(Last, "\n", all)), $\n].

check(true, _) -> ok;
check(false, Fields) -> erlang:error({cannot_write_record, Fields}).

%% A file beside this one, whatever the current directory.
beside(Name) ->
    filename:join(filename:dirname(escript:script_name()), Name).

%% The lines of a source list beside this one, without comments and blanks.
source_lines(Name) ->
    {ok, Bin} = file:read_file(beside(Name)),
    [L || L <- string:split(unicode:characters_to_list(Bin), "\n", all),
          L =/= "", hd(L) =/= $#].
