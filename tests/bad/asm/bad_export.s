%% g/0 is exported but there is no such function (only g/1).
{module, bad_export}.
{exports, [{g,0}]}.

{function, g, 1, 2}.
  {label,1}.
    {func_info,{atom,bad_export},{atom,g},1}.
  {label,2}.
    return.
