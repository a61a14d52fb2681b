#ifndef NETMAP_CGRAPHVIZ_SHIM_H
#define NETMAP_CGRAPHVIZ_SHIM_H
#include <graphviz/gvc.h>
#include <graphviz/cgraph.h>

/* libcgraph's default id discipline, as a pointer (Swift 6 will not touch C globals directly). */
static inline Agiddisc_t *netmap_default_id_discipline(void) { return &AgIdDisc; }

/* libcgraph's lexer keeps what it read past the end of a graph (a trailing line break) and counts it in the
   next read; aglexbad() (exported, not declared in cgraph.h) discards it. */
extern void aglexbad(void);
#endif
