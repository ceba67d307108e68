%% Code before the first {function,...} belongs to no function.
{module, bad_outside}.
{move,{atom,ok},{x,0}}.
return.
{function, f, 0, 2}.
  {label,1}.
    {func_info,{atom,bad_outside},{atom,f},0}.
  {label,2}.
    return.
