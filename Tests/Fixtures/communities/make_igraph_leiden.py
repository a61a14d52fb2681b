#!/usr/bin/env python3
"""Modularity of python-igraph's Leiden and Louvain on the relations fixtures (karate, Les Misérables), for
CommunitiesTests: igraph 1.0, objective "modularity", beta 0.01, to convergence (n_iterations=-1) and with
2 iterations, 50 seeds each; writes igraph_leiden.json beside this script.

    python3 Tests/Fixtures/communities/make_igraph_leiden.py
"""
import csv
import json
import os
import random

import igraph as ig

HERE = os.path.dirname(os.path.abspath(__file__))
RELATIONS = os.path.join(HERE, "..", "relations")


def graph(name):
    with open(os.path.join(RELATIONS, name, "nodes.csv"), newline="") as f:
        ids = [row["id"] for row in csv.DictReader(f)]
    index = {node: i for i, node in enumerate(ids)}
    edges = set()
    with open(os.path.join(RELATIONS, name, "edges.csv"), newline="") as f:
        for row in csv.DictReader(f):
            u, v = index[row["from"]], index[row["to"]]
            if u != v:
                edges.add((min(u, v), max(u, v)))
    return ig.Graph(n=len(ids), edges=sorted(edges))


result = {}
for name in ["karate", "lesmis"]:
    g = graph(name)
    entry = {}
    for label, iterations in [("converged", -1), ("two_iterations", 2)]:
        values = []
        for seed in range(50):
            random.seed(seed)
            ig.set_random_number_generator(random)
            values.append(g.community_leiden(objective_function="modularity", n_iterations=iterations, beta=0.01).modularity)
        entry[f"leiden_{label}"] = {"mean": sum(values) / len(values), "worst": min(values), "best": max(values)}
    values = []
    for seed in range(50):
        random.seed(seed)
        ig.set_random_number_generator(random)
        values.append(g.community_multilevel().modularity)
    entry["louvain"] = {"mean": sum(values) / len(values), "worst": min(values), "best": max(values)}
    result[name] = entry

with open(os.path.join(HERE, "igraph_leiden.json"), "w") as f:
    json.dump(result, f, indent=2, sort_keys=True)
    f.write("\n")
print(json.dumps(result, indent=2, sort_keys=True))
