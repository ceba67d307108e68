/* bif_text.c - BIFs that give a term's printed form as a string:
 * pid_to_list/1, ref_to_list/1 and fun_to_list/1, the text ~w prints. */
#include "bif.h"
#include "print.h"
#include "strbuf.h"

/* The text as a list of characters (the printer writes only ASCII here). */
static Term printed(Process *p, Term *args, unsigned live, bool ok)
{
    if (!ok)
        return bif_badarg(p);
    StrBuf sb = { 0 };
    print_w(&sb, args[0], -1);
    Term r = NIL;
    if (proc_reserve(p, 2 * sb.len, live)) {
        for (size_t i = sb.len; i-- > 0;)
            r = proc_cons(p, make_small((unsigned char)sb.data[i]), r);
    } else {
        r = bif_heap_exhausted(p);
    }
    sb_free(&sb);
    return r;
}

Term bif_pid_to_list_1(Process *p, Term *args, unsigned live) { return printed(p, args, live, is_pid(args[0])); }
Term bif_ref_to_list_1(Process *p, Term *args, unsigned live) { return printed(p, args, live, is_ref(args[0])); }
Term bif_fun_to_list_1(Process *p, Term *args, unsigned live) { return printed(p, args, live, is_fun(args[0])); }
