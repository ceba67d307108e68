%% lists_demo.s - generated from erl/lists_demo.erl by examples/regen.sh
%% (erlc -S output with its type annotations and module_info removed).
{module, lists_demo}.  %% version = 0

{exports, [{main,0}]}.

{attributes, []}.

{labels, 32}.

{function, seq, 2, 2}.
  {label,1}.
    {line,[{location,"erl/lists_demo.erl",4}]}.
    {func_info,{atom,lists_demo},{atom,seq},2}.
  {label,2}.
    {test,is_eq_exact,
          {f,3},
          [{x,1},{x,0}]}.
    {test_heap,2,1}.
    {put_list,{x,0},nil,{x,0}}.
    return.
  {label,3}.
    {line,[{location,"erl/lists_demo.erl",5}]}.
    {gc_bif,'+',{f,0},2,[{x,0},{integer,1}],{x,2}}.
    {allocate,1,3}.
    {move,{x,0},{y,0}}.
    {move,{x,2},{x,0}}.
    {call,2,{f,2}}. % seq/2
    {test_heap,2,1}.
    {put_list,{y,0},{x,0},{x,0}}.
    {deallocate,1}.
    return.

{function, rev, 1, 5}.
  {label,4}.
    {line,[{location,"erl/lists_demo.erl",7}]}.
    {func_info,{atom,lists_demo},{atom,rev},1}.
  {label,5}.
    {move,nil,{x,1}}.
    {call_only,2,{f,7}}. % rev/2

{function, rev, 2, 7}.
  {label,6}.
    {line,[{location,"erl/lists_demo.erl",8}]}.
    {func_info,{atom,lists_demo},{atom,rev},2}.
  {label,7}.
    {test,is_nonempty_list,{f,8},[{x,0}]}.
    {test_heap,2,2}.
    {get_list,{x,0},{x,2},{x,0}}.
    {put_list,{x,2},{x,1},{x,1}}.
    {call_only,2,{f,7}}. % rev/2
  {label,8}.
    {move,{x,1},{x,0}}.
    return.

{function, sum, 1, 10}.
  {label,9}.
    {line,[{location,"erl/lists_demo.erl",11}]}.
    {func_info,{atom,lists_demo},{atom,sum},1}.
  {label,10}.
    {move,{integer,0},{x,1}}.
    {call_only,2,{f,12}}. % sum/2

{function, sum, 2, 12}.
  {label,11}.
    {line,[{location,"erl/lists_demo.erl",12}]}.
    {func_info,{atom,lists_demo},{atom,sum},2}.
  {label,12}.
    {test,is_nonempty_list,{f,13},[{x,0}]}.
    {get_list,{x,0},{x,2},{x,0}}.
    {line,[{location,"erl/lists_demo.erl",13}]}.
    {gc_bif,'+',
            {f,0},
            3,
            [{x,1},{x,2}],
            {x,1}}.
    {call_only,2,{f,12}}. % sum/2
  {label,13}.
    {move,{x,1},{x,0}}.
    return.

{function, len, 1, 15}.
  {label,14}.
    {line,[{location,"erl/lists_demo.erl",15}]}.
    {func_info,{atom,lists_demo},{atom,len},1}.
  {label,15}.
    {test,is_nonempty_list,{f,16},[{x,0}]}.
    {allocate,0,1}.
    {get_tl,{x,0},{x,0}}.
    {line,[{location,"erl/lists_demo.erl",16}]}.
    {call,1,{f,15}}. % len/1
    {gc_bif,'+',{f,0},1,[{x,0},{integer,1}],{x,0}}.
    {deallocate,0}.
    return.
  {label,16}.
    {move,{integer,0},{x,0}}.
    return.

{function, map, 2, 18}.
  {label,17}.
    {line,[{location,"erl/lists_demo.erl",18}]}.
    {func_info,{atom,lists_demo},{atom,map},2}.
  {label,18}.
    {test,is_nonempty_list,{f,19},[{x,1}]}.
    {allocate,2,2}.
    {move,{x,0},{y,1}}.
    {get_list,{x,1},{x,0},{y,0}}.
    {line,[{location,"erl/lists_demo.erl",19}]}.
    {call,1,{f,31}}. % '-main/0-fun-0-'/1
    {swap,{y,1},{x,0}}.
    {move,{y,0},{x,1}}.
    {trim,1,1}.
    {call,2,{f,18}}. % map/2
    {test_heap,2,1}.
    {put_list,{y,0},{x,0},{x,0}}.
    {deallocate,1}.
    return.
  {label,19}.
    {move,nil,{x,0}}.
    return.

