%% deep_terms.s - generated from erl/deep_terms.erl by examples/regen.sh
%% (erlc -S output with its type annotations and module_info removed).
{module, deep_terms}.  %% version = 0

{exports, [{main,0}]}.

{attributes, []}.

{labels, 41}.

{function, lnest, 2, 2}.
  {label,1}.
    {line,[{location,"erl/deep_terms.erl",8}]}.
    {func_info,{atom,deep_terms},{atom,lnest},2}.
  {label,2}.
    {test,is_eq_exact,{f,3},[{x,0},{integer,0}]}.
    {move,{x,1},{x,0}}.
    return.
  {label,3}.
    {line,[{location,"erl/deep_terms.erl",9}]}.
    {gc_bif,'-',{f,0},2,[{x,0},{integer,1}],{x,0}}.
    {test_heap,2,2}.
    {put_list,{x,1},nil,{x,1}}.
    {call_only,2,{f,2}}. % lnest/2

{function, tnest, 2, 5}.
  {label,4}.
    {line,[{location,"erl/deep_terms.erl",11}]}.
    {func_info,{atom,deep_terms},{atom,tnest},2}.
  {label,5}.
    {test,is_eq_exact,{f,6},[{x,0},{integer,0}]}.
    {move,{x,1},{x,0}}.
    return.
  {label,6}.
    {line,[{location,"erl/deep_terms.erl",12}]}.
    {gc_bif,'-',{f,0},2,[{x,0},{integer,1}],{x,0}}.
    {test_heap,2,2}.
    {put_tuple2,{x,1},{list,[{x,1}]}}.
    {call_only,2,{f,5}}. % tnest/2

{function, pairs, 2, 8}.
  {label,7}.
    {line,[{location,"erl/deep_terms.erl",14}]}.
    {func_info,{atom,deep_terms},{atom,pairs},2}.
  {label,8}.
    {test,is_eq_exact,{f,9},[{x,0},{integer,0}]}.
    {move,{x,1},{x,0}}.
    return.
  {label,9}.
    {line,[{location,"erl/deep_terms.erl",15}]}.
    {gc_bif,'-',{f,0},2,[{x,0},{integer,1}],{x,2}}.
    {test_heap,4,3}.
    {put_list,{x,1},nil,{x,1}}.
    {put_list,{x,0},{x,1},{x,1}}.
    {move,{x,2},{x,0}}.
    {call_only,2,{f,8}}. % pairs/2

{function, tagged, 2, 11}.
  {label,10}.
    {line,[{location,"erl/deep_terms.erl",17}]}.
    {func_info,{atom,deep_terms},{atom,tagged},2}.
  {label,11}.
    {test,is_eq_exact,{f,12},[{x,0},{integer,0}]}.
    {move,{x,1},{x,0}}.
    return.
  {label,12}.
    {line,[{location,"erl/deep_terms.erl",18}]}.
    {gc_bif,'-',{f,0},2,[{x,0},{integer,1}],{x,2}}.
    {test_heap,4,3}.
    {put_tuple2,{x,1},{list,[{atom,tag},{x,0},{x,1}]}}.
    {move,{x,2},{x,0}}.
    {call_only,2,{f,11}}. % tagged/2

{function, improper, 2, 14}.
  {label,13}.
    {line,[{location,"erl/deep_terms.erl",20}]}.
    {func_info,{atom,deep_terms},{atom,improper},2}.
  {label,14}.
    {test,is_eq_exact,{f,15},[{x,0},{integer,0}]}.
    {move,{x,1},{x,0}}.
    return.
  {label,15}.
    {line,[{location,"erl/deep_terms.erl",21}]}.
    {gc_bif,'-',{f,0},2,[{x,0},{integer,1}],{x,2}}.
    {test_heap,5,3}.
    {put_tuple2,{x,1},{list,[{atom,x},{x,1}]}}.
    {put_list,{x,0},{x,1},{x,1}}.
    {move,{x,2},{x,0}}.
    {call_only,2,{f,14}}. % improper/2

