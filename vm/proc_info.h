/* proc_info.h - the answers of erlang:process_info/1,2.
 *
 * A process's state is its own (heap, queue, links, dictionary), so only
 * the process itself may read it: for another process, process_info sends
 * a SIG_INFO signal and the target builds the answer when it acts on its
 * signals (signal.c), into a message back to the asker. Because signals and
 * messages share one ordered inbox, the answer counts exactly the messages
 * sent to the target before the request. The builder here writes the
 * answer into a message fragment, whether it goes to another process or, for
 * process_info(self(), ...), straight onto the caller's heap. */
#ifndef BL_PROC_INFO_H
#define BL_PROC_INFO_H

#include <stdbool.h>
#include <stddef.h>

#include "mailbox.h"
#include "process.h"

/* The items of spec (an item, or a proper list of them) in a new array
 * *items for the caller to free; *list tells which spec was. Returns the
 * count, or -1 if spec names something process_info does not know (badarg)
 * or memory ran out. */
long pinfo_items(Term spec, Term **items, bool *list);

/* The items process_info/1 reports, in OTP's order (those beamlet has). */
extern const Term pinfo_default[];
extern const unsigned pinfo_ndefault;

/* Builds the answer for p (running on this thread) into a new message:
 * {Item, Value} for one item ([] for registered_name when p has no name),
 * [{Item, Value}, ...] for a list; with tag_ref not 0, wrapped as
 * {Ref, Answer} with a reference of that id. status is the atom the status
 * item reports. NULL if out of memory. */
Message *pinfo_build(Process *p, const Term *items, size_t n, bool list, Term status,
                     uint64_t tag_ref);

#endif
