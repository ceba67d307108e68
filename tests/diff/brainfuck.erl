%% brainfuck.erl - a Brainfuck interpreter with a zipper tape and
%% precomputed bracket jumps, running programs that print text.
-module(brainfuck).
-export([main/0]).

run(Src, Input) ->
    Code = list_to_tuple([C || C <- Src, lists:member(C, "+-<>[].,")]),
    Jumps = jumps(Code),
    exec(1, Code, Jumps, {[], 0, []}, Input, [], 0).

jumps(Code) -> jumps(1, Code, [], []).
jumps(I, Code, _, Acc) when I > tuple_size(Code) -> Acc;
jumps(I, Code, Stack, Acc) ->
    case element(I, Code) of
        $[ -> jumps(I + 1, Code, [I | Stack], Acc);
        $] -> [O | S] = Stack, jumps(I + 1, Code, S, [{O, I}, {I, O} | Acc]);
        _ -> jumps(I + 1, Code, Stack, Acc)
    end.

exec(Pc, Code, _, _, _, Out, Steps) when Pc > tuple_size(Code) -> {lists:reverse(Out), Steps};
exec(Pc, Code, J, {L, C, R} = Tape, In, Out, Steps) ->
    S = Steps + 1,
    case element(Pc, Code) of
        $+ -> exec(Pc + 1, Code, J, {L, (C + 1) band 255, R}, In, Out, S);
        $- -> exec(Pc + 1, Code, J, {L, (C + 255) band 255, R}, In, Out, S);
        $> -> case R of
                  [] -> exec(Pc + 1, Code, J, {[C | L], 0, []}, In, Out, S);
                  [H | T] -> exec(Pc + 1, Code, J, {[C | L], H, T}, In, Out, S)
              end;
        $< -> [H | T] = L, exec(Pc + 1, Code, J, {T, H, [C | R]}, In, Out, S);
        $. -> exec(Pc + 1, Code, J, Tape, In, [C | Out], S);
        $, -> case In of
                  [] -> exec(Pc + 1, Code, J, {L, 0, R}, In, Out, S);
                  [I | Is] -> exec(Pc + 1, Code, J, {L, I, R}, Is, Out, S)
              end;
        $[ when C =:= 0 -> {_, To} = lists:keyfind(Pc, 1, J), exec(To + 1, Code, J, Tape, In, Out, S);
        $] when C =/= 0 -> {_, To} = lists:keyfind(Pc, 1, J), exec(To + 1, Code, J, Tape, In, Out, S);
        _ -> exec(Pc + 1, Code, J, Tape, In, Out, S)
    end.

main() ->
    Hello = "++++++++[>++++[>++>+++>+++>+<<<<-]>+>+>->>+[<]<-]>>.>---.+++++++..+++.>>.<-.<.+++.------.--------.>>+.>++.",
    {Out, Steps} = run(Hello, []),
    io:format("~s(~w steps)~n", [Out, Steps]),
    Rev = ">,[>,]<[.<]",
    {Out2, _} = run(Rev, "stressed"),
    io:format("~s~n", [Out2]),
    Add = ",>,[<+>-]<.",
    {[Sum], _} = run(Add, [30, 12]),
    io:format("~w~n", [Sum]),
    Squares = "++++[>+++++<-]>[<+++++>-]+<+[>[>+>+<<-]++>>[<<+>>-]>>>[-]++>[-]+>>>+[[-]++++++>>>]<<<[[<++++++++<++>>-]+<.<[>----<-]<]<<[>>>>>[>>>[-]+++++++++<[>-<-]+++++++++>[-[<->-]+[<<<]]<[>+<-]>]<<-]<<-]",
    {Out3, _} = run(Squares, []),
    Lines = string:tokens(Out3, "\n"),
    io:format("~w squares, last ~s~n", [length(Lines), lists:last(Lines)]),
    io:format("~s~n", [string:join(lists:sublist(Lines, 12), ",")]),
    ok.
