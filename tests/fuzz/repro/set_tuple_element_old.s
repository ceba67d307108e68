%% set_tuple_element_old.s - set_tuple_element writes into a tuple that has
%% survived a collection (interp.c only checks that it lies in the young
%% block). gc.c's minor collections rely on old objects never pointing at
%% younger ones: the next minor collection promotes the tuple to the old
%% heap, the one after that frees the block holding {1,2}, which the old
%% tuple still points at. erlang:display then reads freed memory.
%% Fix (vm/interp.c, set_tuple_element): accept only a tuple built since
%% the last collection (boxed_ptr(t) >= p->high_water), or have the
%% verifier require a put_tuple2 into the same register with no safe point
%% in between, as BEAM's compiler guarantees.
{module, set_tuple_element_old}.
{exports, [{main,0}]}.

{function, main, 0, 2}.
  {label,1}.
    {func_info,{atom,set_tuple_element_old},{atom,main},0}.
  {label,2}.
    {test_heap,3,0}.
    {put_tuple2,{x,0},{list,[{atom,a},{atom,b}]}}.
    {test_heap,1000,1}.
    {test_heap,3,1}.
    {put_tuple2,{x,1},{list,[{integer,1},{integer,2}]}}.
    {set_tuple_element,{x,1},{x,0},0}.
    {test_heap,5000,1}.
    {test_heap,20000,1}.
    {test_heap,80000,1}.
    {call_ext_only,1,{extfunc,erlang,display,1}}.
