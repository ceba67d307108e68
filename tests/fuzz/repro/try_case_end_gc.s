%% try_case_end_gc.s - run with BEAMLET_GC_STRESS=1 (or let the heap be
%% full): try_case_end reads its operand into a C local, then calls
%% reserve(), which may collect; the {try_clause, V} it raises then holds
%% the old address of V, and the crash report reads freed memory.
%% Fix (vm/interp.c, try_case_end): park V in x0 and reserve with 1 live
%% register, as badmatch and case_end do.
{module, try_case_end_gc}.
{exports, [{main,0}]}.

{function, main, 0, 2}.
  {label,1}.
    {func_info,{atom,try_case_end_gc},{atom,main},0}.
  {label,2}.
    {test_heap,3,0}.
    {put_tuple2,{x,0},{list,[{integer,1},{integer,2}]}}.
    {try_case_end,{x,0}}.
