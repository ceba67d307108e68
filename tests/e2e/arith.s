%% arith.s - generated from erl/arith.erl by examples/regen.sh
%% (erlc -S output with its type annotations and module_info removed).
{module, arith}.  %% version = 0

{exports, [{main,0}]}.

{attributes, []}.

{labels, 27}.

{function, show, 1, 2}.
  {label,1}.
    {line,[{location,"erl/arith.erl",4}]}.
    {func_info,{atom,arith},{atom,show},1}.
  {label,2}.
    {test_heap,2,1}.
    {put_list,{x,0},nil,{x,1}}.
    {move,{literal,"~p~n"},{x,0}}.
    {call_ext_only,2,{extfunc,io,format,2}}.

{function, id, 1, 4}.
  {label,3}.
    {line,[{location,"erl/arith.erl",5}]}.
    {func_info,{atom,arith},{atom,id},1}.
  {label,4}.
    return.

{function, fact, 1, 6}.
  {label,5}.
    {line,[{location,"erl/arith.erl",7}]}.
    {func_info,{atom,arith},{atom,fact},1}.
  {label,6}.
    {test,is_eq_exact,{f,7},[{x,0},{integer,0}]}.
    {move,{integer,1},{x,0}}.
    return.
  {label,7}.
    {line,[{location,"erl/arith.erl",8}]}.
    {gc_bif,'-',{f,0},1,[{x,0},{integer,1}],{x,1}}.
    {allocate,1,2}.
    {move,{x,0},{y,0}}.
    {move,{x,1},{x,0}}.
    {call,1,{f,6}}. % fact/1
    {gc_bif,'*',
            {f,0},
            1,
            [{y,0},{x,0}],
            {x,0}}.
    {deallocate,1}.
    return.

