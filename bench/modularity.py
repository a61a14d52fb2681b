#!/usr/bin/env python3
"""Modularity of netmap's and python-igraph's Louvain or Leiden on one graph, over many seeds.

    NETMAP=.build/release/netmap python3 bench/modularity.py leiden 100k --seeds 100 --iterations 2
    NETMAP=.build/release/netmap python3 bench/modularity.py louvain 10m --seeds 10 --igraph-seeds 3

SIZE names a graph of bench/whole-process.sh (BENCH_WORK, default /tmp/netmap-whole-process: ba-SIZE.csv for
netmap, ba-SIZE.ncol with the same ties for igraph; run whole-process.sh once to make them), or is a path to a
CSV netmap reads beside an .ncol file of the same name. Seeds 1..N for both tools; each run is seeded, so every
figure repeats. netmap runs `communities --algorithm A --seed S --format json` (one process per seed); igraph
runs `community_multilevel()` or `community_leiden(objective_function="modularity", n_iterations=I, beta=0.01)`
in one process, after `random.seed(S)`. Prints each tool's mean ± standard error, the difference with its
standard error (Welch: the tools' generators differ, so seeds do not pair across tools) and the CPU seconds of
each run (netmap: the whole process; igraph: the call alone, the graph read once).
"""
import argparse
import json
import os
import resource
import statistics
import subprocess
import sys

IGRAPH = r'''
import random, sys, time, igraph as ig
algorithm, path, seeds, iterations = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
g = ig.Graph.Read_Ncol(path, names=True, weights="if_present", directed=False)
ig.set_random_number_generator(random)
for seed in range(1, seeds + 1):
    random.seed(seed)
    start = time.process_time()
    if algorithm == "louvain":
        c = g.community_multilevel()
    else:
        c = g.community_leiden(objective_function="modularity", n_iterations=iterations, beta=0.01)
    print(seed, repr(c.modularity), time.process_time() - start, flush=True)
'''


def standard_error(values):
    return statistics.stdev(values) / len(values) ** 0.5 if len(values) > 1 else float("nan")


def netmap_runs(netmap, algorithm, csv_path, seeds, iterations):
    extra = ["--iterations", str(iterations)] if algorithm == "leiden" and iterations else []
    runs = []
    for seed in range(1, seeds + 1):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        output = subprocess.run([netmap, "communities", "--algorithm", algorithm, "--seed", str(seed), "--format", "json",
                                 "--quiet", *extra, csv_path], capture_output=True, text=True, check=True).stdout
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
        runs.append((json.loads(output)["modularity"], cpu))
        print(f"  netmap seed {seed}: Q = {runs[-1][0]:.6f}, {cpu:.2f} s", flush=True)
    return runs


def igraph_runs(algorithm, ncol_path, seeds, iterations):
    runs = []
    process = subprocess.Popen(["python3", "-c", IGRAPH, algorithm, ncol_path, str(seeds), str(iterations or 2)],
                               stdout=subprocess.PIPE, text=True)
    for line in process.stdout:
        seed, q, cpu = line.split()
        runs.append((float(q), float(cpu)))
        print(f"  igraph seed {seed}: Q = {float(q):.6f}, {float(cpu):.2f} s", flush=True)
    if process.wait() != 0:
        sys.exit("igraph failed")
    return runs


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("algorithm", choices=["louvain", "leiden"])
    parser.add_argument("size", help="10k, 100k, 1m, 10m, or a CSV path with an .ncol beside it")
    parser.add_argument("--seeds", type=int, default=20, help="netmap seeds 1..N (default 20)")
    parser.add_argument("--igraph-seeds", type=int, help="igraph seeds 1..N (default: as --seeds; 0: none)")
    parser.add_argument("--iterations", type=int, help="Leiden iterations for both tools (default: each tool's own: netmap 4, igraph 2)")
    arguments = parser.parse_args()
    work = os.environ.get("BENCH_WORK", "/tmp/netmap-whole-process")
    csv_path = arguments.size if arguments.size.endswith(".csv") else os.path.join(work, f"ba-{arguments.size}.csv")
    ncol_path = csv_path[:-4] + ".ncol"
    netmap = os.environ.get("NETMAP", ".build/release/netmap")
    igraph_seeds = arguments.seeds if arguments.igraph_seeds is None else arguments.igraph_seeds
    label = arguments.algorithm + (f", {arguments.iterations} iterations" if arguments.algorithm == "leiden" and arguments.iterations else "")
    print(f"{label} on {csv_path} ({os.getloadavg()[0]:.1f} load average)", flush=True)
    ours = netmap_runs(netmap, arguments.algorithm, csv_path, arguments.seeds, arguments.iterations)
    theirs = igraph_runs(arguments.algorithm, ncol_path, igraph_seeds, arguments.iterations) if igraph_seeds else []
    for tool, runs in (("netmap", ours), ("igraph", theirs)):
        if runs:
            q = [r[0] for r in runs]
            print(f"{tool}: Q {statistics.mean(q):.5f} ± {standard_error(q):.5f} over {len(q)} seeds "
                  f"(min {min(q):.5f}, max {max(q):.5f}); CPU {statistics.median(r[1] for r in runs):.2f} s median")
    if ours and theirs:
        a, b = [r[0] for r in ours], [r[0] for r in theirs]
        difference = statistics.mean(a) - statistics.mean(b)
        error = (standard_error(a) ** 2 + (standard_error(b) ** 2 if len(b) > 1 else 0)) ** 0.5
        print(f"difference netmap − igraph: {difference:+.5f} ± {error:.5f} ({100 * difference / statistics.mean(b):+.2f} %)")


if __name__ == "__main__":
    main()
