%% A misspelt instruction, and one that beamlet does not have (yet).
{module, bad_unknown}.
{exports, [{f,1}]}.

{function, f, 1, 2}.
  {label,1}.
    {func_info,{atom,bad_unknown},{atom,f},1}.
  {label,2}.
    {mvoe,{x,0},{x,1}}.
    {get_map_elements,{f,1},{x,0},{list,[{atom,a},{x,1}]}}.
    return.
