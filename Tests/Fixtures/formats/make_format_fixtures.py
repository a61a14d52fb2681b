#!/usr/bin/env python3
"""Writes the NetworkX-made fixtures that netmap's format tests read.

Run from anywhere: python3 Tests/Fixtures/formats/make_format_fixtures.py
Writes, beside this script, Zachary's karate club and Les Misérables (from networkx's bundled copies)
as GraphML, GEXF 1.3, node-link JSON, Pajek and GML, and expected.json with their node and edge counts
and a few attribute values that the tests check.
"""
import json
import os

import networkx as nx

HERE = os.path.dirname(os.path.abspath(__file__))


def graphs():
    karate = nx.karate_club_graph()
    # ids as strings, so every format keeps the same names
    karate = nx.relabel_nodes(karate, {n: str(n) for n in karate})
    karate.graph["name"] = "karate"
    miserables = nx.les_miserables_graph()
    miserables.graph["name"] = "miserables"
    return {"karate": karate, "miserables": miserables}


def main():
    expected = {}
    for name, graph in graphs().items():
        base = os.path.join(HERE, name)
        nx.write_graphml(graph, base + ".graphml")
        nx.write_gexf(graph, base + ".gexf", version="1.3")
        with open(base + "-nodelink.json", "w", encoding="utf-8") as handle:
            json.dump(nx.node_link_data(graph, edges="edges"), handle, ensure_ascii=False, indent=1, sort_keys=True)
        nx.write_pajek(graph, base + ".net")
        nx.write_gml(graph, base + ".gml")
        first_edge = next(iter(graph.edges(data=True)))
        expected[name] = {
            "nodes": graph.number_of_nodes(),
            "edges": graph.number_of_edges(),
            "directed": graph.is_directed(),
            "edge": {"from": str(first_edge[0]), "to": str(first_edge[1]), "weight": first_edge[2].get("weight", 1)},
            "node_attributes": {str(n): {k: str(v) for k, v in d.items()} for n, d in list(graph.nodes(data=True))[:3]},
        }
    with open(os.path.join(HERE, "expected.json"), "w", encoding="utf-8") as handle:
        json.dump(expected, handle, ensure_ascii=False, indent=1, sort_keys=True)
        handle.write("\n")


if __name__ == "__main__":
    main()
