%% bifs.s - generated from erl/bifs.erl by examples/regen.sh
%% (erlc -S output with its type annotations and module_info removed).
{module, bifs}.  %% version = 0

{exports, [{main,0}]}.

{attributes, []}.

{labels, 22}.

{function, show, 1, 2}.
  {label,1}.
    {line,[{location,"erl/bifs.erl",4}]}.
    {func_info,{atom,bifs},{atom,show},1}.
  {label,2}.
    {test_heap,2,1}.
    {put_list,{x,0},nil,{x,1}}.
    {move,{literal,"~p~n"},{x,0}}.
    {call_ext_only,2,{extfunc,io,format,2}}.

{function, id, 1, 4}.
  {label,3}.
    {line,[{location,"erl/bifs.erl",6}]}.
    {func_info,{atom,bifs},{atom,id},1}.
  {label,4}.
    return.

{function, main, 0, 6}.
  {label,5}.
    {line,[{location,"erl/bifs.erl",8}]}.
    {func_info,{atom,bifs},{atom,main},0}.
  {label,6}.
    {allocate,9,0}.
    {init_yregs,{list,[{y,0},
                       {y,1},
                       {y,2},
                       {y,3},
                       {y,4},
                       {y,5},
                       {y,6},
                       {y,7},
                       {y,8}]}}.
    {move,{literal,{a,b,c}},{x,0}}.
    {line,[{location,"erl/bifs.erl",9}]}.
    {call,1,{f,4}}. % id/1
    {line,[{location,"erl/bifs.erl",10}]}.
    {bif,element,{f,0},[{integer,2},{x,0}],{x,1}}.
    {move,{x,0},{y,8}}.
    {move,{x,1},{x,0}}.
    {call,1,{f,2}}. % show/1
    {move,{y,8},{x,1}}.
    {move,{atom,z},{x,2}}.
    {move,{integer,3},{x,0}}.
    {line,[{location,"erl/bifs.erl",11}]}.
    {call_ext,3,{extfunc,erlang,setelement,3}}.
    {call,1,{f,2}}. % show/1
    {bif,tuple_size,{f,0},[{y,8}],{x,0}}.
    {line,[{location,"erl/bifs.erl",12}]}.
    {call,1,{f,2}}. % show/1
    {move,{y,8},{x,0}}.
    {init_yregs,{list,[{y,8}]}}.
    {line,[{location,"erl/bifs.erl",13}]}.
    {call_ext,1,{extfunc,erlang,tuple_to_list,1}}.
    {call,1,{f,2}}. % show/1
    {move,{literal,{1,2,3}},{x,0}}.
    {line,[{location,"erl/bifs.erl",14}]}.
    {call,1,{f,2}}. % show/1
    {move,{atom,x},{x,1}}.
    {move,{integer,3},{x,0}}.
    {line,[{location,"erl/bifs.erl",15}]}.
    {call_ext,2,{extfunc,erlang,make_tuple,2}}.
    {call,1,{f,2}}. % show/1
    {move,{literal,[1,2,3,4]},{x,0}}.
    {line,[{location,"erl/bifs.erl",16}]}.
    {call,1,{f,4}}. % id/1
    {gc_bif,length,{f,0},1,[{x,0}],{x,0}}.
    {call,1,{f,2}}. % show/1
    {move,{literal,[h|t]},{x,0}}.
    {line,[{location,"erl/bifs.erl",17}]}.
    {call,1,{f,4}}. % id/1
    {bif,hd,{f,0},[{x,0}],{x,0}}.
    {call,1,{f,2}}. % show/1
    {move,{literal,[h|t]},{x,0}}.
    {line,[{location,"erl/bifs.erl",18}]}.
    {call,1,{f,4}}. % id/1
    {bif,tl,{f,0},[{x,0}],{x,0}}.
    {call,1,{f,2}}. % show/1
    {move,{atom,'hello world'},{x,0}}.
    {line,[{location,"erl/bifs.erl",19}]}.
    {call,1,{f,4}}. % id/1
    {call_ext,1,{extfunc,erlang,atom_to_list,1}}.
    {call,1,{f,2}}. % show/1
    {move,{literal,"abc"},{x,0}}.
    {line,[{location,"erl/bifs.erl",20}]}.
    {call,1,{f,4}}. % id/1
    {call_ext,1,{extfunc,erlang,list_to_atom,1}}.
    {call,1,{f,2}}. % show/1
    {move,{integer,-12345},{x,0}}.
    {line,[{location,"erl/bifs.erl",21}]}.
    {call,1,{f,4}}. % id/1
    {call_ext,1,{extfunc,erlang,integer_to_list,1}}.
    {call,1,{f,2}}. % show/1
    {move,{integer,255},{x,0}}.
    {line,[{location,"erl/bifs.erl",22}]}.
    {call,1,{f,4}}. % id/1
    {move,{integer,16},{x,1}}.
    {call_ext,2,{extfunc,erlang,integer_to_list,2}}.
    {call,1,{f,2}}. % show/1
    {move,{literal,"-987"},{x,0}}.
    {line,[{location,"erl/bifs.erl",23}]}.
    {call,1,{f,4}}. % id/1
    {call_ext,1,{extfunc,erlang,list_to_integer,1}}.
    {call,1,{f,2}}. % show/1
    {move,{literal,"ff"},{x,0}}.
    {line,[{location,"erl/bifs.erl",24}]}.
    {call,1,{f,4}}. % id/1
    {move,{integer,16},{x,1}}.
    {call_ext,2,{extfunc,erlang,list_to_integer,2}}.
    {call,1,{f,2}}. % show/1
    {move,{integer,3},{x,0}}.
    {line,[{location,"erl/bifs.erl",25}]}.
    {call,1,{f,4}}. % id/1
    {gc_bif,float,{f,0},1,[{x,0}],{x,0}}.
    {call,1,{f,2}}. % show/1
    {move,{float,2.5},{x,0}}.
    {line,[{location,"erl/bifs.erl",26}]}.
    {call,1,{f,4}}. % id/1
    {gc_bif,round,{f,0},1,[{x,0}],{x,0}}.
    {call,1,{f,2}}. % show/1
    {move,{float,-2.5},{x,0}}.
    {line,[{location,"erl/bifs.erl",27}]}.
    {call,1,{f,4}}. % id/1
    {gc_bif,round,{f,0},1,[{x,0}],{x,0}}.
    {call,1,{f,2}}. % show/1
    {move,{float,-3.7},{x,0}}.
    {line,[{location,"erl/bifs.erl",28}]}.
    {call,1,{f,4}}. % id/1
    {gc_bif,trunc,{f,0},1,[{x,0}],{x,0}}.
    {call,1,{f,2}}. % show/1
    {move,{integer,-5},{x,0}}.
    {line,[{location,"erl/bifs.erl",29}]}.
    {call,1,{f,4}}. % id/1
    {gc_bif,abs,{f,0},1,[{x,0}],{x,0}}.
    {call,1,{f,2}}. % show/1
    {move,{float,-5.5},{x,0}}.
    {line,[{location,"erl/bifs.erl",30}]}.
    {call,1,{f,4}}. % id/1
    {gc_bif,abs,{f,0},1,[{x,0}],{x,0}}.
    {call,1,{f,2}}. % show/1
    {move,{integer,3},{x,0}}.
    {line,[{location,"erl/bifs.erl",31}]}.
    {call,1,{f,4}}. % id/1
    {move,{x,0},{y,8}}.
    {move,{float,2.0},{x,0}}.
    {call,1,{f,4}}. % id/1
    {move,{x,0},{x,1}}.
    {move,{y,8},{x,0}}.
    {init_yregs,{list,[{y,8}]}}.
    {call_ext,2,{extfunc,erlang,min,2}}.
    {call,1,{f,2}}. % show/1
    {move,{atom,a},{x,0}}.
    {line,[{location,"erl/bifs.erl",32}]}.
    {call,1,{f,4}}. % id/1
    {move,{x,0},{y,8}}.
    {move,{integer,1},{x,0}}.
    {call,1,{f,4}}. % id/1
    {move,{x,0},{x,1}}.
    {move,{y,8},{x,0}}.
    {init_yregs,{list,[{y,8}]}}.
    {call_ext,2,{extfunc,erlang,max,2}}.
    {call,1,{f,2}}. % show/1
    {move,{literal,[1,2]},{x,0}}.
    {line,[{location,"erl/bifs.erl",33}]}.
    {call,1,{f,4}}. % id/1
    {move,{x,0},{y,8}}.
    {move,{literal,[3]},{x,0}}.
    {call,1,{f,4}}. % id/1
    {move,{x,0},{x,1}}.
    {move,{y,8},{x,0}}.
    {init_yregs,{list,[{y,8}]}}.
    {call_ext,2,{extfunc,erlang,'++',2}}.
    {call,1,{f,2}}. % show/1
    {move,{literal,[1,2,3,2,1]},{x,0}}.
    {line,[{location,"erl/bifs.erl",34}]}.
    {call,1,{f,4}}. % id/1
    {move,{x,0},{y,8}}.
    {move,{literal,[2,1]},{x,0}}.
    {call,1,{f,4}}. % id/1
    {move,{x,0},{x,1}}.
    {move,{y,8},{x,0}}.
    {init_yregs,{list,[{y,8}]}}.
    {call_ext,2,{extfunc,erlang,'--',2}}.
    {call,1,{f,2}}. % show/1
    {move,{literal,<<1,2,3>>},{x,0}}.
    {line,[{location,"erl/bifs.erl",35}]}.
    {call,1,{f,4}}. % id/1
    {gc_bif,byte_size,{f,0},1,[{x,0}],{x,0}}.
    {call,1,{f,2}}. % show/1
    {move,{literal,<<"abc">>},{x,0}}.
    {line,[{location,"erl/bifs.erl",36}]}.
    {call,1,{f,4}}. % id/1
    {call_ext,1,{extfunc,erlang,binary_to_list,1}}.
    {call,1,{f,2}}. % show/1
    {move,{literal,[<<"ab">>,99,"d"]},{x,0}}.
    {line,[{location,"erl/bifs.erl",37}]}.
    {call,1,{f,4}}. % id/1
    {call_ext,1,{extfunc,erlang,list_to_binary,1}}.
    {call,1,{f,2}}. % show/1
    {move,{literal,["x",<<"y">>]},{x,0}}.
    {line,[{location,"erl/bifs.erl",38}]}.
    {call,1,{f,4}}. % id/1
    {call_ext,1,{extfunc,erlang,iolist_to_binary,1}}.
    {call,1,{f,2}}. % show/1
    {move,{atom,ok},{x,0}}.
    {line,[{location,"erl/bifs.erl",39}]}.
    {call,1,{f,4}}. % id/1
    {move,{atom,utf8},{x,1}}.
    {call_ext,2,{extfunc,erlang,atom_to_binary,2}}.
    {call,1,{f,2}}. % show/1
    {move,{literal,<<"bin">>},{x,0}}.
    {line,[{location,"erl/bifs.erl",40}]}.
    {call,1,{f,4}}. % id/1
    {move,{atom,utf8},{x,1}}.
    {call_ext,2,{extfunc,erlang,binary_to_atom,2}}.
    {call,1,{f,2}}. % show/1
    {move,{literal,{1,2}},{x,0}}.
    {line,[{location,"erl/bifs.erl",41}]}.
    {call,1,{f,4}}. % id/1
    {gc_bif,size,{f,0},1,[{x,0}],{x,0}}.
    {call,1,{f,2}}. % show/1
    {move,{float,1.5},{x,0}}.
    {line,[{location,"erl/bifs.erl",42}]}.
    {call,1,{f,4}}. % id/1
    {call_ext,1,{extfunc,erlang,float_to_list,1}}.
    {call,1,{f,2}}. % show/1
    {move,{literal,"2.5e3"},{x,0}}.
    {line,[{location,"erl/bifs.erl",43}]}.
    {call,1,{f,4}}. % id/1
    {call_ext,1,{extfunc,erlang,list_to_float,1}}.
    {call,1,{f,2}}. % show/1
    {move,{atom,a},{x,0}}.
    {line,[{location,"erl/bifs.erl",44}]}.
    {call,1,{f,4}}. % id/1
    {bif,is_atom,{f,0},[{x,0}],{y,8}}.
    {move,{integer,1},{x,0}}.
    {call,1,{f,4}}. % id/1
    {bif,is_integer,{f,0},[{x,0}],{y,7}}.
    {move,{float,1.0},{x,0}}.
    {call,1,{f,4}}. % id/1
    {bif,is_float,{f,0},[{x,0}],{y,6}}.
    {move,{atom,x},{x,0}}.
    {call,1,{f,4}}. % id/1
    {bif,is_number,{f,0},[{x,0}],{y,5}}.
    {move,nil,{x,0}}.
    {line,[{location,"erl/bifs.erl",45}]}.
    {call,1,{f,4}}. % id/1
    {bif,is_list,{f,0},[{x,0}],{y,4}}.
    {move,{literal,{}},{x,0}}.
    {call,1,{f,4}}. % id/1
    {bif,is_tuple,{f,0},[{x,0}],{y,3}}.
    {move,{literal,<<>>},{x,0}}.
    {call,1,{f,4}}. % id/1
    {bif,is_binary,{f,0},[{x,0}],{y,2}}.
    {move,{atom,true},{x,0}}.
    {call,1,{f,4}}. % id/1
    {test_heap,{alloc,[{words,0},{floats,0},{funs,1}]},1}.
    {bif,is_boolean,{f,0},[{x,0}],{y,1}}.
    {make_fun3,{f,2},0,0,{x,0},{list,[]}}.
    {line,[{location,"erl/bifs.erl",46}]}.
    {call,1,{f,4}}. % id/1
    {test_heap,{alloc,[{words,0},{floats,0},{funs,1}]},1}.
    {bif,is_function,{f,0},[{x,0}],{y,0}}.
    {make_fun3,{f,2},0,0,{x,0},{list,[]}}.
    {call,1,{f,4}}. % id/1
    {test_heap,20,1}.
    {bif,is_function,{f,0},[{x,0},{integer,1}],{x,0}}.
    {put_list,{x,0},nil,{x,0}}.
    {put_list,{y,0},{x,0},{x,0}}.
    {put_list,{y,1},{x,0},{x,0}}.
    {put_list,{y,2},{x,0},{x,0}}.
    {put_list,{y,3},{x,0},{x,0}}.
    {put_list,{y,4},{x,0},{x,0}}.
    {put_list,{y,5},{x,0},{x,0}}.
    {put_list,{y,6},{x,0},{x,0}}.
    {put_list,{y,7},{x,0},{x,0}}.
    {put_list,{y,8},{x,0},{x,0}}.
    {trim,9,0}.
    {line,[{location,"erl/bifs.erl",44}]}.
    {call,1,{f,2}}. % show/1
    {test_heap,{alloc,[{words,0},{floats,0},{funs,1}]},0}.
    {make_fun3,{f,21},0,0,{x,0},{list,[]}}.
    {line,[{location,"erl/bifs.erl",47}]}.
    {call,1,{f,8}}. % c/1
    {call,1,{f,2}}. % show/1
    {test_heap,{alloc,[{words,0},{floats,0},{funs,1}]},0}.
    {make_fun3,{f,19},0,0,{x,0},{list,[]}}.
    {line,[{location,"erl/bifs.erl",48}]}.
    {call,1,{f,8}}. % c/1
    {call,1,{f,2}}. % show/1
    {test_heap,{alloc,[{words,0},{floats,0},{funs,1}]},0}.
    {make_fun3,{f,17},0,0,{x,0},{list,[]}}.
    {line,[{location,"erl/bifs.erl",49}]}.
    {call,1,{f,8}}. % c/1
    {call,1,{f,2}}. % show/1
    {test_heap,{alloc,[{words,0},{floats,0},{funs,1}]},0}.
    {make_fun3,{f,15},0,0,{x,0},{list,[]}}.
    {line,[{location,"erl/bifs.erl",50}]}.
    {call,1,{f,8}}. % c/1
    {call,1,{f,2}}. % show/1
    {move,{atom,first},{x,0}}.
    {line,[{location,"erl/bifs.erl",51}]}.
    {call,1,{f,2}}. % show/1
    {move,{literal,{1,2}},{x,0}}.
    {line,[{location,"erl/bifs.erl",52}]}.
    {call,1,{f,2}}. % show/1
    {move,{atom,ok},{x,0}}.
    {deallocate,0}.
    return.

