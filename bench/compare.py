#!/usr/bin/env python3
"""Times netmap (netmap-bench, release build), python-igraph and NetworkX on the same generated graphs.

Run through bench/compare.sh, which builds netmap-bench first. Prints one row per workload and tool with the
compute time (graph already in memory; loading is reported separately for netmap) as wall-clock and as
process CPU time, and the ratios netmap/igraph (below 1.0 = netmap faster) and NetworkX/netmap (speed-up).
Single-threaded ratios use CPU time, which stays meaningful when other processes share the cores; the
two-thread ratio must use wall-clock time (its CPU time is the sum over both threads).

Where NetworkX would take many minutes it is timed on a seeded sample of sources and the time scaled to all
sources (marked "extrapolated"); every tool computes the same quantity on the same graph.
"""
import json
import os
import random
import resource
import subprocess
import sys
import time

import igraph as ig
import networkx as nx

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BENCH = os.environ.get("NETMAP_BENCH", os.path.join(ROOT, ".build-bench/release/netmap-bench"))
WORK = os.environ.get("BENCH_WORK", "/tmp/netmap-bench")
QUICK = os.environ.get("BENCH_QUICK") == "1"


def generate(name, n, m, seed):
    """A Barabási–Albert graph from igraph (seeded), written as an edge list."""
    random.seed(seed)
    graph = ig.Graph.Barabasi(n, m, directed=False)
    graph.simplify()
    path = os.path.join(WORK, f"{name}.txt")
    with open(path, "w") as f:
        f.write("\n".join(f"{u} {v}" for u, v in graph.get_edgelist()))
        f.write("\n")
    nxg = nx.Graph()
    nxg.add_nodes_from(range(n))
    nxg.add_edges_from(graph.get_edgelist())
    return path, graph, nxg


class Time:
    def __init__(self, wall, cpu):
        self.wall, self.cpu = wall, cpu

    def scaled(self, factor):
        return Time(self.wall * factor, self.cpu * factor)


def timed(function):
    start, cpu = time.perf_counter(), time.process_time()
    result = function()
    return Time(time.perf_counter() - start, time.process_time() - cpu), result


def netmap_time(result):
    return Time(result["compute_s"], result["compute_cpu_s"])


def netmap(workload, path, threads=None, sources=None, extra=(), source_list=None):
    command = [BENCH, workload, path]
    if source_list:
        command += ["--source-list", source_list]
    if threads:
        command += ["--threads", str(threads)]
    if sources:
        command += ["--sources", str(sources)]
    command += list(extra)
    output = subprocess.run(command, check=True, capture_output=True, text=True).stdout
    return json.loads(output)


rows = []


def report(workload, graph_name, tool, seconds, note=""):
    rows.append((workload, graph_name, tool, seconds, note))
    print(f"  {tool:<18} wall {seconds.wall:9.3f} s  cpu {seconds.cpu:9.3f} s  {note}", flush=True)


def compare(workload, graph_name, netmap_one, netmap_two, igraph_time, networkx_time):
    line = f"  => netmap/igraph: 1 thread {netmap_one.cpu / igraph_time.cpu:.2f}x (cpu)"
    if netmap_two is not None:
        line += f", 2 threads {netmap_two.wall / igraph_time.wall:.2f}x (wall)"
    line += f"; NetworkX/netmap: {networkx_time.cpu / netmap_one.cpu:.0f}x (cpu)"
    print(line, flush=True)
    summary.append((workload, graph_name, netmap_one, netmap_two, igraph_time, networkx_time))


summary = []


def betweenness(n, networkx_sources, share=None):
    """Exact betweenness; with `share`, netmap and igraph run from the same seeded share of the sources and
    their times are scaled to all n sources (Brandes' cost per source hardly varies)."""
    name = f"ba-{n // 1000}k-m3"
    kind = "exact" if share is None else f"from {share:.0%} of the sources, scaled to all"
    print(f"\nbetweenness ({kind}), Barabási–Albert n={n} m=3 ({name})", flush=True)
    path, graph, nxg = generate(name, n, 3, seed=n)
    source_list, vertices, factor = None, None, 1.0
    if share is not None:
        vertices = sorted(random.Random(5).sample(range(n), int(n * share)))
        source_list = os.path.join(WORK, f"{name}-sources.txt")
        with open(source_list, "w") as f:
            f.write("\n".join(map(str, vertices)) + "\n")
        factor = n / len(vertices)
    one = netmap("betweenness", path, threads=1, source_list=source_list)
    report("betweenness", name, "netmap 1 thread", netmap_time(one).scaled(factor), f"(load {one['load_s']:.3f} s, build {one['build_s']:.3f} s)")
    two = netmap("betweenness", path, threads=2, source_list=source_list)
    report("betweenness", name, "netmap 2 threads", netmap_time(two).scaled(factor))
    seconds, values = timed(lambda: graph.betweenness(directed=False, sources=vertices))
    seconds = seconds.scaled(factor)
    report("betweenness", name, "igraph", seconds)
    if share is None:
        scale = 2 / ((n - 1) * (n - 2))
        agree = abs(sum(values) * scale - one["checksum"]) < 1e-6 * max(1, one["checksum"])
        print(f"  sum of normalised betweenness: netmap {one['checksum']:.9f}, igraph {sum(values) * scale:.9f} ({'agree' if agree else 'DIFFER'})")
    if networkx_sources is None:
        nx_seconds, _ = timed(lambda: nx.betweenness_centrality(nxg))
        report("betweenness", name, "networkx", nx_seconds, "exact")
    else:
        sample, _ = timed(lambda: nx.betweenness_centrality(nxg, k=networkx_sources, seed=1))
        nx_seconds = sample.scaled(n / networkx_sources)
        report("betweenness", name, "networkx", nx_seconds, f"extrapolated from {networkx_sources} sources ({sample.wall:.1f} s)")
    compare("betweenness", name + ("" if share is None else "*"), netmap_time(one).scaled(factor), netmap_time(two).scaled(factor), seconds, nx_seconds)


