%% modules.s - generated from erl/modules.erl by examples/regen.sh
%% (erlc -S output with its type annotations and module_info removed).
{module, modules}.  %% version = 0

{exports, [{main,0}]}.

{attributes, []}.

{labels, 23}.

{function, id, 1, 2}.
  {label,1}.
    {line,[{location,"erl/modules.erl",4}]}.
    {func_info,{atom,modules},{atom,id},1}.
  {label,2}.
    return.

{function, main, 0, 4}.
  {label,3}.
    {line,[{location,"erl/modules.erl",6}]}.
    {func_info,{atom,modules},{atom,main},0}.
  {label,4}.
    {allocate,1,0}.
    {init_yregs,{list,[{y,0}]}}.
    {move,{integer,21},{x,0}}.
    {line,[{location,"erl/modules.erl",7}]}.
    {call_ext,1,{extfunc,e2e_helper,double,1}}.
    {test_heap,2,1}.
    {put_list,{x,0},nil,{x,1}}.
    {move,{literal,"~p~n"},{x,0}}.
    {call_ext,2,{extfunc,io,format,2}}.
    {test_heap,{alloc,[{words,0},{floats,0},{funs,1}]},0}.
    {make_fun3,{f,22},0,0,{x,0},{list,[]}}.
    {line,[{location,"erl/modules.erl",8}]}.
    {call,1,{f,7}}. % c/1
    {test_heap,2,1}.
    {put_list,{x,0},nil,{x,1}}.
    {move,{literal,"~p~n"},{x,0}}.
    {call_ext,2,{extfunc,io,format,2}}.
    {test_heap,{alloc,[{words,0},{floats,0},{funs,1}]},0}.
    {make_fun3,{f,20},0,0,{x,0},{list,[]}}.
    {line,[{location,"erl/modules.erl",9}]}.
    {call,1,{f,7}}. % c/1
    {test_heap,2,1}.
    {put_list,{x,0},nil,{x,1}}.
    {move,{literal,"~p~n"},{x,0}}.
    {call_ext,2,{extfunc,io,format,2}}.
    {move,{atom,e2e_helper},{x,0}}.
    {line,[{location,"erl/modules.erl",10}]}.
    {call,1,{f,2}}. % id/1
    {move,{x,0},{y,0}}.
    {move,{x,0},{x,1}}.
    {move,{atom,double},{x,2}}.
    {move,{integer,5},{x,0}}.
    {line,[{location,"erl/modules.erl",11}]}.
    {apply,1}.
    {test_heap,2,1}.
    {put_list,{x,0},nil,{x,1}}.
    {move,{literal,"~p~n"},{x,0}}.
    {call_ext,2,{extfunc,io,format,2}}.
    {move,{y,0},{x,1}}.
    {move,{atom,double},{x,2}}.
    {trim,1,0}.
    {move,{integer,7},{x,0}}.
    {line,[{location,"erl/modules.erl",12}]}.
    {apply,1}.
    {test_heap,2,1}.
    {put_list,{x,0},nil,{x,1}}.
    {move,{literal,"~p~n"},{x,0}}.
    {call_ext,2,{extfunc,io,format,2}}.
    {move,{integer,8},{x,0}}.
    {line,[{location,"erl/modules.erl",14}]}.
    {call_ext,1,{extfunc,e2e_helper,double,1}}.
    {test_heap,2,1}.
    {put_list,{x,0},nil,{x,1}}.
    {move,{literal,"~p~n"},{x,0}}.
    {call_ext,2,{extfunc,io,format,2}}.
    {test_heap,{alloc,[{words,0},{floats,0},{funs,1}]},0}.
    {make_fun3,{f,16},0,0,{x,0},{list,[]}}.
    {line,[{location,"erl/modules.erl",15}]}.
    {call,1,{f,7}}. % c/1
    {test,is_tagged_tuple,{f,5},[{x,0},2,{atom,error}]}.
    {get_tuple_element,{x,0},1,{x,1}}.
    {test,is_tagged_tuple,{f,5},[{x,1},2,{atom,badarity}]}.
    {get_tuple_element,{x,1},1,{x,1}}.
    {test,is_tuple,{f,5},[{x,1}]}.
    {test,test_arity,{f,5},[{x,1},2]}.
    {test_heap,4,2}.
    {get_tuple_element,{x,1},0,{x,0}}.
    {get_tuple_element,{x,1},1,{x,1}}.
    {bif,is_function,{f,0},[{x,0},{integer,1}],{x,0}}.
    {put_list,{x,1},nil,{x,1}}.
    {put_list,{x,0},{x,1},{x,1}}.
    {move,{literal,"badarity ~p ~p~n"},{x,0}}.
    {line,[{location,"erl/modules.erl",16}]}.
    {call_ext,2,{extfunc,io,format,2}}.
    {test_heap,{alloc,[{words,0},{floats,0},{funs,1}]},0}.
    {make_fun3,{f,14},0,0,{x,0},{list,[]}}.
    {line,[{location,"erl/modules.erl",17}]}.
    {call,1,{f,7}}. % c/1
    {test_heap,2,1}.
    {put_list,{x,0},nil,{x,1}}.
    {move,{literal,"~p~n"},{x,0}}.
    {call_ext,2,{extfunc,io,format,2}}.
    {move,{atom,ok},{x,0}}.
    {deallocate,0}.
    return.
  {label,5}.
    {line,[{location,"erl/modules.erl",15}]}.
    {badmatch,{x,0}}.