{function, c, 1, 8}.
  {label,7}.
    {line,[{location,"erl/bifs.erl",56}]}.
    {func_info,{atom,bifs},{atom,c},1}.
  {label,8}.
    {allocate,1,1}.
    {'try',{y,0},{f,9}}.
    {line,[{location,"erl/bifs.erl",57}]}.
    {call_fun2,{atom,safe},0,{x,0}}.
    {try_end,{y,0}}.
    {deallocate,1}.
    return.
  {label,9}.
    {try_case,{y,0}}.
    {test_heap,3,2}.
    {put_tuple2,{x,0},{list,[{x,0},{x,1}]}}.
    {deallocate,1}.
    return.

{function, '-main/0-fun-5-', 0, 15}.
  {label,14}.
    {line,[{location,"erl/bifs.erl",50}]}.
    {func_info,{atom,bifs},{atom,'-main/0-fun-5-'},0}.
  {label,15}.
    {allocate,0,0}.
    {move,{integer,1},{x,0}}.
    {call,1,{f,4}}. % id/1
    {call_ext_last,1,{extfunc,erlang,atom_to_list,1},0}.

{function, '-main/0-fun-4-', 0, 17}.
  {label,16}.
    {line,[{location,"erl/bifs.erl",49}]}.
    {func_info,{atom,bifs},{atom,'-main/0-fun-4-'},0}.
  {label,17}.
    {allocate,0,0}.
    {move,nil,{x,0}}.
    {call,1,{f,4}}. % id/1
    {bif,hd,{f,0},[{x,0}],{x,0}}.
    {deallocate,0}.
    return.

{function, '-main/0-fun-3-', 0, 19}.
  {label,18}.
    {line,[{location,"erl/bifs.erl",48}]}.
    {func_info,{atom,bifs},{atom,'-main/0-fun-3-'},0}.
  {label,19}.
    {allocate,0,0}.
    {move,{literal,"12x"},{x,0}}.
    {call,1,{f,4}}. % id/1
    {call_ext_last,1,{extfunc,erlang,list_to_integer,1},0}.

{function, '-main/0-fun-2-', 0, 21}.
  {label,20}.
    {line,[{location,"erl/bifs.erl",47}]}.
    {func_info,{atom,bifs},{atom,'-main/0-fun-2-'},0}.
  {label,21}.
    {allocate,0,0}.
    {move,{literal,{a}},{x,0}}.
    {call,1,{f,4}}. % id/1
    {bif,element,{f,0},[{integer,5},{x,0}],{x,0}}.
    {deallocate,0}.
    return.
