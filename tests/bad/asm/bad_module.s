%% No {module, Name} directive.
{exports, []}.
{function, f, 0, 2}.
  {label,1}.
    {func_info,{atom,m},{atom,f},0}.
  {label,2}.
    return.
