%% An unterminated string: reported where it starts; the next line is
%% read as a new form, so the error after it is found too.
{module, bad_string}.
{exports, [{f,0}]}.

{function, f, 0, 2}.
  {label,1}.
    {func_info,{atom,bad_string},{atom,f},0}.
  {label,2}.
    {move,{literal,"hello},{x,0}}.
    {move,{atom,'abc},{x,0}}.
    {retrun}.
