%% A destination must be a register: {integer,1} cannot be written to.
{module, bad_operand}.
{exports, [{f,1}]}.

{function, f, 1, 2}.
  {label,1}.
    {func_info,{atom,bad_operand},{atom,f},1}.
  {label,2}.
    {move,{x,0},{integer,1}}.
    return.
