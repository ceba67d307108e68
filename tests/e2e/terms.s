%% terms.s - generated from erl/terms.erl by examples/regen.sh
%% (erlc -S output with its type annotations and module_info removed).
{module, terms}.  %% version = 0

{exports, [{main,0}]}.

{attributes, []}.

{labels, 19}.

{function, id, 1, 2}.
  {label,1}.
    {line,[{location,"erl/terms.erl",4}]}.
    {func_info,{atom,terms},{atom,id},1}.
  {label,2}.
    return.

{function, sort, 1, 4}.
  {label,3}.
    {line,[{location,"erl/terms.erl",7}]}.
    {func_info,{atom,terms},{atom,sort},1}.
  {label,4}.
    {test,is_nonempty_list,{f,5},[{x,0}]}.
    {allocate,1,1}.
    {get_list,{x,0},{y,0},{x,0}}.
    {line,[{location,"erl/terms.erl",8}]}.
    {call,1,{f,4}}. % sort/1
    {move,{x,0},{x,1}}.
    {move,{y,0},{x,0}}.
    {call_last,2,{f,7},1}. % insert/2
  {label,5}.
    {test,is_nil,
     {f,3},
     [{x,0}]}.
    return.

{function, insert, 2, 7}.
  {label,6}.
    {line,[{location,"erl/terms.erl",9}]}.
    {func_info,{atom,terms},{atom,insert},2}.
  {label,7}.
    {test,is_nonempty_list,{f,9},[{x,1}]}.
    {get_list,{x,1},{x,2},{x,3}}.
    {test,is_ge,
        {f,8},
        [{x,2},
         {x,0}]}.
    {test_heap,2,2}.
    {put_list,{x,0},{x,1},{x,0}}.
    return.
  {label,8}.
    {allocate,1,4}.
    {move,{x,2},{y,0}}.
    {move,{x,3},{x,1}}.
    {line,[{location,"erl/terms.erl",11}]}.
    {call,2,{f,7}}. % insert/2
    {test_heap,2,1}.
    {put_list,{y,0},{x,0},{x,0}}.
    {deallocate,1}.
    return.
  {label,9}.
    {test_heap,2,1}.
    {put_list,{x,0},nil,{x,0}}.
    return.