{function, c, 1, 7}.
  {label,6}.
    {line,[{location,"erl/modules.erl",21}]}.
    {func_info,{atom,modules},{atom,c},1}.
  {label,7}.
    {allocate,1,1}.
    {'try',{y,0},{f,8}}.
    {line,[{location,"erl/modules.erl",22}]}.
    {call_fun2,{atom,safe},0,{x,0}}.
    {try_end,{y,0}}.
    {deallocate,1}.
    return.
  {label,8}.
    {try_case,{y,0}}.
    {test_heap,3,2}.
    {put_tuple2,{x,0},{list,[{x,0},{x,1}]}}.
    {deallocate,1}.
    return.

{function, '-main/0-fun-4-', 0, 14}.
  {label,13}.
    {line,[{location,"erl/modules.erl",17}]}.
    {func_info,{atom,modules},{atom,'-main/0-fun-4-'},0}.
  {label,14}.
    {allocate,0,0}.
    {move,{atom,not_a_fun},{x,0}}.
    {call,1,{f,2}}. % id/1
    {move,{x,0},{x,1}}.
    {move,{integer,1},{x,0}}.
    {call_fun2,{atom,unsafe},
               1,
               {x,1}}.
    {deallocate,0}.
    return.

{function, '-main/0-fun-3-', 0, 16}.
  {label,15}.
    {line,[{location,"erl/modules.erl",15}]}.
    {func_info,{atom,modules},{atom,'-main/0-fun-3-'},0}.
  {label,16}.
    {allocate_heap,0,{alloc,[{words,0},{floats,0},{funs,1}]},0}.
    {make_fun3,{f,18},0,0,{x,0},{list,[]}}.
    {call,1,{f,2}}. % id/1
    {move,{integer,2},{x,1}}.
    {move,{x,0},{x,2}}.
    {move,{integer,1},{x,0}}.
    {call_fun2,{atom,unsafe},
               2,
               {x,2}}.
    {deallocate,0}.
    return.

{function, '-main/0-fun-2-', 1, 18}.
  {label,17}.
    {line,[{location,"erl/modules.erl",15}]}.
    {func_info,{atom,modules},{atom,'-main/0-fun-2-'},1}.
  {label,18}.
    return.

{function, '-main/0-fun-1-', 0, 20}.
  {label,19}.
    {line,[{location,"erl/modules.erl",9}]}.
    {func_info,{atom,modules},{atom,'-main/0-fun-1-'},0}.
  {label,20}.
    {call_ext_only,0,{extfunc,no_such_module,f,0}}.

{function, '-main/0-fun-0-', 0, 22}.
  {label,21}.
    {line,[{location,"erl/modules.erl",8}]}.
    {func_info,{atom,modules},{atom,'-main/0-fun-0-'},0}.
  {label,22}.
    {move,{integer,1},{x,0}}.
    {call_ext_only,1,{extfunc,e2e_helper,missing,1}}.
