%% closures.s - generated from erl/closures.erl by examples/regen.sh
%% (erlc -S output with its type annotations and module_info removed).
{module, closures}.  %% version = 0

{exports, [{main,0}]}.

{attributes, []}.

{labels, 29}.

{function, adder, 1, 2}.
  {label,1}.
    {line,[{location,"erl/closures.erl",4}]}.
    {func_info,{atom,closures},{atom,adder},1}.
  {label,2}.
    {test_heap,{alloc,[{words,1},{floats,0},{funs,1}]},0}.
    {make_fun3,{f,28},0,0,{x,0},{list,[{integer,5}]}}.
    return.

{function, compose, 2, 4}.
  {label,3}.
    {line,[{location,"erl/closures.erl",6}]}.
    {func_info,{atom,closures},{atom,compose},2}.
  {label,4}.
    {test_heap,{alloc,[{words,2},{floats,0},{funs,1}]},2}.
    {make_fun3,{f,26},0,0,{x,0},{list,[{x,0},{x,1}]}}.
    return.

{function, counter, 1, 6}.
  {label,5}.
    {line,[{location,"erl/closures.erl",8}]}.
    {func_info,{atom,closures},{atom,counter},1}.
  {label,6}.
    {test_heap,{alloc,[{words,1},{floats,0},{funs,1}]},1}.
    {make_fun3,{f,24},0,0,{x,0},{list,[{x,0}]}}.
    return.

{function, foldl, 3, 8}.
  {label,7}.
    {line,[{location,"erl/closures.erl",11}]}.
    {func_info,{atom,closures},{atom,foldl},3}.
  {label,8}.
    {test,is_nonempty_list,{f,9},[{x,2}]}.
    {allocate,2,3}.
    {move,{x,0},{y,1}}.
    {get_list,{x,2},{x,0},{y,0}}.
    {line,[{location,"erl/closures.erl",12}]}.
    {call,2,{f,20}}. % '-main/0-fun-1-'/2
    {move,{x,0},{x,1}}.
    {move,{y,0},{x,2}}.
    {move,{y,1},{x,0}}.
    {call_last,3,{f,8},2}. % foldl/3
  {label,9}.
    {move,{x,1},{x,0}}.
    return.

{function, main, 0, 11}.
  {label,10}.
    {line,[{location,"erl/closures.erl",14}]}.
    {func_info,{atom,closures},{atom,main},0}.
  {label,11}.
    {allocate,2,0}.
    {init_yregs,{list,[{y,0},{y,1}]}}.
    {move,{integer,5},{x,0}}.
    {line,[{location,"erl/closures.erl",15}]}.
    {call,1,{f,2}}. % adder/1
    {test_heap,{alloc,[{words,0},{floats,0},{funs,1}]},1}.
    {make_fun3,{f,22},0,0,{y,1},{list,[]}}.
    {move,{x,0},{y,0}}.
    {move,{x,0},{x,1}}.
    {move,{integer,10},{x,0}}.
    {line,[{location,"erl/closures.erl",17}]}.
    {call_fun2,{f,28},1,{x,1}}.
    {test_heap,2,1}.
    {put_list,{x,0},nil,{x,1}}.
    {move,{literal,"~p~n"},{x,0}}.
    {call_ext,2,{extfunc,io,format,2}}.
    {move,{y,1},{x,1}}.
    {move,{y,0},{x,0}}.
    {init_yregs,{list,[{y,1}]}}.
    {trim,1,1}.
    {line,[{location,"erl/closures.erl",18}]}.
    {call,2,{f,4}}. % compose/2
    {move,{x,0},{x,1}}.
    {move,{integer,7},{x,0}}.
    {call_fun2,{f,26},1,{x,1}}.
    {test_heap,2,1}.
    {put_list,{x,0},nil,{x,1}}.
    {move,{literal,"~p~n"},{x,0}}.
    {call_ext,2,{extfunc,io,format,2}}.
    {move,{integer,0},{x,0}}.
    {line,[{location,"erl/closures.erl",19}]}.
    {call,1,{f,6}}. % counter/1
    {move,{x,0},{x,1}}.
    {move,{integer,3},{x,0}}.
    {call_fun2,
     {f,24},
     1,
     {x,1}}.
    {get_tuple_element,{x,0},0,{y,0}}.
    {get_tuple_element,{x,0},1,{x,0}}.
    {move,{x,0},{x,1}}.
    {move,{integer,4},{x,0}}.
    {line,[{location,"erl/closures.erl",20}]}.
    {call_fun2,
        {f,24},
        1,
        {x,1}}.
    {test_heap,4,1}.
    {get_tuple_element,{x,0},0,{x,0}}.
    {put_list,{x,0},nil,{x,0}}.
    {put_list,{y,0},{x,0},{x,1}}.
    {trim,1,0}.
    {move,{literal,"~p ~p~n"},{x,0}}.
    {line,[{location,"erl/closures.erl",21}]}.
    {call_ext,2,{extfunc,io,format,2}}.
    {test_heap,{alloc,[{words,0},{floats,0},{funs,1}]},0}.
    {make_fun3,{f,20},0,0,{x,0},{list,[]}}.
    {move,{literal,[1,2,3,4]},{x,2}}.
    {move,{integer,0},{x,1}}.
    {line,[{location,"erl/closures.erl",22}]}.
    {call,3,{f,8}}. % foldl/3
    {test_heap,2,1}.
    {put_list,{x,0},nil,{x,1}}.
    {move,{literal,"~p~n"},{x,0}}.
    {call_ext,2,{extfunc,io,format,2}}.
    {move,{literal,[3]},{x,1}}.
    {move,{literal,"~p~n"},{x,0}}.
    {line,[{location,"erl/closures.erl",24}]}.
    {call_ext,2,{extfunc,io,format,2}}.
    {move,{literal,[7]},{x,1}}.
    {move,{literal,"~p~n"},{x,0}}.
    {line,[{location,"erl/closures.erl",25}]}.
    {call_ext,2,{extfunc,io,format,2}}.
    {move,{literal,[y]},{x,1}}.
    {move,{literal,"~p~n"},{x,0}}.
    {line,[{location,"erl/closures.erl",26}]}.
    {call_ext,2,{extfunc,io,format,2}}.
    {move,{integer,20},{x,0}}.
    {line,[{location,"erl/closures.erl",28}]}.
    {call,1,{f,17}}. % '-main/0-Fact/1-0-'/1
    {test_heap,2,1}.
    {put_list,{x,0},nil,{x,1}}.
    {move,{literal,"~p~n"},{x,0}}.
    {call_ext_last,2,{extfunc,io,format,2},0}.

