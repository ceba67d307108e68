%% deep_print.s - a list nested a million deep, printed with ~w (was
%% tests/fuzz/repro/deep_print.s, open hole C of tests/fuzz/README.md:
%% print.c recursed in C once per level and overflowed the C stack,
%% SIGSEGV). The printer now walks with a stack of its own; the output is
%% erl's.
{module, deep_print}.
{exports, [{main,0}]}.

{function, build, 2, 4}.
  {label,3}.
    {func_info,{atom,deep_print},{atom,build},2}.
  {label,4}.
    {test,is_eq_exact,{f,5},[{x,0},{integer,0}]}.
    {move,{x,1},{x,0}}.
    return.
  {label,5}.
    {gc_bif,'-',{f,0},2,[{x,0},{integer,1}],{x,0}}.
    {test_heap,2,2}.
    {put_list,{x,1},nil,{x,1}}.
    {call_only,2,{f,4}}.

{function, main, 0, 2}.
  {label,1}.
    {func_info,{atom,deep_print},{atom,main},0}.
  {label,2}.
    {allocate,0,0}.
    {move,{integer,1000000},{x,0}}.
    {move,nil,{x,1}}.
    {call,2,{f,4}}.
    {test_heap,2,1}.
    {put_list,{x,0},nil,{x,1}}.
    {move,{literal,"~w~n"},{x,0}}.
    {call_ext,2,{extfunc,io,format,2}}.
    {deallocate,0}.
    return.
