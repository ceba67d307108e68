%% stale_x.s - x registers the interpreter reads but never clears.
%% erlang:apply/3 puts 200 arguments in x0..x199; f/200 collects garbage
%% (test_heap with 0 live, which clears only x0..code_max_x()-1, here x0..x2)
%% and then jumps to its func_info label, which raises function_clause with
%% x0..x199 as the arguments: x3..x199 still point into the heap block the
%% collection freed. The crash report reads them: heap-use-after-free
%% (valgrind or ASan).
%% Fix: make code_max_x() cover every register the interpreter may read -
%% count func_info arities, call and call_ext arities, live operands
%% (allocate, test_heap, gc_bif + n), call_fun u + 1, apply u + 2 and lambda
%% arities in the loader's max_x, and at least 256 for erlang:apply/2,3
%% (or clear all BC_MAX_X registers).
{module, stale_x}.
{exports, [{main,0},{f,200}]}.

{function, f, 200, 4}.
  {label,3}.
    {func_info,{atom,stale_x},{atom,f},200}.
  {label,4}.
    {test_heap,100000,0}.
    {jump,{f,3}}.

{function, main, 0, 2}.
  {label,1}.
    {func_info,{atom,stale_x},{atom,main},0}.
  {label,2}.
    {allocate,0,0}.
    {test_heap,3,0}.
    {put_tuple2,{x,1},{list,[{integer,1},{integer,2}]}}.
    {move,{integer,200},{x,0}}.
    {call_ext,2,{extfunc,erlang,make_tuple,2}}.
    {call_ext,1,{extfunc,erlang,tuple_to_list,1}}.
    {move,{x,0},{x,2}}.
    {move,{atom,stale_x},{x,0}}.
    {move,{atom,f},{x,1}}.
    {call_ext,3,{extfunc,erlang,apply,3}}.
    {deallocate,0}.
    return.
