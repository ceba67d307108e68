%% display.s - generated from erl/display.erl by examples/regen.sh
%% (erlc -S output with its type annotations and module_info removed).
{module, display}.  %% version = 0

{exports, [{main,0}]}.

{attributes, []}.

{labels, 7}.

{function, main, 0, 2}.
  {label,1}.
    {line,[{location,"erl/display.erl",6}]}.
    {func_info,{atom,display},{atom,main},0}.
  {label,2}.
    {allocate,0,0}.
    {move,{literal,{displayed,"str",1.5,[1|2],'Quoted',<<1,2>>}},{x,0}}.
    {line,[{location,"erl/display.erl",7}]}.
    {call_ext,1,{extfunc,erlang,display,1}}.
    {move,{integer,-12345678901234567890123},{x,0}}.
    {line,[{location,"erl/display.erl",8}]}.
    {call_ext,1,{extfunc,erlang,display,1}}.
    {move,nil,{x,0}}.
    {line,[{location,"erl/display.erl",9}]}.
    {call_ext,1,{extfunc,erlang,display,1}}.
    {move,{atom,ok},{x,0}}.
    {deallocate,0}.
    return.
