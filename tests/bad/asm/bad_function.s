%% Function shape: func_info must name the function; the entry label must
%% follow func_info; make_fun3 must point at a function's entry label.
{module, bad_function}.
{exports, [{f,0},{g,0}]}.

{function, f, 0, 2}.
  {label,1}.
    {func_info,{atom,bad_function},{atom,h},0}.
  {label,2}.
    {make_fun3,{f,1},0,0,{x,0},{list,[]}}.
    return.

{function, g, 0, 5}.
  {label,3}.
    {func_info,{atom,bad_function},{atom,g},0}.
  {label,4}.
  {label,5}.
    return.