{function, '-main/0-Fact/1-0-', 1, 17}.
  {label,16}.
    {line,[{location,"erl/closures.erl",27}]}.
    {func_info,{atom,closures},{atom,'-main/0-Fact/1-0-'},1}.
  {label,17}.
    {test,is_eq_exact,{f,18},[{x,0},{integer,0}]}.
    {move,{integer,1},{x,0}}.
    return.
  {label,18}.
    {gc_bif,'-',{f,0},1,[{x,0},{integer,1}],{x,1}}.
    {allocate,1,2}.
    {move,{x,0},{y,0}}.
    {move,{x,1},{x,0}}.
    {call,1,{f,17}}. % '-main/0-Fact/1-0-'/1
    {gc_bif,'*',{f,0},1,[{y,0},{x,0}],{x,0}}.
    {deallocate,1}.
    return.

{function, '-main/0-fun-1-', 2, 20}.
  {label,19}.
    {line,[{location,"erl/closures.erl",22}]}.
    {func_info,{atom,closures},{atom,'-main/0-fun-1-'},2}.
  {label,20}.
    {gc_bif,'+',{f,0},2,[{x,0},{x,1}],{x,0}}.
    return.

{function, '-main/0-fun-0-', 1, 22}.
  {label,21}.
    {line,[{location,"erl/closures.erl",16}]}.
    {func_info,{atom,closures},{atom,'-main/0-fun-0-'},1}.
  {label,22}.
    {gc_bif,'*',{f,0},1,[{x,0},{integer,2}],{x,0}}.
    return.

{function, '-counter/1-fun-0-', 2, 24}.
  {label,23}.
    {line,[{location,"erl/closures.erl",9}]}.
    {func_info,{atom,closures},{atom,'-counter/1-fun-0-'},2}.
  {label,24}.
    {gc_bif,'+',{f,0},2,[{x,1},{x,0}],{x,0}}.
    {allocate,1,1}.
    {move,{x,0},{y,0}}.
    {call,1,{f,6}}. % counter/1
    {test_heap,3,1}.
    {put_tuple2,{x,0},{list,[{y,0},{x,0}]}}.
    {deallocate,1}.
    return.

{function, '-compose/2-fun-0-', 3, 26}.
  {label,25}.
    {line,[{location,"erl/closures.erl",6}]}.
    {func_info,{atom,closures},{atom,'-compose/2-fun-0-'},3}.
  {label,26}.
    {allocate,1,2}.
    {move,{x,1},{y,0}}.
    {call,1,{f,22}}. % '-main/0-fun-0-'/1
    {move,{y,0},{x,1}}.
    {call_fun2,{f,28},1,{x,1}}.
    {deallocate,1}.
    return.

{function, '-adder/1-fun-0-', 2, 28}.
  {label,27}.
    {line,[{location,"erl/closures.erl",4}]}.
    {func_info,{atom,closures},{atom,'-adder/1-fun-0-'},2}.
  {label,28}.
    {gc_bif,'+',{f,0},1,[{x,0},{integer,5}],{x,0}}.
    return.
