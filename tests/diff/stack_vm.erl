%% stack_vm.erl - a small stack machine interpreter with jumps, calls and
%% a compiler from arithmetic expressions to its code.
-module(stack_vm).
-export([main/0]).

%% instructions: {push, N} | add | sub | mul | divi | dup | swap | drop |
%% {jz, L} | {jmp, L} | {call, L} | ret | {load, V} | {store, V} | print | halt

run(Code) -> exec(1, list_to_tuple(Code), [], [], [], 0, []).

exec(Pc, Code, Stack, Calls, Env, Steps, Out) when Steps > 100000 ->
    {step_limit, Pc, Stack, Calls, Env, lists:reverse(Out), Code};
exec(Pc, Code, Stack, Calls, Env, Steps, Out) ->
    S = Steps + 1,
    case element(Pc, Code) of
        {push, N} -> exec(Pc + 1, Code, [N | Stack], Calls, Env, S, Out);
        add -> [B, A | R] = Stack, exec(Pc + 1, Code, [A + B | R], Calls, Env, S, Out);
        sub -> [B, A | R] = Stack, exec(Pc + 1, Code, [A - B | R], Calls, Env, S, Out);
        mul -> [B, A | R] = Stack, exec(Pc + 1, Code, [A * B | R], Calls, Env, S, Out);
        divi -> [B, A | R] = Stack, exec(Pc + 1, Code, [A div B | R], Calls, Env, S, Out);
        dup -> [A | R] = Stack, exec(Pc + 1, Code, [A, A | R], Calls, Env, S, Out);
        swap -> [A, B | R] = Stack, exec(Pc + 1, Code, [B, A | R], Calls, Env, S, Out);
        drop -> [_ | R] = Stack, exec(Pc + 1, Code, R, Calls, Env, S, Out);
        {jz, L} ->
            [A | R] = Stack,
            Next = case A of 0 -> L; _ -> Pc + 1 end,
            exec(Next, Code, R, Calls, Env, S, Out);
        {jmp, L} -> exec(L, Code, Stack, Calls, Env, S, Out);
        {call, L} -> exec(L, Code, Stack, [Pc + 1 | Calls], Env, S, Out);
        ret -> [Ret | Cs] = Calls, exec(Ret, Code, Stack, Cs, Env, S, Out);
        {load, V} -> {V, X} = lists:keyfind(V, 1, Env), exec(Pc + 1, Code, [X | Stack], Calls, Env, S, Out);
        {store, V} -> [A | R] = Stack, exec(Pc + 1, Code, R, Calls, lists:keystore(V, 1, Env, {V, A}), S, Out);
        print -> [A | _] = Stack, exec(Pc + 1, Code, Stack, Calls, Env, S, [A | Out]);
        halt -> {halted, Stack, lists:reverse(Out), S}
    end.

%% compile {add, A, B} style trees to code
compile(N) when is_integer(N) -> [{push, N}];
compile({var, V}) -> [{load, V}];
compile({Op, A, B}) -> compile(A) ++ compile(B) ++ [op(Op)].
op('+') -> add;
op('-') -> sub;
op('*') -> mul;
op('/') -> divi.

main() ->
    io:format("~p~n", [run([{push, 2}, {push, 3}, add, {push, 4}, mul, print, halt])]),
    %% factorial of 10 with a loop: n=10, acc=1; while n: acc*=n, n-=1
    Fact = [{push, 10}, {store, n}, {push, 1}, {store, acc},
            {load, n}, {jz, 17},
            {load, acc}, {load, n}, mul, {store, acc},
            {load, n}, {push, 1}, sub, {store, n},
            {jmp, 5}, halt,
            {load, acc}, print, halt],
    io:format("~p~n", [run(Fact)]),
    %% a subroutine that squares the top of the stack, called three times
    Sq = [{push, 3}, {call, 9}, print, {call, 9}, print, {call, 9}, print, halt,
          dup, mul, ret],
    io:format("~p~n", [run(Sq)]),
    Expr = {'+', {'*', 3, {var, x}}, {'-', {'/', 100, {var, y}}, 7}},
    Code = [{push, 6}, {store, x}, {push, 4}, {store, y}] ++ compile(Expr) ++ [print, halt],
    io:format("~p~n", [Code]),
    io:format("~p~n", [run(Code)]),
    io:format("~p~n", [element(1, run([{jmp, 1}]))]),
    Crash = try run([{push, 1}, add]) catch error:{badmatch, V} -> {stack_underflow, V} end,
    io:format("~p~n", [Crash]),
    %% fibonacci numbers printed by a loop
    Fib = [{push, 0}, {store, a}, {push, 1}, {store, b}, {push, 15}, {store, k},
           {load, k}, {jz, 24},
           {load, a}, print, drop,
           {load, a}, {load, b}, add, {load, b}, {store, a}, {store, b},
           {load, k}, {push, 1}, sub, {store, k}, {jmp, 7}, halt, halt],
    {halted, _, Printed, Steps} = run(Fib),
    io:format("~w in ~w steps~n", [Printed, Steps]),
    ok.
