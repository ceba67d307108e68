%% exceptions.s - generated from erl/exceptions.erl by examples/regen.sh
%% (erlc -S output with its type annotations and module_info removed).
{module, exceptions}.  %% version = 0

{exports, [{main,0}]}.

{attributes, []}.

{labels, 30}.

{function, safe_div, 2, 2}.
  {label,1}.
    {line,[{location,"erl/exceptions.erl",4}]}.
    {func_info,{atom,exceptions},{atom,safe_div},2}.
  {label,2}.
    {allocate,1,2}.
    {'try',{y,0},{f,3}}.
    {line,[{location,"erl/exceptions.erl",5}]}.
    {gc_bif,'div',
            {f,0},
            2,
            [{x,0},{x,1}],
            {x,0}}.
    {try_end,{y,0}}.
    {test_heap,3,1}.
    {put_tuple2,{x,0},{list,[{atom,ok},{x,0}]}}.
    {deallocate,1}.
    return.
  {label,3}.
    {try_case,{y,0}}.
    {test,is_eq_exact,
          {f,4},
          [{x,0},{atom,error}]}.
    {test,is_eq_exact,{f,4},[{x,1},{atom,badarith}]}.
    {move,{literal,{error,divide_by_zero}},{x,0}}.
    {deallocate,1}.
    return.
  {label,4}.
    {bif,raise,{f,0},[{x,2},{x,1}],{x,0}}.

{function, thrower, 1, 6}.
  {label,5}.
    {line,[{location,"erl/exceptions.erl",11}]}.
    {func_info,{atom,exceptions},{atom,thrower},1}.
  {label,6}.
    {test,is_lt,{f,7},[{integer,2},{x,0}]}.
    {test_heap,3,1}.
    {put_tuple2,{x,0},{list,[{atom,too_big},{x,0}]}}.
    {call_ext_only,1,{extfunc,erlang,throw,1}}.
  {label,7}.
    return.

{function, classify, 1, 9}.
  {label,8}.
    {line,[{location,"erl/exceptions.erl",14}]}.
    {func_info,{atom,exceptions},{atom,classify},1}.
  {label,9}.
    {allocate,1,1}.
    {'try',{y,0},{f,10}}.
    {line,[{location,"erl/exceptions.erl",15}]}.
    {call,1,{f,6}}. % thrower/1
    {try_end,{y,0}}.
    {test_heap,3,1}.
    {put_tuple2,{x,0},{list,[{atom,value},{x,0}]}}.
    {deallocate,1}.
    return.
  {label,10}.
    {try_case,{y,0}}.
    {select_val,{x,0},{f,13},{list,[{atom,exit},{f,12},{atom,throw},{f,11}]}}.
  {label,11}.
    {test_heap,3,2}.
    {put_tuple2,{x,0},{list,[{atom,thrown},{x,1}]}}.
    {deallocate,1}.
    return.
  {label,12}.
    {test_heap,3,2}.
    {put_tuple2,{x,0},{list,[{atom,exited},{x,1}]}}.
    {deallocate,1}.
    return.
  {label,13}.
    {bif,raise,{f,0},[{x,2},{x,1}],{x,0}}.

{function, f, 1, 15}.
  {label,14}.
    {line,[{location,"erl/exceptions.erl",22}]}.
    {func_info,{atom,exceptions},{atom,f},1}.
  {label,15}.
    {jump,{f,14}}.

