%% e2e_helper.s - generated from erl/e2e_helper.erl by examples/regen.sh
%% (erlc -S output with its type annotations and module_info removed).
{module, e2e_helper}.  %% version = 0

{exports, [{double,1}]}.

{attributes, []}.

{labels, 7}.

{function, double, 1, 2}.
  {label,1}.
    {line,[{location,"erl/e2e_helper.erl",4}]}.
    {func_info,{atom,e2e_helper},{atom,double},1}.
  {label,2}.
    {gc_bif,'*',{f,0},1,[{x,0},{integer,2}],{x,0}}.
    return.
