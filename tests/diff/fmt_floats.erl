%% fmt_floats.erl - ~f ~e ~g ~w ~p of floats: precision, rounding,
%% small and large magnitudes, negative zero, shortest round trip.
-module(fmt_floats).
-export([main/0]).

main() ->
    Fs = [0.0, 1.0, -1.0, 0.1, 0.5, 1.5, 2.5, 1/3, 2/3, 100.0, 123.456, -0.001,
          1.0e10, 1.0e-10, 6.02214076e23, 1.602176634e-19, 3.141592653589793,
          2.718281828459045, 1.0e100, 9.999999, 0.05, 0.15, 0.25, 0.35, 1.0e15,
          1.0e16, 123456789012345678.0, 5.0e-324, 1.7976931348623157e308],
    lists:foreach(fun(F) ->
        io:format("~w | ~p | ~f | ~e | ~g~n", [F, F, F, F, F])
    end, Fs),
    lists:foreach(fun(P) ->
        io:format("~w: ~.*f ~.*e ~.*g~n", [P, P, 3.14159265, P, 3.14159265, P, 3.14159265])
    end, [2, 3, 5, 8, 12]),
    io:format("~.1f ~.1f ~.1f ~.1f~n", [0.5, 1.5, 2.5, -0.5]),
    io:format("~.1f ~.1f ~.1f~n", [0.05, 0.15, 0.25]),
    io:format("~.2e ~.2e~n", [9.995, 0.0]),
    io:format("~.3g ~.3g ~.3g ~.3g~n", [0.0001, 1234.5, 12345.0, 0.1]),
    io:format("~w ~w ~w~n", [float(1 bsl 53), float(1 bsl 60), 1.0e22]),
    io:format("~w ~w~n", [-0.0, 0.0 * -1]),
    io:format("~p~n", [[1.0, 2.5, -3.75, 1.0e-5]]),
    io:format("~w~n", [{1.1, 2.2, 3.3000000000000003}]),
    io:format("~s ~s~n", [float_to_list(1.5), float_to_list(0.1)]),
    io:format("~w ~w ~w~n", [0.1 + 0.2, 1.0 / 3.0, 10.0 / 4]),
    io:format("~w ~w ~w ~w~n", [round(2.5), round(-2.5), trunc(-2.7), trunc(2.7)]),
    io:format("~w ~w~n", [float(7), 7 / 7]),
    ok.
