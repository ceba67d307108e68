%% erts_internal - Erlang code some BIFs go on in (bif_trap in vm/bif.h).
-module(erts_internal).
-export([await_reply/1]).

%% process_info of another process: the BIF has sent the request; the
%% answer comes as {Ref, Answer}, built by the target itself.
await_reply(Ref) ->
    receive {Ref, Answer} -> Answer end.