{function, main, 0, 11}.
  {label,10}.
    {line,[{location,"erl/terms.erl",13}]}.
    {func_info,{atom,terms},{atom,main},0}.
  {label,11}.
    {allocate,8,0}.
    {init_yregs,{list,[{y,0},{y,1},{y,2},{y,3},{y,4},{y,5},{y,6},{y,7}]}}.
    {move,{literal,[<<"bin">>,
                    [a],
                    [],
                    {1,2},
                    {1},
                    self_pid,3.5,2,-1,atom,
                    {0,0,0},
                    "str",1180591620717411303424,1.0e30,<<>>,
                    [a|b],
                    'Atom']},
          {x,0}}.
    {line,[{location,"erl/terms.erl",14}]}.
    {call,1,{f,2}}. % id/1
    {line,[{location,"erl/terms.erl",16}]}.
    {call,1,{f,4}}. % sort/1
    {test_heap,2,1}.
    {put_list,{x,0},nil,{x,1}}.
    {move,{literal,"~p~n"},{x,0}}.
    {call_ext,2,{extfunc,io,format,2}}.
    {move,{integer,1},{x,0}}.
    {line,[{location,"erl/terms.erl",17}]}.
    {call,1,{f,2}}. % id/1
    {move,{x,0},{y,7}}.
    {move,{float,1.0},{x,0}}.
    {call,1,{f,2}}. % id/1
    {bif,'==',
     {f,0},
     [{y,7},
      {x,0}],
     {y,7}}.
    {move,{integer,1},{x,0}}.
    {call,1,{f,2}}. % id/1
    {move,{x,0},{y,6}}.
    {move,{float,1.0},{x,0}}.
    {call,1,{f,2}}. % id/1
    {bif,'/=',
     {f,0},
     [{y,6},
      {x,0}],
     {y,6}}.
    {move,{literal,{a,1}},{x,0}}.
    {call,1,{f,2}}. % id/1
    {move,{x,0},{y,5}}.
    {move,{literal,{a,1.0}},{x,0}}.
    {call,1,{f,2}}. % id/1
    {bif,'==',
     {f,0},
     [{y,5},
      {x,0}],
     {y,5}}.
    {move,{literal,{a,1}},{x,0}}.
    {line,[{location,"erl/terms.erl",18}]}.
    {call,1,{f,2}}. % id/1
    {move,{x,0},{y,4}}.
    {move,{literal,{a,1.0}},{x,0}}.
    {call,1,{f,2}}. % id/1
    {bif,'=:=',
     {f,0},
     [{y,4},
      {x,0}],
     {y,4}}.
    {move,{literal,[1,2]},{x,0}}.
    {call,1,{f,2}}. % id/1
    {move,{x,0},{y,3}}.
    {move,{literal,[1,2,0]},{x,0}}.
    {call,1,{f,2}}. % id/1
    {bif,'<',
     {f,0},
     [{y,3},
      {x,0}],
     {y,3}}.
    {move,{literal,{2}},{x,0}}.
    {line,[{location,"erl/terms.erl",19}]}.
    {call,1,{f,2}}. % id/1
    {move,{x,0},{y,2}}.
    {move,{literal,{1,1}},{x,0}}.
    {call,1,{f,2}}. % id/1
    {bif,'<',
     {f,0},
     [{y,2},
      {x,0}],
     {y,2}}.
    {move,{literal,"abc"},{x,0}}.
    {call,1,{f,2}}. % id/1
    {move,{x,0},{y,1}}.
    {move,{literal,"abd"},{x,0}}.
    {call,1,{f,2}}. % id/1
    {bif,'<',
     {f,0},
     [{y,1},
      {x,0}],
     {y,1}}.
    {move,{literal,<<1>>},{x,0}}.
    {call,1,{f,2}}. % id/1
    {move,{x,0},{y,0}}.
    {move,{literal,<<1,0>>},{x,0}}.
    {call,1,{f,2}}. % id/1
    {test_heap,18,1}.
    {bif,'<',
     {f,0},
     [{y,0},
      {x,0}],
     {x,0}}.
    {put_list,{x,0},nil,{x,0}}.
    {put_list,{y,1},{x,0},{x,0}}.
    {put_list,{y,2},{x,0},{x,0}}.
    {put_list,{y,3},{x,0},{x,0}}.
    {put_list,{y,4},{x,0},{x,0}}.
    {put_list,{y,5},{x,0},{x,0}}.
    {put_list,{y,6},{x,0},{x,0}}.
    {put_list,{y,7},{x,0},{x,0}}.
    {put_list,{x,0},nil,{x,1}}.
    {trim,8,0}.
    {move,{literal,"~p~n"},{x,0}}.
    {line,[{location,"erl/terms.erl",17}]}.
    {call_ext,2,{extfunc,io,format,2}}.
    {move,{literal,{deeply,[nested,
                            {structure,[with,"strings",and_atoms]},
                            42]}},
          {x,0}}.
    {line,[{location,"erl/terms.erl",20}]}.
    {call,1,{f,2}}. % id/1
    {test_heap,2,1}.
    {put_list,{x,0},nil,{x,1}}.
    {move,{literal,"~p~n"},{x,0}}.
    {call_ext,2,{extfunc,io,format,2}}.
    {move,{literal,[1,2,3,4,5,6,7,8,9,10,11,12]},{x,0}}.
    {line,[{location,"erl/terms.erl",21}]}.
    {call,1,{f,17}}. % '-main/0-lc$^0/1-0-'/1
    {call,1,{f,2}}. % id/1
    {test_heap,2,1}.
    {put_list,{x,0},nil,{x,1}}.
    {move,{literal,"~p~n"},{x,0}}.
    {line,[{location,"erl/terms.erl",22}]}.
    {call_ext,2,{extfunc,io,format,2}}.
    {move,{atom,ok},{x,0}}.
    {deallocate,0}.
    return.

{function, '-main/0-lc$^0/1-0-', 1, 17}.
  {label,16}.
    {line,[{location,"erl/terms.erl",21}]}.
    {func_info,{atom,terms},{atom,'-main/0-lc$^0/1-0-'},1}.
  {label,17}.
    {test,is_nonempty_list,{f,18},[{x,0}]}.
    {allocate,2,1}.
    {init_yregs,{list,[{y,0}]}}.
    {get_list,{x,0},{y,1},{x,0}}.
    {gc_bif,'*',
            {f,0},
            1,
            [{y,1},{y,1}],
            {y,0}}.
    {call,1,{f,17}}. % '-main/0-lc$^0/1-0-'/1
    {test_heap,5,1}.
    {put_tuple2,{x,1},{list,[{y,1},{y,0}]}}.
    {put_list,{x,1},{x,0},{x,0}}.
    {deallocate,2}.
    return.
  {label,18}.
    return.