{function, main, 0, 9}.
  {label,8}.
    {line,[{location,"erl/arith.erl",10}]}.
    {func_info,{atom,arith},{atom,main},0}.
  {label,9}.
    {allocate,7,0}.
    {init_yregs,{list,[{y,0},{y,1},{y,2},{y,3},{y,4},{y,5},{y,6}]}}.
    {move,{integer,1152921504606846975},{x,0}}.
    {line,[{location,"erl/arith.erl",11}]}.
    {call,1,{f,4}}. % id/1
    {line,[{location,"erl/arith.erl",12}]}.
    {gc_bif,'+',
            {f,0},
            1,
            [{x,0},
             {integer,1}],
            {x,1}}.
    {move,{x,0},{y,6}}.
    {move,{x,1},{x,0}}.
    {call,1,{f,2}}. % show/1
    {line,[{location,"erl/arith.erl",13}]}.
    {gc_bif,'*',{f,0},0,[{y,6},{y,6}],{x,0}}.
    {call,1,{f,2}}. % show/1
    {line,[{location,"erl/arith.erl",14}]}.
    {gc_bif,'-',{f,0},0,[{y,6}],{x,0}}.
    {gc_bif,'-',{f,0},1,[{x,0},{integer,2}],{x,0}}.
    {call,1,{f,2}}. % show/1
    {line,[{location,"erl/arith.erl",15}]}.
    {gc_bif,'+',{f,0},0,[{y,6},{integer,1}],{x,0}}.
    {gc_bif,'-',{f,0},1,[{x,0},{integer,1}],{x,0}}.
    {init_yregs,{list,[{y,6}]}}.
    {call,1,{f,2}}. % show/1
    {move,{integer,30},{x,0}}.
    {line,[{location,"erl/arith.erl",16}]}.
    {call,1,{f,6}}. % fact/1
    {move,{x,0},{y,6}}.
    {move,{integer,28},{x,0}}.
    {call,1,{f,6}}. % fact/1
    {gc_bif,'div',
            {f,0},
            1,
            [{y,6},{x,0}],
            {x,0}}.
    {init_yregs,{list,[{y,6}]}}.
    {call,1,{f,2}}. % show/1
    {move,{integer,40},{x,0}}.
    {line,[{location,"erl/arith.erl",17}]}.
    {call,1,{f,6}}. % fact/1
    {gc_bif,'rem',
            {f,0},
            1,
            [{x,0},{integer,1000000007}],
            {x,0}}.
    {call,1,{f,2}}. % show/1
    {move,{integer,7},{x,0}}.
    {line,[{location,"erl/arith.erl",18}]}.
    {call,1,{f,4}}. % id/1
    {move,{x,0},{y,6}}.
    {move,{integer,-2},{x,0}}.
    {call,1,{f,4}}. % id/1
    {gc_bif,'div',
            {f,0},
            1,
            [{y,6},
             {x,0}],
            {x,0}}.
    {init_yregs,{list,[{y,6}]}}.
    {call,1,{f,2}}. % show/1
    {move,{integer,-7},{x,0}}.
    {line,[{location,"erl/arith.erl",19}]}.
    {call,1,{f,4}}. % id/1
    {move,{x,0},{y,6}}.
    {move,{integer,2},{x,0}}.
    {call,1,{f,4}}. % id/1
    {gc_bif,'rem',
            {f,0},
            1,
            [{y,6},
             {x,0}],
            {x,0}}.
    {init_yregs,{list,[{y,6}]}}.
    {call,1,{f,2}}. % show/1
    {move,{integer,2},{x,1}}.
    {move,{integer,7},{x,0}}.
    {line,[{location,"erl/arith.erl",20}]}.
    {call,2,{f,14}}. % fdiv/2
    {call,1,{f,2}}. % show/1
    {move,{integer,1},{x,0}}.
    {line,[{location,"erl/arith.erl",21}]}.
    {call,1,{f,4}}. % id/1
    {gc_bif,'bsl',
            {f,0},
            1,
            [{x,0},
             {integer,100}],
            {x,0}}.
    {call,1,{f,2}}. % show/1
    {move,{integer,1},{x,0}}.
    {line,[{location,"erl/arith.erl",22}]}.
    {call,1,{f,4}}. % id/1
    {gc_bif,'bsl',
            {f,0},
            1,
            [{x,0},
             {integer,100}],
            {x,0}}.
    {gc_bif,'bsr',{f,0},1,[{x,0},{integer,98}],{x,0}}.
    {call,1,{f,2}}. % show/1
    {move,{integer,-1},{x,0}}.
    {line,[{location,"erl/arith.erl",23}]}.
    {call,1,{f,4}}. % id/1
    {gc_bif,'bsl',
            {f,0},
            1,
            [{x,0},
             {integer,70}],
            {x,0}}.
    {call,1,{f,2}}. % show/1
    {move,{integer,-12345678901234567890},{x,0}}.
    {line,[{location,"erl/arith.erl",24}]}.
    {call,1,{f,4}}. % id/1
    {gc_bif,'bsr',
            {f,0},
            1,
            [{x,0},
             {integer,3}],
            {x,0}}.
    {call,1,{f,2}}. % show/1
    {move,{integer,65280},{x,0}}.
    {line,[{location,"erl/arith.erl",25}]}.
    {call,1,{f,4}}. % id/1
    {move,{x,0},{y,6}}.
    {move,{integer,4080},{x,0}}.
    {call,1,{f,4}}. % id/1
    {gc_bif,'band',
            {f,0},
            1,
            [{y,6},
             {x,0}],
            {x,0}}.
    {init_yregs,{list,[{y,6}]}}.
    {call,1,{f,2}}. % show/1
    {move,{integer,65280},{x,0}}.
    {line,[{location,"erl/arith.erl",26}]}.
    {call,1,{f,4}}. % id/1
    {move,{x,0},{y,6}}.
    {move,{integer,4080},{x,0}}.
    {call,1,{f,4}}. % id/1
    {gc_bif,'bor',
            {f,0},
            1,
            [{y,6},
             {x,0}],
            {x,0}}.
    {init_yregs,{list,[{y,6}]}}.
    {call,1,{f,2}}. % show/1
    {move,{integer,65280},{x,0}}.
    {line,[{location,"erl/arith.erl",27}]}.
    {call,1,{f,4}}. % id/1
    {move,{x,0},{y,6}}.
    {move,{integer,4080},{x,0}}.
    {call,1,{f,4}}. % id/1
    {gc_bif,'bxor',
            {f,0},
            1,
            [{y,6},
             {x,0}],
            {x,0}}.
    {init_yregs,{list,[{y,6}]}}.
    {call,1,{f,2}}. % show/1
    {move,{integer,5},{x,0}}.
    {line,[{location,"erl/arith.erl",28}]}.
    {call,1,{f,4}}. % id/1
    {gc_bif,'bnot',
            {f,0},
            1,
            [{x,0}],
            {x,0}}.
    {call,1,{f,2}}. % show/1
    {move,{integer,-1208925819614629174706176},{x,0}}.
    {line,[{location,"erl/arith.erl",29}]}.
    {call,1,{f,4}}. % id/1
    {gc_bif,'bnot',
            {f,0},
            1,
            [{x,0}],
            {x,0}}.
    {call,1,{f,2}}. % show/1
    {move,{float,0.1},{x,0}}.
    {line,[{location,"erl/arith.erl",30}]}.
    {call,1,{f,4}}. % id/1
    {move,{x,0},{y,6}}.
    {move,{float,0.2},{x,0}}.
    {call,1,{f,4}}. % id/1
    {gc_bif,'+',
            {f,0},
            1,
            [{y,6},
             {x,0}],
            {x,0}}.
    {init_yregs,{list,[{y,6}]}}.
    {call,1,{f,2}}. % show/1
    {move,{float,1.0e300},{x,0}}.
    {line,[{location,"erl/arith.erl",31}]}.
    {call,1,{f,4}}. % id/1
    {move,{x,0},{y,6}}.
    {move,{integer,10},{x,0}}.
    {call,1,{f,4}}. % id/1
    {gc_bif,'*',
            {f,0},
            1,
            [{y,6},
             {x,0}],
            {x,0}}.
    {init_yregs,{list,[{y,6}]}}.
    {call,1,{f,2}}. % show/1
    {move,{integer,2},{x,0}}.
    {line,[{location,"erl/arith.erl",32}]}.
    {call,1,{f,4}}. % id/1
    {move,{x,0},{y,6}}.
    {move,{float,0.5},{x,0}}.
    {call,1,{f,4}}. % id/1
    {gc_bif,'*',
            {f,0},
            1,
            [{y,6},
             {x,0}],
            {x,0}}.
    {init_yregs,{list,[{y,6}]}}.
    {call,1,{f,2}}. % show/1
    {move,{integer,3},{x,0}}.
    {line,[{location,"erl/arith.erl",33}]}.
    {call,1,{f,4}}. % id/1
    {move,{x,0},{y,6}}.
    {move,{float,0.5},{x,0}}.
    {call,1,{f,4}}. % id/1
    {gc_bif,'-',
            {f,0},
            1,
            [{y,6},
             {x,0}],
            {x,0}}.
    {init_yregs,{list,[{y,6}]}}.
    {call,1,{f,2}}. % show/1
    {move,{float,0.0},{x,0}}.
    {line,[{location,"erl/arith.erl",34}]}.
    {call,1,{f,4}}. % id/1
    {gc_bif,'-',
            {f,0},
            1,
            [{x,0}],
            {x,0}}.
    {call,1,{f,2}}. % show/1
    {move,{integer,1},{x,0}}.
    {line,[{location,"erl/arith.erl",35}]}.
    {call,1,{f,4}}. % id/1
    {move,{x,0},{y,6}}.
    {move,{float,1.0},{x,0}}.
    {call,1,{f,4}}. % id/1
    {bif,'==',
         {f,0},
         [{y,6},
          {x,0}],
         {x,0}}.
    {init_yregs,{list,[{y,6}]}}.
    {call,1,{f,2}}. % show/1
    {move,{integer,1},{x,0}}.
    {line,[{location,"erl/arith.erl",36}]}.
    {call,1,{f,4}}. % id/1
    {move,{x,0},{y,6}}.
    {move,{float,1.0},{x,0}}.
    {call,1,{f,4}}. % id/1
    {bif,'=:=',
         {f,0},
         [{y,6},
          {x,0}],
         {x,0}}.
    {init_yregs,{list,[{y,6}]}}.
    {call,1,{f,2}}. % show/1
    {move,{integer,1},{x,0}}.
    {line,[{location,"erl/arith.erl",37}]}.
    {call,1,{f,4}}. % id/1
    {move,{x,0},{y,6}}.
    {move,{atom,a},{x,0}}.
    {call,1,{f,4}}. % id/1
    {bif,'<',
         {f,0},
         [{y,6},
          {x,0}],
         {x,0}}.
    {init_yregs,{list,[{y,6}]}}.
    {call,1,{f,2}}. % show/1
    {move,{integer,25},{x,0}}.
    {line,[{location,"erl/arith.erl",38}]}.
    {call,1,{f,6}}. % fact/1
    {call,1,{f,4}}. % id/1
    {move,{x,0},{y,6}}.
    {move,{float,1.0e25},{x,0}}.
    {call,1,{f,4}}. % id/1
    {bif,'>',
         {f,0},
         [{y,6},
          {x,0}],
         {x,0}}.
    {init_yregs,{list,[{y,6}]}}.
    {call,1,{f,2}}. % show/1
    {test_heap,{alloc,[{words,0},{floats,0},{funs,1}]},0}.
    {make_fun3,{f,26},0,0,{x,0},{list,[]}}.
    {line,[{location,"erl/arith.erl",39}]}.
    {call,1,{f,11}}. % c/1
    {call,1,{f,2}}. % show/1
    {test_heap,{alloc,[{words,0},{floats,0},{funs,1}]},0}.
    {make_fun3,{f,24},0,0,{x,0},{list,[]}}.
    {line,[{location,"erl/arith.erl",40}]}.
    {call,1,{f,11}}. % c/1
    {call,1,{f,2}}. % show/1
    {test_heap,{alloc,[{words,0},{floats,0},{funs,1}]},0}.
    {make_fun3,{f,22},0,0,{x,0},{list,[]}}.
    {line,[{location,"erl/arith.erl",41}]}.
    {call,1,{f,11}}. % c/1
    {call,1,{f,2}}. % show/1
    {test_heap,{alloc,[{words,0},{floats,0},{funs,1}]},0}.
    {make_fun3,{f,20},0,0,{x,0},{list,[]}}.
    {line,[{location,"erl/arith.erl",42}]}.
    {call,1,{f,11}}. % c/1
    {call,1,{f,2}}. % show/1
    {move,{float,1.0},{x,0}}.
    {line,[{location,"erl/arith.erl",43}]}.
    {call,1,{f,4}}. % id/1
    {move,{x,0},{y,6}}.
    {move,{float,0.1},{x,0}}.
    {call,1,{f,4}}. % id/1
    {move,{x,0},{y,5}}.
    {move,{float,100.0},{x,0}}.
    {call,1,{f,4}}. % id/1
    {move,{x,0},{y,4}}.
    {move,{float,1.0e15},{x,0}}.
    {call,1,{f,4}}. % id/1
    {move,{x,0},{y,3}}.
    {move,{float,1.0e16},{x,0}}.
    {call,1,{f,4}}. % id/1
    {move,{x,0},{y,2}}.
    {move,{float,123.456},{x,0}}.
    {call,1,{f,4}}. % id/1
    {move,{x,0},{y,1}}.
    {move,{float,-0.001},{x,0}}.
    {call,1,{f,4}}. % id/1
    {move,{x,0},{y,0}}.
    {move,{float,1.0e-10},{x,0}}.
    {call,1,{f,4}}. % id/1
    {test_heap,16,1}.
    {put_list,{x,0},nil,{x,0}}.
    {put_list,{y,0},{x,0},{x,0}}.
    {put_list,{y,1},{x,0},{x,0}}.
    {put_list,{y,2},{x,0},{x,0}}.
    {put_list,{y,3},{x,0},{x,0}}.
    {put_list,{y,4},{x,0},{x,0}}.
    {put_list,{y,5},{x,0},{x,0}}.
    {put_list,{y,6},{x,0},{x,0}}.
    {trim,7,0}.
    {call,1,{f,2}}. % show/1
    {move,{atom,ok},{x,0}}.
    {deallocate,0}.
    return.

