%% trim_catch.s - `trim` while a try marker is active: the unwinder finds the
%% handler's frame from the y number the marker was set with (y1), but the
%% trim moved it to y0, so it computes a frame one word below the stack top
%% and returns through boom's y2 (12345): SIGSEGV at 0x181cf.
%% Fix (vm/verify.c, case 136): refuse trim while s->catches != 0.
{module, trim_catch}.
{exports, [{main,0}]}.

{function, boom, 0, 4}.
  {label,3}.
    {func_info,{atom,trim_catch},{atom,boom},0}.
  {label,4}.
    {allocate,3,0}.
    {move,{integer,12345},{y,0}}.
    {move,{integer,12345},{y,1}}.
    {move,{integer,12345},{y,2}}.
    {badmatch,{atom,boom}}.

{function, main, 0, 2}.
  {label,1}.
    {func_info,{atom,trim_catch},{atom,main},0}.
  {label,2}.
    {allocate,2,0}.
    {'try',{y,1},{f,5}}.
    {trim,1,1}.
    {call,0,{f,4}}.
    {try_end,{y,0}}.
    {deallocate,1}.
    return.
  {label,5}.
    {try_case,{y,1}}.
    {deallocate,2}.
    return.
