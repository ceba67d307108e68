%% Register numbers beyond the limits (x0..x1023, y0..y65535).
{module, bad_register}.
{exports, [{f,1}]}.

{function, f, 1, 2}.
  {label,1}.
    {func_info,{atom,bad_register},{atom,f},1}.
  {label,2}.
    {allocate,1,1}.
    {move,{x,1024},{y,0}}.
    {move,{x,0},{y,65536}}.
    {deallocate,1}.
    return.
