%% catch_order.s - two catch markers in one frame, set in ascending y order.
%% exc_find_catch takes the lowest address (y0, the older marker), whose
%% handler (label 5) was verified without the marker in y1: it reads that
%% marker as a value and passes it to g, which stores it in its own frame
%% and raises; the unwinder "finds" the forged marker, derives a frame from
%% it and returns through g's y7 (12345): SIGSEGV at 0x181cf, an address the
%% program chose.
%% Fix (vm/verify.c, set_catch): while markers are active, a new one must
%% sit in a lower y register than all of them (what erlc does), so the
%% lowest-addressed marker is always the newest.
{module, catch_order}.
{exports, [{main,0}]}.

{function, g, 1, 4}.
  {label,3}.
    {func_info,{atom,catch_order},{atom,g},1}.
  {label,4}.
    {allocate,10,1}.
    {move,{integer,12345},{y,7}}.
    {move,{x,0},{y,9}}.
    {badmatch,{atom,boom}}.

{function, main, 0, 2}.
  {label,1}.
    {func_info,{atom,catch_order},{atom,main},0}.
  {label,2}.
    {allocate,2,0}.
    {'catch',{y,0},{f,5}}.
    {'catch',{y,1},{f,6}}.
    {badmatch,{atom,first}}.
  {label,5}.
    {catch_end,{y,0}}.
    {move,{y,1},{x,0}}.
    {call,1,{f,4}}.
    {deallocate,2}.
    return.
  {label,6}.
    {catch_end,{y,1}}.
    {catch_end,{y,0}}.
    {deallocate,2}.
    return.
