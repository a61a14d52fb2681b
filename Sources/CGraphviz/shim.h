#ifndef NETMAP_CGRAPHVIZ_SHIM_H
#define NETMAP_CGRAPHVIZ_SHIM_H
#include <graphviz/gvc.h>
#include <graphviz/cgraph.h>

/* libcgraph's default id discipline, as a pointer (Swift 6 will not touch C globals directly). */
static inline Agiddisc_t *netmap_default_id_discipline(void) { return &AgIdDisc; }

/* libcgraph's lexer: flushes its buffer (exported by libcgraph, not declared in its headers). */
extern void aglexbad(void);
#endif
