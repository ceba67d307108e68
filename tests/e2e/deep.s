%% deep.s - generated from erl/deep.erl by examples/regen.sh
%% (erlc -S output with its type annotations and module_info removed).
{module, deep}.  %% version = 0

{exports, [{main,0}]}.

{attributes, []}.

{labels, 16}.

{function, count, 1, 2}.
  {label,1}.
    {line,[{location,"erl/deep.erl",5}]}.
    {func_info,{atom,deep},{atom,count},1}.
  {label,2}.
    {test,is_eq_exact,{f,3},[{x,0},{integer,0}]}.
    return.
  {label,3}.
    {line,[{location,"erl/deep.erl",6}]}.
    {gc_bif,'-',{f,0},1,[{x,0},{integer,1}],{x,0}}.
    {allocate,0,1}.
    {call,1,{f,2}}. % count/1
    {gc_bif,'+',{f,0},1,[{x,0},{integer,1}],{x,0}}.
    {deallocate,0}.
    return.

{function, build, 1, 5}.
  {label,4}.
    {line,[{location,"erl/deep.erl",8}]}.
    {func_info,{atom,deep},{atom,build},1}.
  {label,5}.
    {test,is_eq_exact,{f,6},[{x,0},{integer,0}]}.
    {move,nil,{x,0}}.
    return.
  {label,6}.
    {line,[{location,"erl/deep.erl",9}]}.
    {gc_bif,'-',{f,0},1,[{x,0},{integer,1}],{x,1}}.
    {allocate,1,2}.
    {move,{x,0},{y,0}}.
    {move,{x,1},{x,0}}.
    {call,1,{f,5}}. % build/1
    {test_heap,2,1}.
    {put_list,{y,0},{x,0},{x,0}}.
    {deallocate,1}.
    return.

{function, sum, 2, 8}.
  {label,7}.
    {line,[{location,"erl/deep.erl",11}]}.
    {func_info,{atom,deep},{atom,sum},2}.
  {label,8}.
    {test,is_nonempty_list,{f,9},[{x,0}]}.
    {get_list,{x,0},{x,2},{x,0}}.
    {line,[{location,"erl/deep.erl",12}]}.
    {gc_bif,'+',
            {f,0},
            3,
            [{x,1},{x,2}],
            {x,1}}.
    {call_only,2,{f,8}}. % sum/2
  {label,9}.
    {move,{x,1},{x,0}}.
    return.

{function, main, 0, 11}.
  {label,10}.
    {line,[{location,"erl/deep.erl",14}]}.
    {func_info,{atom,deep},{atom,main},0}.
  {label,11}.
    {allocate,0,0}.
    {move,{integer,1000000},{x,0}}.
    {line,[{location,"erl/deep.erl",15}]}.
    {call,1,{f,2}}. % count/1
    {test_heap,2,1}.
    {put_list,{x,0},nil,{x,1}}.
    {move,{literal,"~p~n"},{x,0}}.
    {call_ext,2,{extfunc,io,format,2}}.
    {move,{integer,1000000},{x,0}}.
    {line,[{location,"erl/deep.erl",16}]}.
    {call,1,{f,5}}. % build/1
    {move,{integer,0},{x,1}}.
    {call,2,{f,8}}. % sum/2
    {test_heap,2,1}.
    {put_list,{x,0},nil,{x,1}}.
    {move,{literal,"~p~n"},{x,0}}.
    {call_ext,2,{extfunc,io,format,2}}.
    {move,{atom,ok},{x,0}}.
    {deallocate,0}.
    return.
