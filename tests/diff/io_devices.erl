%% io_devices.erl - io:format/3, io:fwrite/3, io:put_chars/2 and io:nl/1
%% on the standard devices (standard_io and user on stdout, standard_error
%% on stderr, which the suite does not compare), and badarg-like failure
%% for a device that is not one.
-module(io_devices).
-export([main/0]).

main() ->
    ok = io:format(standard_io, "std ~p ~s~n", [1, "two"]),
    ok = io:format(user, "user ~w~n", [{3, four}]),
    ok = io:fwrite(standard_io, "fwrite ~b~n", [5]),
    ok = io:format(standard_error, "to stderr ~p~n", [error_text]),
    ok = io:put_chars(standard_io, ["chars ", <<"bin">>, $\n]),
    ok = io:put_chars(standard_error, "stderr chars\n"),
    ok = io:nl(standard_io),
    ok = io:nl(standard_error),
    ok = io:format(standard_io, "no args~n", []),
    R = (catch io:format(no_such_device, "x", [])),
    io:format("unknown device fails: ~p~n", [element(1, R)]).
