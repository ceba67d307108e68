%% io_write.erl - io_lib:write/1,2 and io_lib:print/1,4 (the deep lists
%% OTP returns, compared with ~w, so their nesting shows), io:write/1,2.
-module(io_write).
-export([main/0]).

main() ->
    Terms = [{a, [1, 2], "s"}, [1, [2, [3, [4]]]], <<"bin">>, 'Quoted atom', 3.5, -7,
             {[], {}, <<>>, [a | b]}, lists:seq(1, 30), {"a longer string to make ~p break lines", [x, y, z], {deep, [1, 2, 3]}}],
    lists:foreach(
      fun(T) ->
              io:format("write ~w~n", [io_lib:write(T)]),
              io:format("write/2 ~w~n", [io_lib:write(T, 3)]),
              io:format("print ~w~n", [io_lib:print(T)]),
              io:format("print/4 ~w~n", [io_lib:print(T, 10, 40, 4)]),
              io:write(T), io:nl(),
              io:write(standard_io, T), io:nl()
      end, Terms),
    io:format("flat ~s~n", [lists:flatten(io_lib:write({x, "y"}))]),
    io:format("bad device: ~p~n", [element(1, element(2, catch io:write(nodevice, x)))]).
