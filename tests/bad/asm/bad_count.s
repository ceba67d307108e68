%% Operand counts: move takes two, test is_lt takes two arguments.
{module, bad_count}.
{exports, [{f,1}]}.

{function, f, 1, 2}.
  {label,1}.
    {func_info,{atom,bad_count},{atom,f},1}.
  {label,2}.
    {move,{x,0}}.
    {test,is_lt,{f,1},[{x,0}]}.
    return.
