%% alloc.s - generated from erl/alloc.erl by examples/regen.sh
%% (erlc -S output with its type annotations and module_info removed).
{module, alloc}.  %% version = 0

{exports, [{main,0},{main,1}]}.

{attributes, []}.

{labels, 18}.

{function, build, 2, 2}.
  {label,1}.
    {line,[{location,"erl/alloc.erl",7}]}.
    {func_info,{atom,alloc},{atom,build},2}.
  {label,2}.
    {test,is_eq_exact,{f,3},[{x,0},{integer,0}]}.
    {move,{x,1},{x,0}}.
    return.
  {label,3}.
    {line,[{location,"erl/alloc.erl",8}]}.
    {gc_bif,'-',{f,0},2,[{x,0},{integer,1}],{x,2}}.
    {test_heap,2,3}.
    {put_list,{x,0},{x,1},{x,1}}.
    {move,{x,2},{x,0}}.
    {call_only,2,{f,2}}. % build/2

{function, sum, 2, 5}.
  {label,4}.
    {line,[{location,"erl/alloc.erl",10}]}.
    {func_info,{atom,alloc},{atom,sum},2}.
  {label,5}.
    {test,is_nonempty_list,{f,6},[{x,0}]}.
    {get_list,{x,0},{x,2},{x,0}}.
    {line,[{location,"erl/alloc.erl",11}]}.
    {gc_bif,'+',
            {f,0},
            3,
            [{x,1},{x,2}],
            {x,1}}.
    {call_only,2,{f,5}}. % sum/2
  {label,6}.
    {move,{x,1},{x,0}}.
    return.

{function, loop, 2, 8}.
  {label,7}.
    {line,[{location,"erl/alloc.erl",13}]}.
    {func_info,{atom,alloc},{atom,loop},2}.
  {label,8}.
    {test,is_eq_exact,{f,9},[{x,0},{integer,0}]}.
    {move,{x,1},{x,0}}.
    return.
  {label,9}.
    {allocate,2,2}.
    {move,{x,1},{y,0}}.
    {move,{x,0},{y,1}}.
    {move,nil,{x,1}}.
    {move,{integer,1000},{x,0}}.
    {line,[{location,"erl/alloc.erl",15}]}.
    {call,2,{f,2}}. % build/2
    {line,[{location,"erl/alloc.erl",16}]}.
    {gc_bif,'-',{f,0},1,[{y,1},{integer,1}],{y,1}}.
    {move,{integer,0},{x,1}}.
    {call,2,{f,5}}. % sum/2
    {gc_bif,'+',
            {f,0},
            1,
            [{y,0},{x,0}],
            {x,1}}.
    {move,{y,1},{x,0}}.
    {call_last,2,{f,8},2}. % loop/2

{function, main, 0, 11}.
  {label,10}.
    {line,[{location,"erl/alloc.erl",18}]}.
    {func_info,{atom,alloc},{atom,main},0}.
  {label,11}.
    {move,{literal,["200"]},{x,0}}.
    {call_only,1,{f,13}}. % main/1

{function, main, 1, 13}.
  {label,12}.
    {line,[{location,"erl/alloc.erl",20}]}.
    {func_info,{atom,alloc},{atom,main},1}.
  {label,13}.
    {test,is_nonempty_list,{f,12},[{x,0}]}.
    {get_list,{x,0},{x,1},{x,2}}.
    {test,is_nil,{f,12},[{x,2}]}.
    {allocate,1,2}.
    {init_yregs,{list,[{y,0}]}}.
    {move,{x,1},{x,0}}.
    {line,[{location,"erl/alloc.erl",21}]}.
    {call_ext,1,{extfunc,erlang,list_to_integer,1}}.
    {move,{x,0},{y,0}}.
    {move,{integer,0},{x,1}}.
    {line,[{location,"erl/alloc.erl",22}]}.
    {call,2,{f,8}}. % loop/2
    {line,[{location,"erl/alloc.erl",24}]}.
    {gc_bif,'*',{f,0},1,[{y,0},{integer,1000}],{x,1}}.
    {gc_bif,'*',{f,0},2,[{x,1},{integer,16}],{x,1}}.
    {gc_bif,'div',{f,0},2,[{x,1},{integer,1000000}],{x,1}}.
    {test_heap,6,2}.
    {put_list,{x,1},nil,{x,1}}.
    {put_list,{x,0},{x,1},{x,0}}.
    {put_list,{y,0},{x,0},{x,1}}.
    {move,{literal,"~p rounds, checksum ~p, ~p MB allocated~n"},{x,0}}.
    {line,[{location,"erl/alloc.erl",23}]}.
    {call_ext_last,2,{extfunc,io,format,2},1}.
