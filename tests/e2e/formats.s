%% formats.s - generated from erl/formats.erl by examples/regen.sh
%% (erlc -S output with its type annotations and module_info removed).
{module, formats}.  %% version = 0

{exports, [{main,0}]}.

{attributes, []}.

{labels, 19}.

{function, id, 1, 2}.
  {label,1}.
    {line,[{location,"erl/formats.erl",4}]}.
    {func_info,{atom,formats},{atom,id},1}.
  {label,2}.
    return.

{function, main, 0, 4}.
  {label,3}.
    {line,[{location,"erl/formats.erl",6}]}.
    {func_info,{atom,formats},{atom,main},0}.
  {label,4}.
    {allocate,8,0}.
    {init_yregs,{list,[{y,0},{y,1},{y,2},{y,3},{y,4},{y,5},{y,6},{y,7}]}}.
    {move,{literal,{a,"b",<<"c">>}},{x,0}}.
    {line,[{location,"erl/formats.erl",7}]}.
    {call,1,{f,2}}. % id/1
    {move,{x,0},{y,7}}.
    {move,{literal,{a,"b",<<"c">>}},{x,0}}.
    {call,1,{f,2}}. % id/1
    {test_heap,4,1}.
    {put_list,{x,0},nil,{x,0}}.
    {put_list,{y,7},{x,0},{x,1}}.
    {init_yregs,{list,[{y,7}]}}.
    {move,{literal,"~w ~p~n"},{x,0}}.
    {call_ext,2,{extfunc,io,format,2}}.
    {move,{literal,"abc"},{x,0}}.
    {line,[{location,"erl/formats.erl",8}]}.
    {call,1,{f,2}}. % id/1
    {move,{x,0},{y,7}}.
    {move,{literal,"abc"},{x,0}}.
    {call,1,{f,2}}. % id/1
    {move,{x,0},{y,6}}.
    {move,{literal,"abc"},{x,0}}.
    {call,1,{f,2}}. % id/1
    {move,{x,0},{y,5}}.
    {move,{literal,"abc"},{x,0}}.
    {call,1,{f,2}}. % id/1
    {test_heap,8,1}.
    {put_list,{x,0},nil,{x,0}}.
    {put_list,{y,5},{x,0},{x,0}}.
    {put_list,{y,6},{x,0},{x,0}}.
    {put_list,{y,7},{x,0},{x,1}}.
    {init_yregs,{list,[{y,5},{y,6},{y,7}]}}.
    {move,{literal,"[~s] [~10s] [~-10s] [~.2s]~n"},{x,0}}.
    {call_ext,2,{extfunc,io,format,2}}.
    {move,{integer,104},{x,0}}.
    {line,[{location,"erl/formats.erl",9}]}.
    {call,1,{f,2}}. % id/1
    {move,{x,0},{y,7}}.
    {move,{integer,105},{x,0}}.
    {call,1,{f,2}}. % id/1
    {move,{x,0},{y,6}}.
    {move,{integer,120},{x,0}}.
    {call,1,{f,2}}. % id/1
    {test_heap,6,1}.
    {put_list,{x,0},nil,{x,0}}.
    {put_list,{y,6},{x,0},{x,0}}.
    {put_list,{y,7},{x,0},{x,1}}.
    {init_yregs,{list,[{y,6},{y,7}]}}.
    {move,{literal,"~c~c ~5c~n"},{x,0}}.
    {call_ext,2,{extfunc,io,format,2}}.
    {move,{float,3.14159},{x,0}}.
    {line,[{location,"erl/formats.erl",10}]}.
    {call,1,{f,2}}. % id/1
    {move,{x,0},{y,7}}.
    {move,{float,2.5},{x,0}}.
    {call,1,{f,2}}. % id/1
    {move,{x,0},{y,6}}.
    {move,{float,-1.0},{x,0}}.
    {call,1,{f,2}}. % id/1
    {move,{x,0},{y,5}}.
    {move,{float,12345.678},{x,0}}.
    {call,1,{f,2}}. % id/1
    {move,{x,0},{y,4}}.
    {move,{float,0.001},{x,0}}.
    {call,1,{f,2}}. % id/1
    {move,{x,0},{y,3}}.
    {move,{float,0.5},{x,0}}.
    {call,1,{f,2}}. % id/1
    {test_heap,12,1}.
    {put_list,{x,0},nil,{x,0}}.
    {put_list,{y,3},{x,0},{x,0}}.
    {put_list,{y,4},{x,0},{x,0}}.
    {put_list,{y,5},{x,0},{x,0}}.
    {put_list,{y,6},{x,0},{x,0}}.
    {put_list,{y,7},{x,0},{x,1}}.
    {init_yregs,{list,[{y,3},{y,4},{y,5},{y,6},{y,7}]}}.
    {move,{literal,"~f ~.2f ~10.3f ~e ~.3e ~g~n"},{x,0}}.
    {call_ext,2,{extfunc,io,format,2}}.
    {move,{integer,10},{x,0}}.
    {line,[{location,"erl/formats.erl",11}]}.
    {call,1,{f,2}}. % id/1
    {move,{x,0},{y,7}}.
    {move,{integer,5},{x,0}}.
    {call,1,{f,2}}. % id/1
    {move,{x,0},{y,6}}.
    {move,{integer,255},{x,0}}.
    {call,1,{f,2}}. % id/1
    {move,{x,0},{y,5}}.
    {move,{integer,255},{x,0}}.
    {call,1,{f,2}}. % id/1
    {move,{x,0},{y,4}}.
    {move,{integer,255},{x,0}}.
    {call,1,{f,2}}. % id/1
    {move,{x,0},{y,3}}.
    {move,{literal,"0x"},{x,0}}.
    {call,1,{f,2}}. % id/1
    {move,{x,0},{y,2}}.
    {move,{integer,255},{x,0}}.
    {call,1,{f,2}}. % id/1
    {move,{x,0},{y,1}}.
    {move,{literal,"0X"},{x,0}}.
    {call,1,{f,2}}. % id/1
    {move,{x,0},{y,0}}.
    {move,{integer,255},{x,0}}.
    {call,1,{f,2}}. % id/1
    {test_heap,18,1}.
    {put_list,{x,0},nil,{x,0}}.
    {put_list,{y,0},{x,0},{x,0}}.
    {put_list,{y,1},{x,0},{x,0}}.
    {put_list,{y,2},{x,0},{x,0}}.
    {put_list,{y,3},{x,0},{x,0}}.
    {put_list,{y,4},{x,0},{x,0}}.
    {put_list,{y,5},{x,0},{x,0}}.
    {put_list,{y,6},{x,0},{x,0}}.
    {put_list,{y,7},{x,0},{x,1}}.
    {init_yregs,{list,[{y,5},{y,6},{y,7}]}}.
    {trim,5,3}.
    {move,{literal,"~b ~.2b ~.16b ~.16B ~.16x ~.16X ~.16#~n"},{x,0}}.
    {call_ext,2,{extfunc,io,format,2}}.
    {move,{atom,ignored},{x,0}}.
    {line,[{location,"erl/formats.erl",12}]}.
    {call,1,{f,2}}. % id/1
    {move,{x,0},{y,2}}.
    {move,{atom,shown},{x,0}}.
    {call,1,{f,2}}. % id/1
    {test_heap,4,1}.
    {put_list,{x,0},nil,{x,0}}.
    {put_list,{y,2},{x,0},{x,1}}.
    {init_yregs,{list,[{y,2}]}}.
    {move,{literal,"~i~p ~~~n"},{x,0}}.
    {call_ext,2,{extfunc,io,format,2}}.
    {move,{integer,3},{x,0}}.
    {line,[{location,"erl/formats.erl",13}]}.
    {call,1,{f,2}}. % id/1
    {move,{x,0},{y,2}}.
    {move,{integer,122},{x,0}}.
    {call,1,{f,2}}. % id/1
    {move,{x,0},{y,1}}.
    {move,{integer,6},{x,0}}.
    {call,1,{f,2}}. % id/1
    {move,{x,0},{y,0}}.
    {move,{atom,ab},{x,0}}.
    {call,1,{f,2}}. % id/1
    {test_heap,8,1}.
    {put_list,{x,0},nil,{x,0}}.
    {put_list,{y,0},{x,0},{x,0}}.
    {put_list,{y,1},{x,0},{x,0}}.
    {put_list,{y,2},{x,0},{x,1}}.
    {init_yregs,{list,[{y,2}]}}.
    {trim,2,1}.
    {move,{literal,"~*c|~-*w|~n"},{x,0}}.
    {call_ext,2,{extfunc,io,format,2}}.
    {move,{integer,30},{x,1}}.
    {move,{integer,1},{x,0}}.
    {line,[{location,"erl/formats.erl",14}]}.
    {call,2,{f,9}}. % seq/2
    {call,1,{f,2}}. % id/1
    {test_heap,2,1}.
    {put_list,{x,0},nil,{x,1}}.
    {move,{literal,"~p~n"},{x,0}}.
    {call_ext,2,{extfunc,io,format,2}}.
    {move,{literal,[{key,"value"},{other,[1,2,3]},{nested,{a,{b,{c,d}}}}]},
          {x,0}}.
    {line,[{location,"erl/formats.erl",15}]}.
    {call,1,{f,2}}. % id/1
    {test_heap,2,1}.
    {put_list,{x,0},nil,{x,1}}.
    {move,{literal,"~p~n"},{x,0}}.
    {call_ext,2,{extfunc,io,format,2}}.
    {move,{literal,[1.5,-0.0,1.0e100,'Quoted Atom',ok,[],{}]},{x,0}}.
    {line,[{location,"erl/formats.erl",16}]}.
    {call,1,{f,2}}. % id/1
    {test_heap,2,1}.
    {put_list,{x,0},nil,{x,1}}.
    {move,{literal,"~w~n"},{x,0}}.
    {call_ext,2,{extfunc,io,format,2}}.
    {move,{literal,[1,2,3,4,5,6,7,8,9,10]},{x,0}}.
    {line,[{location,"erl/formats.erl",17}]}.
    {call,1,{f,2}}. % id/1
    {test_heap,2,1}.
    {put_list,{x,0},{literal,[5]},{x,1}}.
    {move,{literal,"~P~n"},{x,0}}.
    {call_ext,2,{extfunc,io,format,2}}.
    {move,{literal,{a,{b,{c,{d,e}}}}},{x,0}}.
    {line,[{location,"erl/formats.erl",18}]}.
    {call,1,{f,2}}. % id/1
    {test_heap,2,1}.
    {put_list,{x,0},{literal,[3]},{x,1}}.
    {move,{literal,"~W~n"},{x,0}}.
    {call_ext,2,{extfunc,io,format,2}}.
    {move,{literal,"unicode: ok"},{x,0}}.
    {line,[{location,"erl/formats.erl",19}]}.
    {call,1,{f,2}}. % id/1
    {test_heap,2,1}.
    {put_list,{x,0},nil,{x,1}}.
    {move,{literal,"~ts~n"},{x,0}}.
    {call_ext,2,{extfunc,io,format,2}}.
    {move,{literal,"no args~n"},{x,0}}.
    {line,[{location,"erl/formats.erl",20}]}.
    {call_ext,1,{extfunc,io,format,1}}.
    {move,{literal,"~s~n"},{x,0}}.
    {line,[{location,"erl/formats.erl",21}]}.
    {call,1,{f,2}}. % id/1
    {move,{x,0},{y,0}}.
    {move,{atom,atom_as_string},{x,0}}.
    {call,1,{f,2}}. % id/1
    {test_heap,2,1}.
    {put_list,{x,0},nil,{x,1}}.
    {move,{y,0},{x,0}}.
    {init_yregs,{list,[{y,0}]}}.
    {call_ext,2,{extfunc,io,format,2}}.
    {move,{literal,<<"binary format ~p~n">>},{x,0}}.
    {line,[{location,"erl/formats.erl",22}]}.
    {call,1,{f,2}}. % id/1
    {move,{x,0},{y,0}}.
    {move,{integer,1},{x,0}}.
    {call,1,{f,2}}. % id/1
    {test_heap,2,1}.
    {put_list,{x,0},nil,{x,1}}.
    {move,{y,0},{x,0}}.
    {init_yregs,{list,[{y,0}]}}.
    {call_ext,2,{extfunc,io,format,2}}.
    {move,{literal,["put",95,<<"chars">>,"\n"]},{x,0}}.
    {line,[{location,"erl/formats.erl",23}]}.
    {call,1,{f,2}}. % id/1
    {call_ext,1,{extfunc,io,put_chars,1}}.
    {line,[{location,"erl/formats.erl",24}]}.
    {call_ext,0,{extfunc,io,nl,0}}.
    {move,{integer,1},{x,0}}.
    {line,[{location,"erl/formats.erl",25}]}.
    {call,1,{f,2}}. % id/1
    {move,{x,0},{y,0}}.
    {move,{integer,2},{x,0}}.
    {call,1,{f,2}}. % id/1
    {test_heap,4,1}.
    {put_list,{x,0},nil,{x,0}}.
    {put_list,{y,0},{x,0},{x,1}}.
    {trim,1,0}.
    {move,{literal,"~p-~p"},{x,0}}.
    {call_ext,2,{extfunc,io_lib,format,2}}.
    {test_heap,2,1}.
    {put_list,{x,0},nil,{x,1}}.
    {move,{literal,"~s~n"},{x,0}}.
    {line,[{location,"erl/formats.erl",26}]}.
    {call_ext,2,{extfunc,io,format,2}}.
    {move,{atom,ok},{x,0}}.
    {line,[{location,"erl/formats.erl",27}]}.
    {call,1,{f,2}}. % id/1
    {test_heap,2,1}.
    {put_list,{x,0},nil,{x,1}}.
    {move,{literal,"fwrite ~p~n"},{x,0}}.
    {call_ext,2,{extfunc,io,fwrite,2}}.
    {test_heap,{alloc,[{words,0},{floats,0},{funs,1}]},0}.
    {make_fun3,{f,18},0,0,{x,0},{list,[]}}.
    {line,[{location,"erl/formats.erl",28}]}.
    {call,1,{f,6}}. % show_bad/1
    {test_heap,{alloc,[{words,0},{floats,0},{funs,1}]},0}.
    {make_fun3,{f,16},0,0,{x,0},{list,[]}}.
    {line,[{location,"erl/formats.erl",29}]}.
    {call,1,{f,6}}. % show_bad/1
    {move,{atom,ok},{x,0}}.
    {deallocate,0}.
    return.

