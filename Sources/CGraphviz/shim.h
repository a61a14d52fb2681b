#ifndef NETMAP_CGRAPHVIZ_SHIM_H
#define NETMAP_CGRAPHVIZ_SHIM_H
#include <graphviz/gvc.h>
#include <graphviz/cgraph.h>

/* libcgraph's default memory, I/O and id disciplines, as pointers (Swift 6 will not touch C globals directly). */
static inline Agmemdisc_t *netmap_default_memory_discipline(void) { return &AgMemDisc; }
static inline Agiodisc_t *netmap_default_io_discipline(void) { return &AgIoDisc; }
static inline Agiddisc_t *netmap_default_id_discipline(void) { return &AgIdDisc; }
#endif
