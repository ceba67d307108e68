/* ptab.h - the process table: pid -> process.
 *
 * A pid's number is a slot index plus a generation times the table size, so
 * a pid is never reused while anything may still hold it in practice, and
 * looking one up is one array read and one compare.
 *
 * Safety without reference counts: a slot is changed only under its stripe
 * lock, and whoever wants to touch another process (send, signal, wake)
 * holds that lock while it does. A process removes itself from the table
 * (under the lock) before it frees anything, so once ptab_lock_pid has
 * returned it, the process stays allocated until ptab_unlock. */
#ifndef BL_PTAB_H
#define BL_PTAB_H

#include <stddef.h>

#include "process.h"

/* Sets the table's size (a power of two, at least 1024); call once before
 * anything else. Returns false if out of memory. */
bool ptab_init(size_t max_procs);

/* Gives p a pid and puts it in the table. False when the table is full
 * (system_limit). */
bool ptab_insert(Process *p);

/* Takes p out of the table: from now on no one can find it. */
void ptab_remove(Process *p);

/* Looks a pid up. Returns the process with its stripe locked (call
 * ptab_unlock), or NULL (no lock held) if there is none. */
Process *ptab_lock_pid(Term pid);
void ptab_unlock(Term pid);

/* Is there a live process with this pid? (A hint: it may end right after.) */
bool ptab_alive(Term pid);

/* Processes in the table now. */
size_t ptab_count(void);

/* Calls fn on each pid in the table (processes may come and go meanwhile). */
void ptab_each(void (*fn)(Term pid, void *arg), void *arg);

#endif
