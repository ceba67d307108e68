%% dict.s - generated from erl/dict.erl by examples/regen.sh
%% (erlc -S output with its type annotations and module_info removed).
{module, dict}.  %% version = 0

{exports, [{main,0}]}.

{attributes, []}.

{labels, 9}.

{function, main, 0, 2}.
  {label,1}.
    {line,[{location,"erl/dict.erl",4}]}.
    {func_info,{atom,dict},{atom,main},0}.
  {label,2}.
    {allocate,1,0}.
    {init_yregs,{list,[{y,0}]}}.
    {move,{integer,1},{x,1}}.
    {move,{atom,a},{x,0}}.
    {line,[{location,"erl/dict.erl",5}]}.
    {call_ext,2,{extfunc,erlang,put,2}}.
    {test,is_eq_exact,{f,4},[{x,0},{atom,undefined}]}.
    {move,{integer,2},{x,1}}.
    {move,{atom,a},{x,0}}.
    {line,[{location,"erl/dict.erl",6}]}.
    {call_ext,2,{extfunc,erlang,put,2}}.
    {test,is_eq_exact,{f,3},[{x,0},{integer,1}]}.
    {move,{integer,3},{x,1}}.
    {move,{atom,b},{x,0}}.
    {line,[{location,"erl/dict.erl",7}]}.
    {call_ext,2,{extfunc,erlang,put,2}}.
    {test_heap,6,0}.
    {bif,get,{f,0},[{atom,a}],{x,0}}.
    {bif,get,{f,0},[{atom,b}],{x,1}}.
    {bif,get,{f,0},[{atom,c}],{x,2}}.
    {put_list,{x,2},nil,{x,2}}.
    {put_list,{x,1},{x,2},{x,1}}.
    {put_list,{x,0},{x,1},{x,1}}.
    {move,{literal,"~p ~p ~p~n"},{x,0}}.
    {line,[{location,"erl/dict.erl",8}]}.
    {call_ext,2,{extfunc,io,format,2}}.
    {move,{atom,a},{x,0}}.
    {line,[{location,"erl/dict.erl",9}]}.
    {call_ext,1,{extfunc,erlang,erase,1}}.
    {test_heap,2,1}.
    {put_list,{x,0},nil,{x,1}}.
    {move,{literal,"~p~n"},{x,0}}.
    {call_ext,2,{extfunc,io,format,2}}.
    {bif,get,{f,0},[{atom,a}],{y,0}}.
    {move,{atom,zz},{x,0}}.
    {line,[{location,"erl/dict.erl",10}]}.
    {call_ext,1,{extfunc,erlang,erase,1}}.
    {test_heap,4,1}.
    {put_list,{x,0},nil,{x,0}}.
    {put_list,{y,0},{x,0},{x,1}}.
    {trim,1,0}.
    {move,{literal,"~p ~p~n"},{x,0}}.
    {call_ext,2,{extfunc,io,format,2}}.
    {move,{literal,[1,2,3]},{x,1}}.
    {move,{literal,{complex,key}},{x,0}}.
    {line,[{location,"erl/dict.erl",11}]}.
    {call_ext,2,{extfunc,erlang,put,2}}.
    {test_heap,2,0}.
    {bif,get,{f,0},[{literal,{complex,key}}],{x,0}}.
    {put_list,{x,0},nil,{x,1}}.
    {move,{literal,"~p~n"},{x,0}}.
    {line,[{location,"erl/dict.erl",12}]}.
    {call_ext,2,{extfunc,io,format,2}}.
    {move,{atom,ok},{x,0}}.
    {deallocate,0}.
    return.
  {label,3}.
    {line,[{location,"erl/dict.erl",6}]}.
    {badmatch,{x,0}}.
  {label,4}.
    {line,[{location,"erl/dict.erl",5}]}.
    {badmatch,{x,0}}.
