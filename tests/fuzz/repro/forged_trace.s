%% forged_trace.s - raw_raise (and raise) take the stack trace from the
%% program. The crash report prints each {M, F, Args, Loc} frame with
%% print_atom without checking that M and F are atoms: here M is the
%% integer 123456789, whose bits index the atom table far out of bounds
%% (SIGSEGV; under UBSan "index out of bounds for type 'AtomEntry *[256]'").
%% Fix (vm/exception.c, exc_print_report): check is_atom / is_small, print
%% anything else with print_w; or refuse such a trace in raise/raw_raise.
{module, forged_trace}.
{exports, [{main,0}]}.

{function, main, 0, 2}.
  {label,1}.
    {func_info,{atom,forged_trace},{atom,main},0}.
  {label,2}.
    {move,{atom,error},{x,0}}.
    {move,{atom,boom},{x,1}}.
    {move,{literal,[{123456789,{x},3,[]}]},{x,2}}.
    raw_raise.