{function, c, 1, 11}.
  {label,10}.
    {line,[{location,"erl/arith.erl",47}]}.
    {func_info,{atom,arith},{atom,c},1}.
  {label,11}.
    {allocate,1,1}.
    {'try',{y,0},{f,12}}.
    {line,[{location,"erl/arith.erl",48}]}.
    {call_fun2,{atom,safe},0,{x,0}}.
    {try_end,{y,0}}.
    {deallocate,1}.
    return.
  {label,12}.
    {try_case,{y,0}}.
    {test_heap,3,2}.
    {put_tuple2,{x,0},{list,[{x,0},{x,1}]}}.
    {deallocate,1}.
    return.

{function, fdiv, 2, 14}.
  {label,13}.
    {line,[{location,"erl/arith.erl",51}]}.
    {func_info,{atom,arith},{atom,fdiv},2}.
  {label,14}.
    {allocate,3,2}.
    {init_yregs,{list,[{y,0}]}}.
    {move,{x,1},{y,1}}.
    {move,{x,0},{y,2}}.
    {move,{atom,erlang},{x,0}}.
    {call,1,{f,4}}. % id/1
    {move,{x,0},{y,0}}.
    {move,{atom,'/'},{x,0}}.
    {call,1,{f,4}}. % id/1
    {move,{y,0},{x,2}}.
    {move,{y,1},{x,1}}.
    {move,{x,0},{x,3}}.
    {move,{y,2},{x,0}}.
    {apply_last,2,3}.