{function, main, 0, 21}.
  {label,20}.
    {line,[{location,"erl/lists_demo.erl",21}]}.
    {func_info,{atom,lists_demo},{atom,main},0}.
  {label,21}.
    {allocate,2,0}.
    {init_yregs,{list,[{y,0},{y,1}]}}.
    {move,{integer,100000},{x,1}}.
    {move,{integer,1},{x,0}}.
    {line,[{location,"erl/lists_demo.erl",22}]}.
    {call,2,{f,2}}. % seq/2
    {move,{x,0},{y,1}}.
    {line,[{location,"erl/lists_demo.erl",23}]}.
    {call,1,{f,5}}. % rev/1
    {move,{x,0},{y,0}}.
    {move,{y,1},{x,0}}.
    {line,[{location,"erl/lists_demo.erl",24}]}.
    {call,1,{f,15}}. % len/1
    {swap,{y,1},{x,0}}.
    {call,1,{f,10}}. % sum/1
    {bif,hd,
        {f,0},
        [{y,0}],
        {x,1}}.
    {test_heap,6,2}.
    {put_list,{x,1},nil,{x,1}}.
    {put_list,{x,0},{x,1},{x,0}}.
    {put_list,{y,1},{x,0},{x,1}}.
    {init_yregs,{list,[{y,0},{y,1}]}}.
    {move,{literal,"~p ~p ~p~n"},{x,0}}.
    {call_ext,2,{extfunc,io,format,2}}.
    {test_heap,{alloc,[{words,0},{floats,0},{funs,1}]},0}.
    {make_fun3,{f,31},0,0,{y,1},{list,[]}}.
    {move,{integer,10},{x,1}}.
    {move,{integer,1},{x,0}}.
    {line,[{location,"erl/lists_demo.erl",25}]}.
    {call,2,{f,2}}. % seq/2
    {move,{x,0},{x,1}}.
    {move,{y,1},{x,0}}.
    {init_yregs,{list,[{y,1}]}}.
    {call,2,{f,18}}. % map/2
    {test_heap,2,1}.
    {put_list,{x,0},nil,{x,1}}.
    {move,{literal,"~p~n"},{x,0}}.
    {line,[{location,"erl/lists_demo.erl",26}]}.
    {call_ext,2,{extfunc,io,format,2}}.
    {move,{literal,[a,{b,"c"},1.5,[2,3]]},{x,0}}.
    {line,[{location,"erl/lists_demo.erl",27}]}.
    {call,1,{f,5}}. % rev/1
    {test_heap,2,1}.
    {put_list,{x,0},nil,{x,1}}.
    {move,{literal,"~w~n"},{x,0}}.
    {call_ext,2,{extfunc,io,format,2}}.
    {move,{integer,1000},{x,1}}.
    {move,{integer,1},{x,0}}.
    {line,[{location,"erl/lists_demo.erl",28}]}.
    {call,2,{f,2}}. % seq/2
    {move,{x,0},{y,1}}.
    {move,{integer,980},{x,1}}.
    {line,[{location,"erl/lists_demo.erl",29}]}.
    {call,2,{f,23}}. % lists_tail/2
    {test_heap,2,1}.
    {put_list,{x,0},nil,{x,1}}.
    {move,{literal,"~p~n"},{x,0}}.
    {call_ext,2,{extfunc,io,format,2}}.
    {line,[{location,"erl/lists_demo.erl",30}]}.
    {gc_bif,length,{f,0},0,[{y,1}],{y,0}}.
    {move,{y,1},{x,0}}.
    {init_yregs,{list,[{y,1}]}}.
    {call_ext,1,{extfunc,erlang,list_to_tuple,1}}.
    {bif,tuple_size,{f,0},[{x,0}],{x,0}}.
    {test_heap,5,1}.
    {put_tuple2,{x,0},{list,[{y,0},{x,0}]}}.
    {put_list,{x,0},nil,{x,1}}.
    {move,{literal,"~p~n"},{x,0}}.
    {call_ext_last,2,{extfunc,io,format,2},2}.

{function, lists_tail, 2, 23}.
  {label,22}.
    {line,[{location,"erl/lists_demo.erl",32}]}.
    {func_info,{atom,lists_demo},{atom,lists_tail},2}.
  {label,23}.
    {test,is_eq_exact,{f,24},[{x,1},{integer,0}]}.
    return.
  {label,24}.
    {test,is_nonempty_list,{f,25},[{x,0}]}.
    {get_tl,{x,0},{x,0}}.
    {line,[{location,"erl/lists_demo.erl",33}]}.
    {gc_bif,'-',{f,0},2,[{x,1},{integer,1}],{x,1}}.
    {call_only,2,{f,23}}. % lists_tail/2
  {label,25}.
    {move,nil,{x,0}}.
    {jump,{f,22}}.

{function, '-main/0-fun-0-', 1, 31}.
  {label,30}.
    {line,[{location,"erl/lists_demo.erl",25}]}.
    {func_info,{atom,lists_demo},{atom,'-main/0-fun-0-'},1}.
  {label,31}.
    {gc_bif,'*',{f,0},1,[{x,0},{x,0}],{x,0}}.
    return.
