#!/usr/bin/env python3
"""Writes the analysis fixtures: CSV pairs netmap loads, and the values NetworkX computes for them.

Run from the package root:  python3 Tests/Fixtures/make_fixtures.py
Requires networkx (3.6 was used), numpy and scipy. Output is deterministic.

For every fixture <name> this writes Tests/Fixtures/<name>/{nodes.csv,edges.csv,expected.json}.
expected.json holds, per view ("undirected", "weighted", "directed", "directed_weighted"), a map
measure -> {node id -> value}, using NetworkX's default conventions:
  - weighted path measures use distance = 1/weight (netmap's --weighted convention),
  - iterative measures are run to tolerance 1e-10,
  - NaN (isolated nodes in constraint/effective_size) is written as null.
Brokerage (Gould & Fernandez 1989; no NetworkX function) is computed here by direct enumeration of
two-paths, as an independent check of netmap's implementation.
"""
import csv
import json
import math
import os
import random
import re

import networkx as nx

HERE = os.path.dirname(os.path.abspath(__file__))
TOL = 1e-10


def slug(text):
    text = str(text).lower()
    text = re.sub(r"[^a-z0-9]+", "-", text).strip("-")
    return text or "node"


def clean(value):
    if isinstance(value, float) and math.isnan(value):
        return None
    return float(value)


def per_node(graph, values):
    return {node: clean(values[node]) for node in graph.nodes}


def with_distance(graph):
    g = graph.copy()
    for u, v, data in g.edges(data=True):
        data["distance"] = 1.0 / data["weight"]
    return g


def distinct_degree(graph):
    if graph.is_directed():
        return {n: float(len(set(graph.predecessors(n)) | set(graph.successors(n)))) for n in graph}
    return {n: float(len(set(graph[n]) - {n})) for n in graph}


def effective_size(graph, weight):
    """Burt's effective size from NetworkX's own building blocks (its documented formula).

    NetworkX 3.6's vectorised `effective_size` (nodes=None) divides the mutual weight m(v, w) by w's largest
    mutual weight instead of v's, so weighted and directed results differ from the formula in its docstring
    and from its own per-node code path; that per-node path in turn returns NaN for a directed node with
    in-ties but no out-ties. This follows the docstring: e(u) = Σ_v (1 − Σ_w p_uw m_vw), m normalised by v's
    largest mutual weight, NaN only for a node without ties.
    """
    from networkx.algorithms.structuralholes import normalized_mutual_weight as nmw
    result = {}
    for u in graph:
        contacts = set(nx.all_neighbors(graph, u)) - {u}
        if not contacts:
            result[u] = float("nan")
            continue
        result[u] = sum(
            1 - sum(nmw(graph, u, w, weight=weight) * nmw(graph, v, w, norm=max, weight=weight) for w in contacts)
            for v in contacts
        )
        if not graph.is_directed() or graph.out_degree(u) > 0:
            assert abs(result[u] - nx.effective_size(graph, nodes=[u], weight=weight)[u]) < 1e-9
    return result


def try_measure(function):
    try:
        return function()
    except (nx.PowerIterationFailedConvergence, nx.NetworkXError, ZeroDivisionError):
        return None


def measures(graph, weighted):
    """Every node measure of netmap, computed by NetworkX on `graph` (weights used when `weighted`)."""
    w = "weight" if weighted else None
    dg = with_distance(graph) if weighted else graph
    d = "distance" if weighted else None
    result = {
        "degree": distinct_degree(graph),
        "strength": {n: float(v) for n, v in graph.degree(weight=w)},
        "betweenness": nx.betweenness_centrality(dg, weight=d),
        "closeness": nx.closeness_centrality(dg, distance=d),
        "harmonic": nx.harmonic_centrality(dg, distance=d),
        "eigenvector": try_measure(lambda: nx.eigenvector_centrality(graph, max_iter=100000, tol=TOL, weight=w)),
        "pagerank": nx.pagerank(graph, alpha=0.85, max_iter=100000, tol=TOL, weight=w),
        "katz": try_measure(lambda: nx.katz_centrality(graph, alpha=0.1, beta=1.0, max_iter=100000, tol=TOL, weight=w)),
        "clustering": nx.clustering(graph, weight=w),
        "constraint": nx.constraint(graph, weight=w),
        "effective_size": effective_size(graph, w),
    }
    if not weighted:
        result["core_number"] = {n: float(v) for n, v in nx.core_number(graph).items()}
    return {name: per_node(graph, values) for name, values in result.items() if values is not None}


def edge_betweenness(graph, weighted):
    g = with_distance(graph) if weighted else graph
    values = nx.edge_betweenness_centrality(g, weight="distance" if weighted else None)
    rows = []
    for (u, v), value in values.items():
        if not graph.is_directed():
            u, v = sorted((u, v))
        rows.append([u, v, value])
    return sorted(rows)


def structure(graph):
    """Graph-level values for the undirected simple view."""
    components = sorted((sorted(c) for c in nx.connected_components(graph)), key=lambda c: (-len(c), c))
    diameters, total, pairs = [], 0, 0
    for component in components:
        sub = graph.subgraph(component)
        diameters.append(nx.diameter(sub) if len(component) > 1 else 0)
        for source, lengths in nx.all_pairs_shortest_path_length(sub):
            total += sum(lengths.values())
            pairs += len(lengths) - 1
    degrees = {}
    for _, k in graph.degree():
        degrees[str(k)] = degrees.get(str(k), 0) + 1
    return {
        "nodes": graph.number_of_nodes(),
        "edges": graph.number_of_edges(),
        "components": len(components),
        "component_sizes": [len(c) for c in components],
        "density": nx.density(graph),
        "diameters": diameters,
        "average_path_length": total / pairs if pairs else 0.0,
        "average_clustering": nx.average_clustering(graph),
        "degree_distribution": degrees,
    }


