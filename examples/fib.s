%% fib.s - generated from erl/fib.erl by examples/regen.sh
%% (erlc -S output with its type annotations and module_info removed).
{module, fib}.  %% version = 0

{exports, [{fib,1},{main,0}]}.

{attributes, []}.

{labels, 10}.

{function, fib, 1, 2}.
  {label,1}.
    {line,[{location,"erl/fib.erl",4}]}.
    {func_info,{atom,fib},{atom,fib},1}.
  {label,2}.
    {test,is_lt,{f,3},[{x,0},{integer,2}]}.
    return.
  {label,3}.
    {line,[{location,"erl/fib.erl",5}]}.
    {gc_bif,'-',{f,0},1,[{x,0},{integer,1}],{x,1}}.
    {allocate,1,2}.
    {move,{x,0},{y,0}}.
    {move,{x,1},{x,0}}.
    {call,1,{f,2}}. % fib/1
    {gc_bif,'-',{f,0},1,[{y,0},{integer,2}],{x,1}}.
    {move,{x,0},{y,0}}.
    {move,{x,1},{x,0}}.
    {call,1,{f,2}}. % fib/1
    {gc_bif,'+',{f,0},1,[{y,0},{x,0}],{x,0}}.
    {deallocate,1}.
    return.

{function, main, 0, 5}.
  {label,4}.
    {line,[{location,"erl/fib.erl",7}]}.
    {func_info,{atom,fib},{atom,main},0}.
  {label,5}.
    {allocate,0,0}.
    {move,{integer,30},{x,0}}.
    {line,[{location,"erl/fib.erl",8}]}.
    {call,1,{f,2}}. % fib/1
    {test_heap,2,1}.
    {put_list,{x,0},nil,{x,1}}.
    {move,{literal,"fib(30) = ~p~n"},{x,0}}.
    {call_ext_last,2,{extfunc,io,format,2},0}.
