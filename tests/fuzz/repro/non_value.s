%% non_value.s - a catch handler is entered with x0 = THE_NON_VALUE (its
%% catch_end turns that into the caught value). This handler conses x0 into
%% a list before catch_end; a cons whose head is THE_NON_VALUE is what the
%% collector takes for an already-moved cell, so the next collection
%% returns its tail ({1,2}) without copying it: x0 then points into the
%% freed heap, and erlang:display reads it (heap-use-after-free).
%% Fix (vm/verify.c): the first instruction at a catch handler must be
%% catch_end on its marker (try_case at a try handler), as erlc always
%% writes; or have the unwinder put a real term in x0.
{module, non_value}.
{exports, [{main,0}]}.

{function, main, 0, 2}.
  {label,1}.
    {func_info,{atom,non_value},{atom,main},0}.
  {label,2}.
    {allocate,1,0}.
    {'catch',{y,0},{f,3}}.
    {badmatch,{atom,boom}}.
  {label,3}.
    {test_heap,5,1}.
    {put_tuple2,{x,1},{list,[{integer,1},{integer,2}]}}.
    {put_list,{x,0},{x,1},{x,0}}.
    {catch_end,{y,0}}.
    {test_heap,100000,1}.
    {call_ext,1,{extfunc,erlang,display,1}}.
    {deallocate,1}.
    return.