def large():
    n, m = (20_000, 10) if QUICK else (100_000, 10)
    name = f"ba-{n // 1000}k-m{m}"
    print(f"\nlarge graph: Barabási–Albert n={n} m={m} ({name})", flush=True)
    path, graph, nxg = generate(name, n, m, seed=7)
    print(f"  {graph.vcount()} nodes, {graph.ecount()} edges", flush=True)

    print("pagerank (alpha 0.85, tolerance 1e-10 for netmap and NetworkX; igraph's PRPACK solves the system directly)")
    one = netmap("pagerank", path, extra=["--tolerance", "1e-10"])
    report("pagerank", name, "netmap", netmap_time(one), f"(load {one['load_s']:.2f} s, build {one['build_s']:.2f} s, process max RSS {one['max_rss_mb']:.0f} MB)")
    seconds, _ = timed(lambda: graph.pagerank(damping=0.85))
    report("pagerank", name, "igraph", seconds)
    nx_seconds, _ = timed(lambda: nx.pagerank(nxg, alpha=0.85, tol=1e-10, max_iter=1000))
    report("pagerank", name, "networkx", nx_seconds)
    compare("pagerank", name, netmap_time(one), None, seconds, nx_seconds)

    k, k_nx = 200, 10
    print(f"closeness from {k} seeded sources (NetworkX: {k_nx} sources, scaled to {k})")
    one = netmap("closeness", path, threads=1, sources=k)
    report("closeness", name, "netmap 1 thread", netmap_time(one))
    two = netmap("closeness", path, threads=2, sources=k)
    report("closeness", name, "netmap 2 threads", netmap_time(two))
    rng = random.Random(3)
    vertices = rng.sample(range(n), k)
    seconds, _ = timed(lambda: graph.closeness(vertices=vertices))
    report("closeness", name, "igraph", seconds)
    sample, _ = timed(lambda: [nx.closeness_centrality(nxg, u=v) for v in vertices[:k_nx]])
    nx_seconds = sample.scaled(k / k_nx)
    report("closeness", name, "networkx", nx_seconds, f"extrapolated from {k_nx} sources ({sample.wall:.1f} s)")
    compare("closeness", name, netmap_time(one), netmap_time(two), seconds, nx_seconds)

    print("k-core (core numbers)")
    one = netmap("kcore", path)
    report("kcore", name, "netmap", netmap_time(one))
    seconds, _ = timed(lambda: graph.coreness())
    report("kcore", name, "igraph", seconds)
    nx_seconds, _ = timed(lambda: nx.core_number(nxg))
    report("kcore", name, "networkx", nx_seconds)
    compare("kcore", name, netmap_time(one), None, seconds, nx_seconds)

    print("connected components")
    one = netmap("components", path)
    report("components", name, "netmap", netmap_time(one))
    seconds, _ = timed(lambda: graph.connected_components())
    report("components", name, "igraph", seconds)
    nx_seconds, _ = timed(lambda: list(nx.connected_components(nxg)))
    report("components", name, "networkx", nx_seconds)
    compare("components", name, netmap_time(one), None, seconds, nx_seconds)


def main():
    os.makedirs(WORK, exist_ok=True)
    print(f"netmap-bench: {BENCH}\nigraph {ig.__version__}, networkx {nx.__version__}, python {sys.version.split()[0]}, "
          f"{os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f}", flush=True)
    start = time.perf_counter()
    betweenness(1000, None)
    betweenness(10_000, 100)
    if not QUICK:
        betweenness(50_000, 20, share=None if os.environ.get("BENCH_EXACT_50K") == "1" else 0.2)
    large()
    print("\nsummary: seconds of compute (wall / cpu); 1t/ig = netmap 1-thread cpu / igraph cpu; "
          "2t/ig = netmap 2-thread wall / igraph wall; nx/netmap = NetworkX cpu / netmap 1-thread cpu")
    print(f"| workload | graph | netmap 1 thread | netmap 2 threads | igraph | NetworkX | 1t/ig | 2t/ig | nx/netmap |")
    print(f"|---|---|---|---|---|---|---|---|---|")
    for workload, graph_name, one, two, igraph_time, networkx_time in summary:
        two_text = f"{two.wall:.3f} / {two.cpu:.3f}" if two is not None else "-"
        ratio_two = f"{two.wall / igraph_time.wall:.2f}" if two is not None else "-"
        print(f"| {workload} | {graph_name} | {one.wall:.3f} / {one.cpu:.3f} | {two_text} | "
              f"{igraph_time.wall:.3f} / {igraph_time.cpu:.3f} | {networkx_time.wall:.1f} / {networkx_time.cpu:.1f} | "
              f"{one.cpu / igraph_time.cpu:.2f} | {ratio_two} | {networkx_time.cpu / one.cpu:.0f} |")
    usage = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print("* times from a seeded share of the sources, scaled to all sources (set BENCH_EXACT_50K=1 for the exact run)")
    print(f"\ntotal wall time {time.perf_counter() - start:.0f} s; python process max RSS {usage:.0f} MB; "
          f"load average at the end {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
