/* signal.h - sending messages and signals, acting on received signals,
 * links, monitors, and the end of a process.
 *
 * Every interaction between processes is a Message pushed onto the
 * receiver's inbox; the receiver acts on signals itself when it drains its
 * inbox (sig_drain), so a process's links and monitors are only ever touched
 * by its own thread. Exit signal semantics are Erlang's:
 *   linked exit, Reason = normal      ignored unless trapping
 *   linked exit, any other Reason     kills, or {'EXIT', From, Reason} if trapping
 *   exit/2 with kill                  kills with reason killed, even if trapping
 *   exit/2 otherwise                  as a linked exit
 * A link or monitor signal that reaches a process that has ended is answered
 * with noproc. */
#ifndef BL_SIGNAL_H
#define BL_SIGNAL_H

#include "mailbox.h"
#include "process.h"

/* Sends a copy of msg from p to dest (a pid, or a registered name). False
 * (badarg) if dest is a name nobody has, or not a pid or atom; a pid that
 * has ended silently drops the message, as Erlang does. False too if out of
 * memory (p->exc_reason says which). */
bool sig_send(Process *p, Term dest, Term msg);

/* Delivers a prepared message or signal to dest (pid or name); frees it
 * and returns false if there is no such process. */
bool sig_deliver(Term dest, Message *m);

/* Moves the inbox into the private queue, acting on the signals among the
 * messages. False if a signal ended the process: p->exit_reason says why. */
bool sig_drain(Process *p);

/* sig_drain as a process is switched in: a process_info request answered
 * now reports it waiting (if it was in a receive) or runnable. */
bool sig_drain_switch_in(Process *p);

/* sig_drain from inside a BIF, which cannot end the process there: if a
 * signal ended it, marks it to exit at the yield that follows the BIF
 * (PF_EXIT_PENDING) and returns false; the BIF then returns any term. */
bool sig_drain_in_bif(Process *p);

/* Asks pid for process_info(pid, spec): the answer comes to p as a message
 * {Ref, Answer} with a reference of id ref. False if there is no such
 * process (the answer is then undefined) or memory ran out. */
bool sig_info_request(Process *p, Term pid, Term spec, uint64_t ref);

/* Links, monitors and exit signals, for the BIFs. Each returns false only
 * when out of memory. */
bool sig_link(Process *p, Term pid);         /* false: noproc raised in p */
void sig_unlink(Process *p, Term pid);
/* Monitors pid (NIL: a name nobody has); name is the registered name it
 * was found by, or NIL: 'DOWN' then names {Name, node()}, not the pid. */
bool sig_monitor(Process *p, Term pid, Term name, uint64_t ref_id);
/* Drops a monitor p holds; true if it was active. */
bool sig_demonitor(Process *p, uint64_t ref_id);
bool sig_exit(Process *p, Term pid, Term reason); /* exit/2 */

/* Links/monitors a just-spawned child c (not running yet) to its parent. */
bool sig_spawn_link(Process *parent, Process *c);
bool sig_spawn_monitor(Process *parent, Process *c, uint64_t ref_id);

/* A new reference id, unique in this VM. */
uint64_t sig_new_ref_id(void);

/* Builds a reference term for an id; REF_WORDS words must be reserved. */
#define REF_WORDS 3
Term sig_make_ref(Process *p, uint64_t id);
/* Writes a reference term for an id into the REF_WORDS words at hp. */
Term sig_put_ref(Term *hp, uint64_t id);
uint64_t sig_ref_id(Term ref);

/* The process has finished (p->exit_reason set, running on this thread):
 * reports a crash, tells its links and monitors, frees it, and ends the VM
 * if it was the main process. */
void sig_process_exit(Process *p);

#endif
