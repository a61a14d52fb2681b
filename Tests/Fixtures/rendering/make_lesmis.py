"""Writes lesmis.yaml: NetworkX's Les Misérables co-appearance graph (Knuth 1993) as a netmap network.

Run: python3 Tests/Fixtures/rendering/make_lesmis.py  (networkx 3.6)
"""
import re
from pathlib import Path
import networkx as nx

g = nx.les_miserables_graph()
def slug(name):
    return re.sub(r"-+", "-", re.sub(r"[^a-z0-9]", "-", name.lower())).strip("-")
ids = {n: slug(n) for n in g.nodes}
assert len(set(ids.values())) == len(ids)
def q(text):
    return '"' + text.replace('\\', '\\\\').replace('"', '\\"') + '"'
out = ["network: Les Misérables co-appearances", "sources:", "  knuth1993:", "    title: The Stanford GraphBase", "    year: 1993", "nodes:"]
for n in sorted(g.nodes):
    out.append(f"  - {{id: {ids[n]}, label: {q(n)}, kind: node}}")
out.append("relations:")
out.append("  appears_with: {symmetric: true}")
out.append("edges:")
for u, v, d in sorted(g.edges(data=True), key=lambda e: (ids[e[0]], ids[e[1]])):
    a, b = sorted((ids[u], ids[v]))
    out.append(f"  - {{from: {a}, to: {b}, relation: appears_with, weight: {d['weight']}, cite: knuth1993}}")
Path(__file__).with_name("lesmis.yaml").write_text("\n".join(out) + "\n")
