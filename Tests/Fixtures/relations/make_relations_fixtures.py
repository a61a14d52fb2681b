#!/usr/bin/env python3
"""Makes the relations fixtures: karate club and Les Misérables as netmap CSV pairs, and the values
NetworkX computes on them and on mini.yaml (shortest paths, path counts, projections, assortativity,
Louvain modularity). Run from anywhere: python3 make_relations_fixtures.py  (NetworkX 3.6)."""
import csv, itertools, json, os, re, unicodedata
import networkx as nx
from networkx.algorithms import bipartite
import yaml

HERE = os.path.dirname(os.path.abspath(__file__))


def slug(text):
    text = unicodedata.normalize("NFKD", text.lower()).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")


def write_pair(folder, G, node_columns, relation, weighted):
    os.makedirs(os.path.join(HERE, folder), exist_ok=True)
    with open(os.path.join(HERE, folder, "nodes.csv"), "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["id", "label", "kind"] + [c for c, _ in node_columns])
        for n, d in G.nodes(data=True):
            w.writerow([n, d["label"], "node"] + [fn(d) for _, fn in node_columns])
    with open(os.path.join(HERE, folder, "edges.csv"), "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["from", "to", "relation"] + (["weight"] if weighted else []))
        for u, v, d in G.edges(data=True):
            w.writerow([u, v, relation] + ([repr(float(d["weight"]))] if weighted else []))


def path_facts(G, weighted, pairs):
    nodes = list(G)
    facts = {"lengths": {}, "all_shortest_counts": {}, "simple_path_counts_cutoff3": {}}
    for s in nodes[:5] + nodes[-2:]:
        facts["lengths"][s] = dict(nx.single_source_shortest_path_length(G, s))
        if weighted:
            facts.setdefault("weighted_lengths", {})[s] = dict(nx.single_source_dijkstra_path_length(G, s, weight="weight"))
    for s, t in pairs:
        key = f"{s}|{t}"
        facts["all_shortest_counts"][key] = sum(1 for _ in nx.all_shortest_paths(G, s, t))
        facts["simple_path_counts_cutoff3"][key] = sum(1 for _ in nx.all_simple_paths(G, s, t, cutoff=3))
        if weighted:
            facts.setdefault("weighted_all_shortest_counts", {})[key] = sum(1 for _ in nx.all_shortest_paths(G, s, t, weight="weight"))
    return facts


def louvain_facts(G, weighted):
    """Modularity of NetworkX's Louvain partitions over seeds 0..49 (seed0, best, worst, mean)."""
    facts = {}
    w = "weight" if weighted else None
    for res in (0.5, 1.0, 2.0):
        qs = []
        for seed in range(50):
            parts = nx.community.louvain_communities(G, weight=w, resolution=res, seed=seed)
            qs.append(nx.community.modularity(G, parts, weight=w, resolution=res))
        facts[str(res)] = {"seed0": qs[0], "best": max(qs), "worst": min(qs), "mean": sum(qs) / len(qs)}
    return facts


def modularity_facts(G, weighted):
    """Modularity of fixed partitions, to check the formula itself."""
    w = "weight" if weighted else None
    nodes = list(G)
    halves = [set(nodes[: len(nodes) // 2]), set(nodes[len(nodes) // 2:])]
    thirds = [set(nodes[i::3]) for i in range(3)]
    out = {}
    for name, parts in (("halves", halves), ("thirds", thirds)):
        for res in (0.5, 1.0, 2.0):
            out[f"{name}|{res}"] = nx.community.modularity(G, parts, weight=w, resolution=res)
    return out


def main():
    expected = {}

    # Zachary's karate club.
    K = nx.karate_club_graph()
    G = nx.Graph()
    for n, d in K.nodes(data=True):
        G.add_node(f"n{n}", label=f"Member {n}", club=d["club"])
    for u, v in K.edges():
        G.add_edge(f"n{u}", f"n{v}")
    write_pair("karate", G, [("club", lambda d: d["club"])], "cooperates_with", False)
    expected["karate"] = {
        "paths": path_facts(G, False, [("n0", "n33"), ("n16", "n25"), ("n11", "n26"), ("n5", "n29")]),
        "louvain": louvain_facts(G, False),
        "modularity": modularity_facts(G, False),
        "assortativity_club": nx.attribute_assortativity_coefficient(G, "club"),
        "singletons_modularity": nx.community.modularity(G, [{n} for n in G]),
    }

    # Les Misérables (weighted co-appearances).
    L = nx.les_miserables_graph()
    G = nx.Graph()
    ids = {n: slug(n) for n in L}
    assert len(set(ids.values())) == len(ids)
    for n in L:
        G.add_node(ids[n], label=n)
    for u, v, d in L.edges(data=True):
        G.add_edge(ids[u], ids[v], weight=float(d["weight"]))
    write_pair("lesmis", G, [], "cooperates_with", True)
    expected["lesmis"] = {
        "paths": path_facts(G, True, [("valjean", "napoleon"), ("myriel", "brujon"), ("champtercier", "child2"), ("cosette", "gavroche")]),
        "louvain": louvain_facts(G, False),
        "louvain_weighted": louvain_facts(G, True),
        "modularity_weighted": modularity_facts(G, True),
    }

    # The made-up county network: projection, assortativity, paths.
    with open(os.path.join(HERE, "mini.yaml")) as f:
        doc = yaml.safe_load(f)
    M = nx.Graph()
    for n in doc["nodes"]:
        M.add_node(n["id"], **{k: str(v) for k, v in n.items() if k != "id"})
    for e in doc["edges"]:
        if e["from"] != e["to"]:
            M.add_edge(e["from"], e["to"])
    kind = nx.get_node_attributes(M, "kind")
    counties = [n for n in M if kind[n] == "county"]
    via = {"programme", "network", "region"}
    B = nx.Graph()
    B.add_nodes_from(counties)
    B.add_nodes_from(n for n in M if kind[n] in via)
    B.add_edges_from((u, v) for u, v in M.edges() if {kind[u] in via, kind[v] in via} == {True, False}
                     and (kind[u] == "county" or kind[v] == "county"))
    simple = bipartite.weighted_projected_graph(B, counties)
    newman = bipartite.collaboration_weighted_projected_graph(B, counties)
    with_country = M.subgraph([n for n in M if "country" in M.nodes[n]])
    expected["mini"] = {
        "projection_weights": {f"{u}|{v}": d["weight"] for u, v, d in simple.edges(data=True)},
        "projection_newman": {f"{u}|{v}": d["weight"] for u, v, d in newman.edges(data=True)},
        "assortativity_kind": nx.attribute_assortativity_coefficient(M, "kind"),
        "assortativity_country": nx.attribute_assortativity_coefficient(with_country, "country"),
        "paths": path_facts(M, False, [("telemark-fk", "kaunas"), ("nordland-fk", "usn"), ("trondelag-fk", "vestfold-fk")]),
    }

    with open(os.path.join(HERE, "expected.json"), "w") as f:
        json.dump(expected, f, indent=1, sort_keys=True)
        f.write("\n")


if __name__ == "__main__":
    main()
