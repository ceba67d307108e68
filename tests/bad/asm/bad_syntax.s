%% Malformed terms: each error is reported and the reader goes on at the
%% next '.', so all three are found.
{module, bad_syntax}.
{exports, [{f,1}]}.

{function, f, 1, 2}.
  {label,1}.
    {func_info,{atom,bad_syntax},{atom,f},1}.
  {label,2}.
    {move,{x,0},{x,1}.
    {move,X,{x,0}}.
    {move,{integer,16#FG},{x,0}}.
    return.
