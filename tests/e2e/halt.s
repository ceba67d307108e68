%% halt.s - generated from erl/halt.erl by examples/regen.sh
%% (erlc -S output with its type annotations and module_info removed).
{module, halt}.  %% version = 0

{exports, [{main,0}]}.

{attributes, []}.

{labels, 7}.

{function, main, 0, 2}.
  {label,1}.
    {line,[{location,"erl/halt.erl",4}]}.
    {func_info,{atom,halt},{atom,main},0}.
  {label,2}.
    {allocate,0,0}.
    {move,{literal,"before halt~n"},{x,0}}.
    {line,[{location,"erl/halt.erl",5}]}.
    {call_ext,1,{extfunc,io,format,1}}.
    {move,{integer,3},{x,0}}.
    {line,[{location,"erl/halt.erl",6}]}.
    {call_ext,1,{extfunc,erlang,halt,1}}.
    {move,{literal,"never printed~n"},{x,0}}.
    {line,[{location,"erl/halt.erl",7}]}.
    {call_ext_last,1,{extfunc,io,format,1},0}.
