%% timer.erl - the part of OTP's timer module beamlet provides: sleep/1.
-module(timer).

-export([sleep/1]).

%% sleep(Time): suspends the calling process for Time milliseconds (an
%% integer >= 0, or infinity), without touching its mailbox.
sleep(T) ->
    receive
    after T -> ok
    end.