{function, mixed, 2, 17}.
  {label,16}.
    {line,[{location,"erl/deep_terms.erl",23}]}.
    {func_info,{atom,deep_terms},{atom,mixed},2}.
  {label,17}.
    {test,is_eq_exact,{f,18},[{x,0},{integer,0}]}.
    {move,{x,1},{x,0}}.
    return.
  {label,18}.
    {gc_bif,'rem',{f,19},2,[{x,0},{integer,3}],{x,2}}.
    {test,is_eq_exact,{f,19},[{x,2},{integer,0}]}.
    {line,[{location,"erl/deep_terms.erl",24}]}.
    {gc_bif,'-',{f,0},2,[{x,0},{integer,1}],{x,2}}.
    {test_heap,3,3}.
    {put_tuple2,{x,1},{list,[{x,1},{x,0}]}}.
    {move,{x,2},{x,0}}.
    {call_only,2,{f,17}}. % mixed/2
  {label,19}.
    {gc_bif,'rem',{f,20},2,[{x,0},{integer,3}],{x,2}}.
    {test,is_eq_exact,{f,20},[{x,2},{integer,1}]}.
    {line,[{location,"erl/deep_terms.erl",25}]}.
    {gc_bif,'-',{f,0},2,[{x,0},{integer,1}],{x,0}}.
    {test_heap,2,2}.
    {put_list,{x,1},{literal,["str"]},{x,1}}.
    {call_only,2,{f,17}}. % mixed/2
  {label,20}.
    {line,[{location,"erl/deep_terms.erl",26}]}.
    {gc_bif,'-',{f,0},2,[{x,0},{integer,1}],{x,0}}.
    {test_heap,4,2}.
    {put_tuple2,{x,1},
                {list,[{atom,long_tag_name_here},{x,1},{literal,<<"bin">>}]}}.
    {call_only,2,{f,17}}. % mixed/2

{function, depth, 1, 22}.
  {label,21}.
    {line,[{location,"erl/deep_terms.erl",29}]}.
    {func_info,{atom,deep_terms},{atom,depth},1}.
  {label,22}.
    {test,is_list,{f,23},[{x,0}]}.
    {allocate,0,1}.
    {call,1,{f,38}}. % '-depth/1-lc$^0/1-0-'/1
    {test_heap,2,1}.
    {put_list,{integer,0},{x,0},{x,0}}.
    {call_ext,1,{extfunc,lists,max,1}}.
    {gc_bif,'+',{f,0},1,[{x,0},{integer,1}],{x,0}}.
    {deallocate,0}.
    return.
  {label,23}.
    {move,{integer,0},{x,0}}.
    return.

{function, summary, 2, 25}.
  {label,24}.
    {line,[{location,"erl/deep_terms.erl",33}]}.
    {func_info,{atom,deep_terms},{atom,summary},2}.
  {label,25}.
    {allocate,4,2}.
    {init_yregs,{list,[{y,0},{y,1}]}}.
    {move,{x,1},{y,2}}.
    {move,{x,0},{y,3}}.
    {move,{x,1},{x,0}}.
    {line,[{location,"erl/deep_terms.erl",34}]}.
    {call_ext,1,{extfunc,lists,flatten,1}}.
    {line,[{location,"erl/deep_terms.erl",35}]}.
    {gc_bif,length,{f,0},1,[{x,0}],{y,1}}.
    {swap,{y,2},{x,0}}.
    {line,[{location,"erl/deep_terms.erl",37}]}.
    {call,1,{f,22}}. % depth/1
    {move,{x,0},{y,0}}.
    {move,{y,2},{x,0}}.
    {move,{integer,30},{x,1}}.
    {call_ext,2,{extfunc,lists,sublist,2}}.
    {gc_bif,'-',
            {f,0},
            1,
            [{y,1},{integer,30}],
            {x,1}}.
    {move,{y,2},{x,2}}.
    {move,{x,0},{y,2}}.
    {move,{x,1},{x,0}}.
    {move,{x,2},{x,1}}.
    {call_ext,2,{extfunc,lists,nthtail,2}}.
    {test_heap,10,1}.
    {put_list,{x,0},nil,{x,0}}.
    {put_list,{y,2},{x,0},{x,0}}.
    {put_list,{y,0},{x,0},{x,0}}.
    {put_list,{y,1},{x,0},{x,0}}.
    {put_list,{y,3},{x,0},{x,1}}.
    {move,{literal,"~s: ~w chars, nested ~w, ~s ... ~s~n"},{x,0}}.
    {line,[{location,"erl/deep_terms.erl",36}]}.
    {call_ext_last,2,{extfunc,io,format,2},4}.

