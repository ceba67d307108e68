%% hello.s - the smallest beamlet program: print a line.
{module, hello}.
{exports, [{main,0}]}.

{function, main, 0, 2}.
  {label,1}.
    {func_info,{atom,hello},{atom,main},0}.
  {label,2}.
    {move,{literal,"Hello, world!~n"},{x,0}}.
    {call_ext_only,1,{extfunc,io,format,1}}.
