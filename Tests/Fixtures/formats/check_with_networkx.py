#!/usr/bin/env python3
"""Reads netmap's GraphML, GEXF and node-link output with NetworkX and prints what it found, as JSON.

Usage: check_with_networkx.py GRAPHML GEXF NODELINK NODE_ID
Prints {"graphml": {...}, "gexf": {...}, "nodelink": {...}} with node and edge counts, the attributes of
NODE_ID and the attributes of every edge (sorted), for the netmap test to compare. Exit 3 when networkx is
missing.
"""
import json
import sys

try:
    import networkx as nx
except ImportError:
    print("networkx is not installed", file=sys.stderr)
    sys.exit(3)


def summary(graph, node_id):
    edges = []
    for u, v, data in graph.edges(data=True):
        data = {k: v for k, v in data.items() if k not in ("id", "key")}
        edges.append({"from": str(u), "to": str(v), "data": {k: str(x) for k, x in data.items()}})
    edges.sort(key=lambda e: json.dumps(e, sort_keys=True))
    return {
        "nodes": graph.number_of_nodes(),
        "edges": graph.number_of_edges(),
        "directed": graph.is_directed(),
        "node": {k: str(v) for k, v in graph.nodes[node_id].items() if k != "viz"},
        "edge_data": edges,
    }


def main():
    graphml, gexf, nodelink, node_id = sys.argv[1:5]
    with open(nodelink, encoding="utf-8") as handle:
        data = json.load(handle)
    result = {
        "graphml": summary(nx.read_graphml(graphml), node_id),
        "gexf": summary(nx.read_gexf(gexf), node_id),
        "nodelink": summary(nx.node_link_graph(data, edges="edges"), node_id),
    }
    print(json.dumps(result, ensure_ascii=False, sort_keys=True))


if __name__ == "__main__":
    main()
