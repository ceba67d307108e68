%% factorial.s - generated from erl/factorial.erl by examples/regen.sh
%% (erlc -S output with its type annotations and module_info removed).
{module, factorial}.  %% version = 0

{exports, [{main,0}]}.

{attributes, []}.

{labels, 10}.

{function, fact, 1, 2}.
  {label,1}.
    {line,[{location,"erl/factorial.erl",4}]}.
    {func_info,{atom,factorial},{atom,fact},1}.
  {label,2}.
    {test,is_eq_exact,{f,3},[{x,0},{integer,0}]}.
    {move,{integer,1},{x,0}}.
    return.
  {label,3}.
    {test,is_lt,{f,1},[{integer,0},{x,0}]}.
    {line,[{location,"erl/factorial.erl",5}]}.
    {gc_bif,'-',{f,0},1,[{x,0},{integer,1}],{x,1}}.
    {allocate,1,2}.
    {move,{x,0},{y,0}}.
    {move,{x,1},{x,0}}.
    {call,1,{f,2}}. % fact/1
    {gc_bif,'*',
            {f,0},
            1,
            [{y,0},{x,0}],
            {x,0}}.
    {deallocate,1}.
    return.

{function, main, 0, 5}.
  {label,4}.
    {line,[{location,"erl/factorial.erl",7}]}.
    {func_info,{atom,factorial},{atom,main},0}.
  {label,5}.
    {allocate,1,0}.
    {init_yregs,{list,[{y,0}]}}.
    {move,{integer,100},{x,0}}.
    {line,[{location,"erl/factorial.erl",8}]}.
    {call,1,{f,2}}. % fact/1
    {test_heap,2,1}.
    {put_list,{x,0},nil,{x,1}}.
    {move,{x,0},{y,0}}.
    {move,{literal,"100! = ~p~n"},{x,0}}.
    {line,[{location,"erl/factorial.erl",9}]}.
    {call_ext,2,{extfunc,io,format,2}}.
    {move,{y,0},{x,0}}.
    {init_yregs,{list,[{y,0}]}}.
    {line,[{location,"erl/factorial.erl",10}]}.
    {call_ext,1,{extfunc,erlang,integer_to_list,1}}.
    {gc_bif,length,{f,0},1,[{x,0}],{x,0}}.
    {test_heap,2,1}.
    {put_list,{x,0},nil,{x,1}}.
    {move,{literal,"digits: ~p~n"},{x,0}}.
    {call_ext,2,{extfunc,io,format,2}}.
    {move,{integer,25},{x,0}}.
    {line,[{location,"erl/factorial.erl",11}]}.
    {call,1,{f,2}}. % fact/1
    {move,{x,0},{y,0}}.
    {move,{integer,20},{x,0}}.
    {call,1,{f,2}}. % fact/1
    {gc_bif,'div',
            {f,0},
            1,
            [{y,0},{x,0}],
            {x,0}}.
    {test_heap,2,1}.
    {put_list,{x,0},nil,{x,1}}.
    {trim,1,0}.
    {move,{literal,"~p~n"},{x,0}}.
    {call_ext,2,{extfunc,io,format,2}}.
    {move,{integer,30},{x,0}}.
    {line,[{location,"erl/factorial.erl",12}]}.
    {call,1,{f,2}}. % fact/1
    {gc_bif,'-',{f,0},1,[{x,0}],{x,0}}.
    {gc_bif,'rem',
            {f,0},
            1,
            [{x,0},{integer,1000007}],
            {x,0}}.
    {test_heap,2,1}.
    {put_list,{x,0},nil,{x,1}}.
    {move,{literal,"~p~n"},{x,0}}.
    {call_ext_last,2,{extfunc,io,format,2},0}.