{function, main, 0, 17}.
  {label,16}.
    {line,[{location,"erl/exceptions.erl",24}]}.
    {func_info,{atom,exceptions},{atom,main},0}.
  {label,17}.
    {allocate,4,0}.
    {init_yregs,{list,[{y,0},{y,1},{y,2},{y,3}]}}.
    {move,{integer,2},{x,1}}.
    {move,{integer,10},{x,0}}.
    {line,[{location,"erl/exceptions.erl",25}]}.
    {call,2,{f,2}}. % safe_div/2
    {test_heap,2,1}.
    {put_list,{x,0},nil,{x,1}}.
    {move,{literal,"~p~n"},{x,0}}.
    {call_ext,2,{extfunc,io,format,2}}.
    {move,{integer,0},{x,1}}.
    {move,{integer,1},{x,0}}.
    {line,[{location,"erl/exceptions.erl",26}]}.
    {call,2,{f,2}}. % safe_div/2
    {test_heap,2,1}.
    {put_list,{x,0},nil,{x,1}}.
    {move,{literal,"~p~n"},{x,0}}.
    {call_ext,2,{extfunc,io,format,2}}.
    {move,{integer,1},{x,0}}.
    {line,[{location,"erl/exceptions.erl",27}]}.
    {call,1,{f,9}}. % classify/1
    {test_heap,2,1}.
    {put_list,{x,0},nil,{x,1}}.
    {move,{literal,"~p~n"},{x,0}}.
    {call_ext,2,{extfunc,io,format,2}}.
    {move,{integer,5},{x,0}}.
    {line,[{location,"erl/exceptions.erl",28}]}.
    {call,1,{f,9}}. % classify/1
    {test_heap,2,1}.
    {put_list,{x,0},nil,{x,1}}.
    {move,{literal,"~p~n"},{x,0}}.
    {call_ext,2,{extfunc,io,format,2}}.
    {'catch',{y,3},{f,18}}.
    {move,{atom,hello},{x,0}}.
    {line,[{location,"erl/exceptions.erl",29}]}.
    {call_ext,1,{extfunc,erlang,throw,1}}.
  {label,18}.
    {catch_end,{y,3}}.
    {test_heap,2,1}.
    {put_list,{x,0},nil,{x,1}}.
    {move,{literal,"~p~n"},{x,0}}.
    {line,[{scope,"\n"},{location,"erl/exceptions.erl",29}]}.
    {call_ext,2,{extfunc,io,format,2}}.
    {'catch',{y,2},{f,19}}.
    {move,{atom,b},{x,0}}.
    {line,[{scope,"\n"},{location,"erl/exceptions.erl",30}]}.
    {call,1,{f,15}}. % f/1
  {label,19}.
    {catch_end,{y,2}}.
    {test,is_tagged_tuple,{f,25},[{x,0},2,{atom,'EXIT'}]}.
    {get_tuple_element,{x,0},1,{x,1}}.
    {test,is_tuple,{f,25},[{x,1}]}.
    {test,test_arity,{f,25},[{x,1},2]}.
    {test_heap,2,2}.
    {get_tuple_element,{x,1},0,{x,0}}.
    {put_list,{x,0},nil,{x,1}}.
    {move,{literal,"~p~n"},{x,0}}.
    {line,[{scope,"\b"},{location,"erl/exceptions.erl",31}]}.
    {call_ext,2,{extfunc,io,format,2}}.
    {'catch',{y,1},{f,20}}.
    {move,{atom,bye},{x,0}}.
    {line,[{scope,"\b"},{location,"erl/exceptions.erl",32}]}.
    {call_ext,1,{extfunc,erlang,exit,1}}.
  {label,20}.
    {catch_end,{y,1}}.
    {test_heap,2,1}.
    {put_list,{x,0},nil,{x,1}}.
    {move,{literal,"~p~n"},{x,0}}.
    {line,[{scope,[6]},{location,"erl/exceptions.erl",32}]}.
    {call_ext,2,{extfunc,io,format,2}}.
    {'try',{y,0},{f,21}}.
    {move,{atom,my_error},{x,0}}.
    {line,[{scope,[6]},{location,"erl/exceptions.erl",33}]}.
    {call_ext,1,{extfunc,erlang,error,1}}.
  {label,21}.
    {try_case,{y,0}}.
    {test_heap,4,2}.
    {put_list,{x,1},nil,{x,1}}.
    {put_list,{x,0},{x,1},{x,1}}.
    {move,{literal,"~p:~p~n"},{x,0}}.
    {line,[{scope,[4]},{location,"erl/exceptions.erl",33}]}.
    {call_ext,2,{extfunc,io,format,2}}.
    {'try',{y,0},{f,22}}.
    {line,[{location,"erl/exceptions.erl",34}]}.
    {bif,element,{f,0},[{integer,5},{literal,{a}}],{x,0}}.
    {try_end,{y,0}}.
    {jump,{f,23}}.
  {label,22}.
    {try_case,{y,0}}.
    {test,is_eq_exact,
          {f,24},
          [{x,0},{atom,error}]}.
    {test_heap,2,2}.
    {put_list,{x,1},nil,{x,1}}.
    {move,{literal,"~p~n"},{x,0}}.
    {line,[{scope,[0]},{location,"erl/exceptions.erl",34}]}.
    {call_ext,2,{extfunc,io,format,2}}.
  {label,23}.
    {move,{literal,"now crashing~n"},{x,0}}.
    {line,[{scope,[0,1]},{location,"erl/exceptions.erl",37}]}.
    {call_ext,1,{extfunc,io,format,1}}.
    {line,[{scope,[0,1]},{location,"erl/exceptions.erl",38}]}.
    {badmatch,{integer,2}}.
  {label,24}.
    {bif,raise,{f,0},[{x,2},{x,1}],{x,0}}.
  {label,25}.
    {line,[{scope,[7]},{location,"erl/exceptions.erl",30}]}.
    {badmatch,{x,0}}.
