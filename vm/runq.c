/* runq.c - run queues (see runq.h). */
#include "runq.h"

void rq_init(RunQueue *rq)
{
    spin_init(&rq->lock);
    for (int i = 0; i < PRIO_COUNT; i++)
        rq->q[i].head = rq->q[i].tail = NULL;
    atomic_init(&rq->len, 0);
    rq->low_turn = 0;
}

size_t rq_push(RunQueue *rq, Process *p)
{
    ProcQueue *q = &rq->q[p->prio < PRIO_COUNT ? p->prio : PRIO_NORMAL];
    p->rq_next = NULL;
    spin_lock(&rq->lock);
    if (q->tail)
        q->tail->rq_next = p;
    else
        q->head = p;
    q->tail = p;
    size_t len = atomic_fetch_add(&rq->len, 1) + 1;
    spin_unlock(&rq->lock);
    return len;
}

static Process *q_pop(ProcQueue *q)
{
    Process *p = q->head;
    if (p) {
        q->head = p->rq_next;
        if (!q->head)
            q->tail = NULL;
        p->rq_next = NULL;
    }
    return p;
}

Process *rq_pop(RunQueue *rq)
{
    if (rq_len(rq) == 0)
        return NULL;
    spin_lock(&rq->lock);
    Process *p = q_pop(&rq->q[PRIO_MAX]);
    if (!p)
        p = q_pop(&rq->q[PRIO_HIGH]);
    if (!p) {
        if (rq->q[PRIO_LOW].head && (++rq->low_turn >= 8 || !rq->q[PRIO_NORMAL].head)) {
            rq->low_turn = 0;
            p = q_pop(&rq->q[PRIO_LOW]);
        } else {
            p = q_pop(&rq->q[PRIO_NORMAL]);
        }
    }
    if (p)
        atomic_fetch_sub(&rq->len, 1);
    spin_unlock(&rq->lock);
    return p;
}

Process *rq_steal_half(RunQueue *rq, size_t *n)
{
    *n = 0;
    if (rq_len(rq) == 0)
        return NULL;
    Process *got = NULL, *tail = NULL;
    spin_lock(&rq->lock);
    size_t take = (atomic_load(&rq->len) + 1) / 2;
    for (int prio = 0; prio < PRIO_COUNT && *n < take; prio++) {
        Process *p;
        while (*n < take && (p = q_pop(&rq->q[prio]))) {
            if (tail)
                tail->rq_next = p;
            else
                got = p;
            tail = p;
            (*n)++;
        }
    }
    atomic_fetch_sub(&rq->len, *n);
    spin_unlock(&rq->lock);
    return got;
}
