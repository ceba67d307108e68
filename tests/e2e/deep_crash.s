%% deep_crash.s - generated from erl/deep_crash.erl by examples/regen.sh
%% (erlc -S output with its type annotations and module_info removed).
{module, deep_crash}.  %% version = 0

{exports, [{main,0}]}.

{attributes, []}.

{labels, 10}.

{function, nest, 2, 2}.
  {label,1}.
    {line,[{location,"erl/deep_crash.erl",3}]}.
    {func_info,{atom,deep_crash},{atom,nest},2}.
  {label,2}.
    {test,is_eq_exact,{f,3},[{x,0},{integer,0}]}.
    {move,{x,1},{x,0}}.
    return.
  {label,3}.
    {line,[{location,"erl/deep_crash.erl",4}]}.
    {gc_bif,'-',{f,0},2,[{x,0},{integer,1}],{x,0}}.
    {test_heap,2,2}.
    {put_list,{x,1},nil,{x,1}}.
    {call_only,2,{f,2}}. % nest/2

{function, main, 0, 5}.
  {label,4}.
    {line,[{location,"erl/deep_crash.erl",5}]}.
    {func_info,{atom,deep_crash},{atom,main},0}.
  {label,5}.
    {allocate,0,0}.
    {move,{literal,"crashing~n"},{x,0}}.
    {line,[{location,"erl/deep_crash.erl",6}]}.
    {call_ext,1,{extfunc,io,format,1}}.
    {move,{atom,x},{x,1}}.
    {move,{integer,1000000},{x,0}}.
    {line,[{location,"erl/deep_crash.erl",7}]}.
    {call,2,{f,2}}. % nest/2
    {test_heap,3,1}.
    {put_tuple2,{x,0},{list,[{atom,deep},{x,0}]}}.
    {call_ext_last,1,{extfunc,erlang,error,1},0}.
