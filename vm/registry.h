/* registry.h - registered process names (erlang:register/2 and friends).
 * One table under one lock: registering is rare, lookups are short. */
#ifndef BL_REGISTRY_H
#define BL_REGISTRY_H

#include <stdbool.h>
#include <stddef.h>

#include "process.h"

/* Names p (which must be alive and unnamed, the name unused). */
bool reg_register(Term name, Term pid);
bool reg_unregister(Term name);
/* The pid registered under name, or NIL. */
Term reg_whereis(Term name);
/* Drops p's name, if it has one (p is ending). */
void reg_drop_process(Process *p);
/* Fills names[0..max) with registered names; returns how many there are. */
size_t reg_names(Term *names, size_t max);

#endif