{function, big, 3, 27}.
  {label,26}.
    {line,[{location,"erl/deep_terms.erl",40}]}.
    {func_info,{atom,deep_terms},{atom,big},3}.
  {label,27}.
    {swap,{x,1},{x,2}}.
    {swap,{x,0},{x,1}}.
    {call_only,3,{f,35}}. % '-big/3-lc$^0/1-0-'/3

{function, main, 0, 29}.
  {label,28}.
    {line,[{location,"erl/deep_terms.erl",43}]}.
    {func_info,{atom,deep_terms},{atom,main},0}.
  {label,29}.
    {allocate,3,0}.
    {init_yregs,{list,[{y,0},{y,1},{y,2}]}}.
    {move,{atom,x},{x,1}}.
    {move,{integer,1000000},{x,0}}.
    {line,[{location,"erl/deep_terms.erl",47}]}.
    {call,2,{f,2}}. % lnest/2
    {move,{x,0},{x,1}}.
    {move,{literal,[{"~w",[]},{"~p",[]},{"~W",[20]},{"~P",[20]}]},{x,2}}.
    {move,{literal,"list"},{x,0}}.
    {call,3,{f,27}}. % big/3
    {move,{atom,x},{x,1}}.
    {move,{integer,1000000},{x,0}}.
    {line,[{location,"erl/deep_terms.erl",48}]}.
    {call,2,{f,5}}. % tnest/2
    {move,{x,0},{x,1}}.
    {move,{literal,[{"x ~60p",[]},{"~W",[20]}]},{x,2}}.
    {move,{literal,"tuple"},{x,0}}.
    {call,3,{f,27}}. % big/3
    {move,{atom,x},{x,1}}.
    {move,{integer,200000},{x,0}}.
    {line,[{location,"erl/deep_terms.erl",49}]}.
    {call,2,{f,8}}. % pairs/2
    {move,{x,0},{x,1}}.
    {move,{literal,[{"~w",[]},{"~P",[30]}]},{x,2}}.
    {move,{literal,"pairs"},{x,0}}.
    {call,3,{f,27}}. % big/3
    {move,{atom,x},{x,1}}.
    {move,{integer,200000},{x,0}}.
    {line,[{location,"erl/deep_terms.erl",50}]}.
    {call,2,{f,11}}. % tagged/2
    {move,{x,0},{x,1}}.
    {move,{literal,[{"~w",[]},{"~W",[30]}]},{x,2}}.
    {move,{literal,"tagged"},{x,0}}.
    {call,3,{f,27}}. % big/3
    {move,{atom,x},{x,1}}.
    {move,{integer,150},{x,0}}.
    {line,[{location,"erl/deep_terms.erl",51}]}.
    {call,2,{f,8}}. % pairs/2
    {move,{x,0},{y,2}}.
    {move,{atom,x},{x,1}}.
    {move,{integer,150},{x,0}}.
    {call,2,{f,11}}. % tagged/2
    {move,{x,0},{y,1}}.
    {move,{atom,x},{x,1}}.
    {move,{integer,150},{x,0}}.
    {call,2,{f,14}}. % improper/2
    {move,{x,0},{y,0}}.
    {move,{atom,x},{x,1}}.
    {move,{integer,150},{x,0}}.
    {call,2,{f,17}}. % mixed/2
    {test_heap,8,1}.
    {put_list,{x,0},nil,{x,0}}.
    {put_list,{y,0},{x,0},{x,0}}.
    {put_list,{y,1},{x,0},{x,0}}.
    {put_list,{y,2},{x,0},{x,1}}.
    {init_yregs,{list,[{y,2}]}}.
    {trim,2,1}.
    {move,{literal,"~p~n~p~n~p~n~p~n"},{x,0}}.
    {call_ext,2,{extfunc,io,format,2}}.
    {move,{atom,x},{x,1}}.
    {move,{integer,150},{x,0}}.
    {line,[{location,"erl/deep_terms.erl",52}]}.
    {call,2,{f,11}}. % tagged/2
    {move,{x,0},{y,0}}.
    {move,{atom,x},{x,1}}.
    {move,{integer,150},{x,0}}.
    {call,2,{f,17}}. % mixed/2
    {test_heap,6,1}.
    {put_list,{x,0},{literal,"("},{x,0}}.
    {put_list,{integer,40},{x,0},{x,0}}.
    {put_list,{y,0},{x,0},{x,1}}.
    {trim,1,0}.
    {move,{literal,"~P~n~P~n"},{x,0}}.
    {call_ext,2,{extfunc,io,format,2}}.
    {move,{atom,x},{x,1}}.
    {move,{integer,300},{x,0}}.
    {line,[{location,"erl/deep_terms.erl",53}]}.
    {call,2,{f,17}}. % mixed/2
    {test_heap,2,1}.
    {put_list,{x,0},nil,{x,1}}.
    {move,{literal,"~p"},{x,0}}.
    {call_ext,2,{extfunc,io_lib,format,2}}.
    {move,{x,0},{x,1}}.
    {move,{literal,"io_lib ~p"},{x,0}}.
    {call_last,2,{f,25},0}. % summary/2

