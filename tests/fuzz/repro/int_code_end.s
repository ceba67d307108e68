%% int_code_end.s - the verifier takes int_code_end as the end of a path,
%% but vm/emit.c emits nothing for it, so execution falls through into code
%% the verifier never looked at: a store to y0 with no frame, just past the
%% end of the process's heap block (with y1 .. y65535: anywhere up to 512 KB
%% beyond it).
%% Fix (vm/verify.c, case 3): let int_code_end fall through (no state
%% change), or refuse it inside a function.
{module, int_code_end}.
{exports, [{main,0}]}.

{function, main, 0, 2}.
  {label,1}.
    {func_info,{atom,int_code_end},{atom,main},0}.
  {label,2}.
    int_code_end.
    {move,{integer,7},{y,0}}.
    return.
