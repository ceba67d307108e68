%% A label used but never defined, and a label defined twice.
{module, bad_labels}.
{exports, [{f,1}]}.

{function, f, 1, 2}.
  {label,1}.
    {func_info,{atom,bad_labels},{atom,f},1}.
  {label,2}.
    {test,is_nil,{f,7},[{x,0}]}.
    return.
  {label,2}.
    {jump,{f,1}}.