{function, '-big/3-lc$^0/1-0-', 3, 35}.
  {label,34}.
    {line,[{location,"erl/deep_terms.erl",41}]}.
    {func_info,{atom,deep_terms},{atom,'-big/3-lc$^0/1-0-'},3}.
  {label,35}.
    {test,is_nonempty_list,{f,36},[{x,0}]}.
    {allocate_heap,5,2,3}.
    {move,{x,2},{y,3}}.
    {move,{x,1},{y,4}}.
    {get_list,{x,0},{y,2},{y,1}}.
    {get_tuple_element,{y,2},0,{y,0}}.
    {put_list,{integer,32},{y,0},{x,1}}.
    {move,{y,4},{x,0}}.
    {call_ext,2,{extfunc,erlang,'++',2}}.
    {test_heap,2,1}.
    {get_tuple_element,{y,2},1,{x,1}}.
    {put_list,{y,3},{x,1},{x,1}}.
    {move,{x,0},{y,2}}.
    {move,{y,0},{x,0}}.
    {trim,1,4}.
    {call_ext,2,{extfunc,io_lib,format,2}}.
    {move,{x,0},{x,1}}.
    {move,{y,1},{x,0}}.
    {move,{y,0},{y,1}}.
    {trim,1,3}.
    {call,2,{f,25}}. % summary/2
    {move,{y,0},{x,3}}.
    {move,{y,2},{x,1}}.
    {move,{x,0},{y,2}}.
    {move,{y,1},{x,2}}.
    {trim,2,1}.
    {move,{x,3},{x,0}}.
    {call,3,{f,35}}. % '-big/3-lc$^0/1-0-'/3
    {test_heap,2,1}.
    {put_list,{y,0},{x,0},{x,0}}.
    {deallocate,1}.
    return.
  {label,36}.
    return.

{function, '-depth/1-lc$^0/1-0-', 1, 38}.
  {label,37}.
    {line,[{location,"erl/deep_terms.erl",29}]}.
    {func_info,{atom,deep_terms},{atom,'-depth/1-lc$^0/1-0-'},1}.
  {label,38}.
    {test,is_nonempty_list,{f,39},[{x,0}]}.
    {allocate,1,1}.
    {get_list,{x,0},{x,0},{y,0}}.
    {call,1,{f,22}}. % depth/1
    {swap,{y,0},{x,0}}.
    {call,1,{f,38}}. % '-depth/1-lc$^0/1-0-'/1
    {test_heap,2,1}.
    {put_list,{y,0},{x,0},{x,0}}.
    {deallocate,1}.
    return.
  {label,39}.
    {test,is_nil,{f,40},[{x,0}]}.
    return.
  {label,40}.
    {test_heap,3,1}.
    {put_tuple2,{x,0},{list,[{atom,bad_generator},{x,0}]}}.
    {call_ext_only,1,{extfunc,erlang,error,1}}.
