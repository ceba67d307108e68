%% escapes.erl - string and character escapes in the source and how ~p,
%% ~w and ~s print control and latin1 characters.
-module(escapes).
-export([main/0]).

main() ->
    S = "tab\there\nnewline \"quoted\" back\\slash \'single\' \e\b\f\v\r\s\d",
    io:format("~w~n", [S]),
    io:format("~p~n", [S]),
    io:format("~w~n", [[$\n, $\t, $\\, $\", $\', $\s, $\e, $\d, $\0, $\177]]),
    io:format("~w~n", ["\101\102\x43\x{44}\^a\^z\^["]),
    io:format("~p~n", ["\101\102\x43\x{44}"]),
    io:format("~p~n", [[7, 8, 9, 10, 11, 12, 13, 27, 127]]),
    io:format("~p~n", ["bell\7 nul\0 del\177"]),
    io:format("~p~n", ["caf\x{e9} na\x{ef}ve \x{a3}5 \x{bf}qu\x{e9}?"]),
    io:format("~w~n", ["caf\x{e9}"]),
    io:format("~s~n", ["caf\x{e9}"]),
    io:format("~p~n", [[160, 161, 255]]),
    io:format("~p~n", [[128, 159]]),
    io:format("~p ~p~n", ['atom with\nnewline', 'tab\there']),
    io:format("~p ~p~n", ['\'quoted\'', 'back\\slash']),
    io:format("~p~n", [<<"bin\n\t\"x\"">>]),
    io:format("~p~n", [{"nested \"string\"", ["\\"]}]),
    io:format("~s|~n", ["line1\nline2\ttabbed"]),
    io:format("~p~n", [[$a, $b | "cd"]]),
    io:format("~p ~p ~p~n", [$a, $\n, $\x{7f}]),
    io:format("~c~c~c~n", [$\x{48}, $\151, $!]),
    io:format("~p~n", ["multi" "part" " string" " literal"]),
    io:format("~p~n", [length("\x{e9}\n\t")]),
    io:format("~w~n", ['\x{e9}t\x{e9}']),
    io:format("~p~n", ["\s\s"]),
    ok.