def brokerage(graph, group):
    """Gould–Fernandez role counts: v brokers ordered (a, c) when a→v→c, no a→c, a, v, c distinct."""
    roles = ["coordinator", "itinerant", "representative", "gatekeeper", "liaison"]
    counts = {v: dict.fromkeys(roles, 0) for v in graph}
    for v in graph:
        for a in graph.predecessors(v):
            for c in graph.successors(v):
                if a == c or a == v or c == v or graph.has_edge(a, c):
                    continue
                ga, gv, gc = group[a], group[v], group[c]
                if ga == gv == gc:
                    role = "coordinator"
                elif ga == gc:
                    role = "itinerant"
                elif ga == gv:
                    role = "representative"
                elif gv == gc:
                    role = "gatekeeper"
                else:
                    role = "liaison"
                counts[v][role] += 1
    return counts


def write_fixture(name, graph, ids, kinds, attributes, relation, views, groups=None):
    folder = os.path.join(HERE, name)
    os.makedirs(folder, exist_ok=True)
    relabelled = nx.relabel_nodes(graph, ids, copy=True)
    attribute_names = sorted({key for attrs in attributes.values() for key in attrs})
    with open(os.path.join(folder, "nodes.csv"), "w", newline="") as f:
        writer = csv.writer(f, lineterminator="\n")
        writer.writerow(["id", "label", "kind"] + attribute_names)
        for node in graph.nodes:
            writer.writerow([ids[node], str(node), kinds[node]] + [attributes[node].get(k, "") for k in attribute_names])
    with open(os.path.join(folder, "edges.csv"), "w", newline="") as f:
        writer = csv.writer(f, lineterminator="\n")
        writer.writerow(["from", "to", "relation", "weight"])
        for u, v, data in graph.edges(data=True):
            weight = data.get("weight", 1)
            writer.writerow([ids[u], ids[v], relation, repr(float(weight)) if weight != int(weight) else int(weight)])
    expected = {"name": name, "relation": relation, "views": {}}
    for view in views:
        g = relabelled
        if view.startswith("directed") and not g.is_directed():
            g = g.to_directed()
        if view in ("undirected", "weighted") and g.is_directed():
            g = g.to_undirected()
        expected["views"][view] = measures(g, weighted=view.endswith("weighted") and view != "undirected")
        if view in ("undirected", "weighted"):
            expected["views"][view]["edge_betweenness"] = edge_betweenness(g, weighted=view == "weighted")
    undirected = relabelled.to_undirected() if relabelled.is_directed() else relabelled
    expected["structure"] = structure(nx.Graph(undirected))
    if groups:
        directed = relabelled if relabelled.is_directed() else relabelled.to_directed()
        expected["brokerage"] = {}
        for attribute, group in groups.items():
            expected["brokerage"][attribute] = brokerage(directed, {ids[n]: g for n, g in group.items()})
    with open(os.path.join(folder, "expected.json"), "w") as f:
        json.dump(expected, f, indent=1, sort_keys=True)
        f.write("\n")


def main():
    karate = nx.karate_club_graph()
    ids = {n: f"n{n}" for n in karate}
    write_fixture("karate", karate, ids, {n: "node" for n in karate},
                  {n: {"club": slug(karate.nodes[n]["club"])} for n in karate}, "cooperates_with",
                  ["undirected", "weighted"],
                  groups={"club": {n: slug(karate.nodes[n]["club"]) for n in karate}})

    lesmis = nx.les_miserables_graph()
    ids = {n: slug(n) for n in lesmis}
    assert len(set(ids.values())) == len(ids)
    write_fixture("lesmis", lesmis, ids, {n: "node" for n in lesmis}, {n: {} for n in lesmis}, "cooperates_with",
                  ["undirected", "weighted"])

    florentine = nx.florentine_families_graph()
    ids = {n: slug(n) for n in florentine}
    write_fixture("florentine", florentine, ids, {n: "business" for n in florentine}, {n: {} for n in florentine},
                  "partner_of", ["undirected"])

    davis = nx.davis_southern_women_graph()
    ids = {n: slug(n) for n in davis}
    assert len(set(ids.values())) == len(ids)
    kinds = {n: "node" if davis.nodes[n]["bipartite"] == 0 else "project" for n in davis}
    write_fixture("davis", davis, ids, kinds, {n: {} for n in davis}, "participates_in", ["undirected"])

    # A seeded random directed network with kinds, countries and weights, for the directed conventions
    # and for brokerage grouped by kind and by country.
    rng = random.Random(2024)
    directed = nx.gnp_random_graph(40, 0.08, seed=7, directed=True)
    for u, v in directed.edges:
        directed[u][v]["weight"] = rng.choice([1, 1, 2, 3, 0.5])
    kinds = {n: rng.choice(["county", "agency", "programme", "university"]) for n in directed}
    countries = {n: rng.choice(["NO", "SE", "FI"]) for n in directed}
    ids = {n: f"actor-{n}" for n in directed}
    write_fixture("directed", directed, ids, kinds, {n: {"country": countries[n]} for n in directed}, "funds",
                  ["undirected", "directed", "directed_weighted"],
                  groups={"kind": kinds, "country": countries})


if __name__ == "__main__":
    main()
