%% count.s - generated from erl/count.erl by examples/regen.sh
%% (erlc -S output with its type annotations and module_info removed).
{module, count}.  %% version = 0

{exports, [{main,0},{main,1}]}.

{attributes, []}.

{labels, 12}.

{function, loop, 2, 2}.
  {label,1}.
    {line,[{location,"erl/count.erl",5}]}.
    {func_info,{atom,count},{atom,loop},2}.
  {label,2}.
    {test,is_eq_exact,{f,3},[{x,0},{integer,0}]}.
    {move,{x,1},{x,0}}.
    return.
  {label,3}.
    {line,[{location,"erl/count.erl",6}]}.
    {gc_bif,'-',{f,0},2,[{x,0},{integer,1}],{x,0}}.
    {gc_bif,'+',{f,0},2,[{x,1},{integer,1}],{x,1}}.
    {call_only,2,{f,2}}. % loop/2

{function, main, 0, 5}.
  {label,4}.
    {line,[{location,"erl/count.erl",8}]}.
    {func_info,{atom,count},{atom,main},0}.
  {label,5}.
    {move,{literal,["100000000"]},{x,0}}.
    {call_only,1,{f,7}}. % main/1

{function, main, 1, 7}.
  {label,6}.
    {line,[{location,"erl/count.erl",10}]}.
    {func_info,{atom,count},{atom,main},1}.
  {label,7}.
    {test,is_nonempty_list,{f,6},[{x,0}]}.
    {get_list,{x,0},{x,1},{x,2}}.
    {test,is_nil,{f,6},[{x,2}]}.
    {allocate,0,2}.
    {move,{x,1},{x,0}}.
    {line,[{location,"erl/count.erl",11}]}.
    {call_ext,1,{extfunc,erlang,list_to_integer,1}}.
    {move,{integer,0},{x,1}}.
    {call,2,{f,2}}. % loop/2
    {test_heap,2,1}.
    {put_list,{x,0},nil,{x,1}}.
    {move,{literal,"~p~n"},{x,0}}.
    {call_ext_last,2,{extfunc,io,format,2},0}.