{function, show_bad, 1, 6}.
  {label,5}.
    {line,[{location,"erl/formats.erl",32}]}.
    {func_info,{atom,formats},{atom,show_bad},1}.
  {label,6}.
    {allocate,1,1}.
    {'try',{y,0},{f,7}}.
    {line,[{location,"erl/formats.erl",33}]}.
    {call_fun2,{atom,safe},0,{x,0}}.
    {try_end,{y,0}}.
    {move,{literal,"no error~n"},{x,0}}.
    {line,[{location,"erl/formats.erl",34}]}.
    {call_ext_last,1,{extfunc,io,format,1},1}.
  {label,7}.
    {try_case,{y,0}}.
    {test_heap,4,2}.
    {put_list,{x,1},nil,{x,1}}.
    {put_list,{x,0},{x,1},{x,1}}.
    {move,{literal,"~p:~p~n"},{x,0}}.
    {line,[{location,"erl/formats.erl",36}]}.
    {call_ext_last,2,{extfunc,io,format,2},1}.

{function, seq, 2, 9}.
  {label,8}.
    {line,[{location,"erl/formats.erl",39}]}.
    {func_info,{atom,formats},{atom,seq},2}.
  {label,9}.
    {test,is_eq_exact,{f,10},[{x,0},{integer,30}]}.
    {move,{literal,[30]},{x,0}}.
    return.
  {label,10}.
    {line,[{location,"erl/formats.erl",40}]}.
    {gc_bif,'+',{f,0},2,[{x,0},{integer,1}],{x,2}}.
    {allocate,1,3}.
    {move,{x,0},{y,0}}.
    {move,{x,2},{x,0}}.
    {call,2,{f,9}}. % seq/2
    {test_heap,2,1}.
    {put_list,{y,0},{x,0},{x,0}}.
    {deallocate,1}.
    return.

{function, '-main/0-fun-1-', 0, 16}.
  {label,15}.
    {line,[{location,"erl/formats.erl",29}]}.
    {func_info,{atom,formats},{atom,'-main/0-fun-1-'},0}.
  {label,16}.
    {move,{literal,[1]},{x,1}}.
    {move,{literal,"~p ~p~n"},{x,0}}.
    {call_ext_only,2,{extfunc,io,format,2}}.

{function, '-main/0-fun-0-', 0, 18}.
  {label,17}.
    {line,[{location,"erl/formats.erl",28}]}.
    {func_info,{atom,formats},{atom,'-main/0-fun-0-'},0}.
  {label,18}.
    {move,{literal,[1]},{x,1}}.
    {move,{literal,"~d~n"},{x,0}}.
    {call_ext_only,2,{extfunc,io,format,2}}.
