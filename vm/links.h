/* links.h - a process's links and monitors, as a set owned by the process.
 *
 * Only the owning process's thread touches its set (signals reach it through
 * the mailbox, see signal.h), so there is no locking. Entries are kept dense
 * in an array, so that the end of a process walks them all cheaply; past a
 * few entries a hash index finds one in constant time, because a process
 * linked to or monitored by many others (a supervisor, a server every
 * client monitors) hears from each of them once per link and must not scan
 * them all each time. */
#ifndef BL_LINKS_H
#define BL_LINKS_H

#include <stdbool.h>
#include <stdint.h>

#include "term.h"

enum { LK_LINK, LK_MON_OUT, LK_MON_IN };

typedef struct {
    uint32_t type; /* LK_* */
    Term pid;      /* the other process */
    uint64_t ref;  /* monitor id (monitors only; 0 for links) */
    Term name;     /* a monitor made by registered name: the name; else NIL */
} LinkEntry;

typedef struct ProcLinks ProcLinks;

/* The entry of this type: links are found by pid, monitors by ref. NULL
 * if none (or l is NULL). */
LinkEntry *lk_find(ProcLinks *l, uint32_t type, Term pid, uint64_t ref);

/* Adds an entry (the caller knows it is not there yet). *lp may move;
 * false if out of memory (nothing changed). */
bool lk_add(ProcLinks **lp, uint32_t type, Term pid, uint64_t ref, Term name);

/* Removes e, found by lk_find on *lp; frees the set when it empties.
 * Other entries may move: pointers from lk_find are stale afterwards. */
void lk_remove(ProcLinks **lp, LinkEntry *e);

/* Number of entries, and entry i (0 <= i < count), for walking them all. */
uint32_t lk_count(const ProcLinks *l);
LinkEntry *lk_entry(ProcLinks *l, uint32_t i);

void lk_free(ProcLinks *l);

#endif