{function, '-main/0-fun-3-', 0, 20}.
  {label,19}.
    {line,[{location,"erl/arith.erl",42}]}.
    {func_info,{atom,arith},{atom,'-main/0-fun-3-'},0}.
  {label,20}.
    {allocate,1,0}.
    {init_yregs,{list,[{y,0}]}}.
    {move,{float,1.0e308},{x,0}}.
    {call,1,{f,4}}. % id/1
    {move,{x,0},{y,0}}.
    {move,{integer,10},{x,0}}.
    {call,1,{f,4}}. % id/1
    {gc_bif,'*',
            {f,0},
            1,
            [{y,0},
             {x,0}],
            {x,0}}.
    {deallocate,1}.
    return.

{function, '-main/0-fun-2-', 0, 22}.
  {label,21}.
    {line,[{location,"erl/arith.erl",41}]}.
    {func_info,{atom,arith},{atom,'-main/0-fun-2-'},0}.
  {label,22}.
    {allocate,0,0}.
    {move,{atom,a},{x,0}}.
    {call,1,{f,4}}. % id/1
    {gc_bif,'+',
            {f,0},
            1,
            [{x,0},
             {integer,1}],
            {x,0}}.
    {deallocate,0}.
    return.

{function, '-main/0-fun-1-', 0, 24}.
  {label,23}.
    {line,[{location,"erl/arith.erl",40}]}.
    {func_info,{atom,arith},{atom,'-main/0-fun-1-'},0}.
  {label,24}.
    {allocate,1,0}.
    {init_yregs,{list,[{y,0}]}}.
    {move,{integer,1},{x,0}}.
    {call,1,{f,4}}. % id/1
    {move,{x,0},{y,0}}.
    {move,{integer,0},{x,0}}.
    {call,1,{f,4}}. % id/1
    {gc_bif,'div',
            {f,0},
            1,
            [{y,0},
             {x,0}],
            {x,0}}.
    {deallocate,1}.
    return.

{function, '-main/0-fun-0-', 0, 26}.
  {label,25}.
    {line,[{location,"erl/arith.erl",39}]}.
    {func_info,{atom,arith},{atom,'-main/0-fun-0-'},0}.
  {label,26}.
    {move,{integer,0},{x,1}}.
    {move,{integer,1},{x,0}}.
    {call_only,2,{f,14}}. % fdiv/2
