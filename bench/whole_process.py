#!/usr/bin/env python3
"""Run through bench/whole-process.sh. Every tool is timed as a user runs it: one fresh process per task, from
the command line to its output (for igraph: Python start-up, `import igraph`, `Graph.Read_Ncol` and the
call), measured by GNU time (wall, user+system CPU, peak resident memory). Each size has its own graph:
a Barabási–Albert graph from igraph with m = 10 (n = ties / 10), written once as the CSV netmap reads
(`from,to,relation,weight`) and once as the same ties in igraph's NCOL format (`from to weight`), which
igraph's C reader takes; igraph has no CSV reader of its own.
"""
import json
import os
import random
import subprocess
import sys
import tempfile

import igraph as ig

NETMAP = os.environ["NETMAP"]
WORK = os.environ.get("BENCH_WORK", "/tmp/netmap-whole-process")
SIZES = os.environ.get("BENCH_SIZES", "10k,100k,1m" + (",10m" if os.environ.get("BENCH_10M") == "1" else "")).split(",")
TIES = {"10k": 10_000, "100k": 100_000, "1m": 1_000_000, "10m": 10_000_000}
# BENCH_TASKS=louvain,leiden runs only those rows (and skips the load-per-format table).
ONLY = os.environ.get("BENCH_TASKS", "").split(",") if os.environ.get("BENCH_TASKS") else None

IGRAPH = r'''
import random, sys, igraph as ig
task, path = sys.argv[1], sys.argv[2]
ig.set_random_number_generator(random)
random.seed(42)   # netmap's default seed; igraph's Louvain time varies several-fold from one random order to another
if path.endswith(".graphml"):
    g = ig.Graph.Read_GraphML(path)   # the same ties as netmap's GraphML export; node ids in the "id" attribute
    g.vs["name"] = g.vs["id"]
else:
    g = ig.Graph.Read_Ncol(path, names=True, weights="if_present", directed=False)
if task == "degree":
    values = g.degree(); top = max(range(g.vcount()), key=values.__getitem__); values = [values[top]]; g = g.subgraph([top])
elif task == "pagerank":
    values = g.pagerank()
elif task == "components":
    values = g.connected_components().membership
elif task == "core_number":
    values = g.coreness()
elif task == "louvain":
    c = g.community_multilevel(); values = c.membership; print("modularity", c.modularity)
elif task == "leiden":
    c = g.community_leiden(objective_function="modularity", n_iterations=2, beta=0.01); values = c.membership
    print("modularity", c.modularity)
names = g.vs["name"]
sys.stdout.write("".join(f"{n},{v}\n" for n, v in zip(names, values)))
'''

# Modularity of igraph's Louvain and Leiden (2 iterations, as timed) over seeds 1..count; python-igraph draws its
# random numbers from Python's `random`, so seeding it makes each run repeatable.
IGRAPH_QUALITY = r'''
import random, sys, igraph as ig
task, path, seeds = sys.argv[1], sys.argv[2], int(sys.argv[3])
g = ig.Graph.Read_Ncol(path, names=True, weights="if_present", directed=False)
ig.set_random_number_generator(random)
for seed in range(1, seeds + 1):
    random.seed(seed)
    c = g.community_multilevel() if task == "louvain" else g.community_leiden(objective_function="modularity", n_iterations=2, beta=0.01)
    print(c.modularity)
'''


def standard_error(values):
    if len(values) < 2:
        return float("nan")
    average = mean(values)
    return (sum((v - average) ** 2 for v in values) / (len(values) - 1) / len(values)) ** 0.5


def summary(values):
    return f"{mean(values):.4f} ± {standard_error(values):.4f}"


def seeds(size):
    """Seeds for the modularity means: 20 up to 100k ties, 5 above (BENCH_SEEDS overrides)."""
    return int(os.environ.get("BENCH_SEEDS", "20" if TIES[size] <= 100_000 else "5"))

# (task, netmap command, igraph task): every netmap command prints a value per node like the igraph script,
# except `stats` (the summary: components, density, clustering, degrees; distances only up to 20,000 nodes),
# which is set against igraph's components.
TASKS = [
    ("pagerank", ["centrality", "--measures", "pagerank", "--format", "csv", "--quiet"], "pagerank"),
    ("components", ["centrality", "--measures", "component", "--format", "csv", "--quiet"], "components"),
    ("stats", ["stats", "--format", "json", "--quiet"], "components"),
    ("core_number", ["centrality", "--measures", "core_number", "--format", "csv", "--quiet"], "core_number"),
    ("louvain", ["communities", "--algorithm", "louvain", "--format", "csv", "--quiet"], "louvain"),
    ("leiden", ["communities", "--algorithm", "leiden", "--format", "csv", "--quiet"], "leiden"),
]
if ONLY:
    TASKS = [task for task in TASKS if task[0] in ONLY]


def generate(size):
    ties = TIES[size]
    n = ties // 10
    csv_path = os.path.join(WORK, f"ba-{size}.csv")
    ncol_path = os.path.join(WORK, f"ba-{size}.ncol")
    if not os.path.exists(ncol_path):
        random.seed(ties)
        g = ig.Graph.Barabasi(n, 10, directed=False)
        g.simplify()
        edges = g.get_edgelist()
        with open(csv_path, "w") as f:
            f.write("from,to,relation,weight\n")
            f.writelines(f"n{u},n{v},cooperates_with,1\n" for u, v in edges)
        with open(ncol_path, "w") as f:
            f.writelines(f"n{u} n{v} 1\n" for u, v in edges)
    return csv_path, ncol_path


def measure(command):
    """(wall s, cpu s, peak MB, stdout) of one process."""
    with tempfile.NamedTemporaryFile("r") as timing:
        result = subprocess.run(["/usr/bin/time", "-o", timing.name, "-f", "%e %U %S %M"] + command,
                                capture_output=True, text=True)
        if result.returncode != 0:
            sys.exit(f"failed: {' '.join(command)}\n{result.stderr}")
        wall, user, system, kilobytes = timing.read().split()[-4:]
    return float(wall), float(user) + float(system), int(kilobytes) / 1024, result.stdout


def mean(values):
    return sum(values) / len(values)


def igraph_modularity(task, ncol_path, script, count):
    """igraph's modularity over seeds 1..count (one process, not timed)."""
    if task not in ("louvain", "leiden"):
        return None
    output = subprocess.run(["python3", script, task, ncol_path, str(count)], capture_output=True, text=True, check=True).stdout
    return [float(line) for line in output.split()]


def netmap_modularity(task, csv_path, count, extra=()):
    """netmap's modularity over seeds 1..count, from `--format json` (full precision)."""
    if task not in ("louvain", "leiden"):
        return None
    values = []
    for seed in range(1, count + 1):
        output = subprocess.run([NETMAP, "communities", "--algorithm", task, "--seed", str(seed), "--format", "json", "--quiet",
                                 *extra, csv_path], capture_output=True, text=True, check=True).stdout
        values.append(json.loads(output)["modularity"])
    return values


def main():
    os.makedirs(WORK, exist_ok=True)
    print(f"netmap: {NETMAP}\nigraph {ig.__version__}, python {sys.version.split()[0]}, {os.cpu_count()} cores, "
          f"load average {os.getloadavg()[0]:.1f}", flush=True)
    script = os.path.join(WORK, "igraph_task.py")
    with open(script, "w") as f:
        f.write(IGRAPH)
    quality_script = os.path.join(WORK, "igraph_quality.py")
    with open(quality_script, "w") as f:
        f.write(IGRAPH_QUALITY)
    results = {}
    if os.environ.get("BENCH_LOAD_ONLY") == "1":
        # Only the load table (and PageRank on GraphML) at the largest size up to 1M ties.
        size = "1m" if "1m" in SIZES else SIZES[-1]
        csv_path, _ = generate(size)
        load_table(size, export_formats(size, csv_path), script)
        return
    for size in SIZES:
        csv_path, ncol_path = generate(size)
        megabytes = os.path.getsize(csv_path) / 1e6
        print(f"\n{size} ties ({megabytes:.0f} MB CSV)", flush=True)
        for task, arguments, igraph_task in TASKS:
            nm = measure([NETMAP] + arguments + [csv_path])
            ig_ = measure(["python3", script, igraph_task, ncol_path])
            q_nm, q_ig = netmap_modularity(task, csv_path, seeds(size)), igraph_modularity(task, ncol_path, quality_script, seeds(size))
            # Leiden also at igraph's number of iterations (2), for the like-with-like comparison.
            q_two = netmap_modularity(task, csv_path, seeds(size), ["--iterations", "2"]) if task == "leiden" else None
            results[(size, task)] = (nm, ig_, q_nm, q_ig, q_two)
            quality = ""
            if q_nm:
                quality = (f"  Q over {seeds(size)} seeds (mean ± standard error): netmap {summary(q_nm)}"
                           + (f", netmap 2 iterations {summary(q_two)}" if q_two else "") + f", igraph {summary(q_ig)}")
            print(f"  {task:<12} netmap {nm[0]:6.2f} s wall {nm[1]:6.2f} s cpu {nm[2]:6.0f} MB | igraph {ig_[0]:6.2f} s wall "
                  f"{ig_[1]:6.2f} s cpu {ig_[2]:6.0f} MB | cpu ratio {nm[1] / ig_[1]:.2f} memory ratio {nm[2] / ig_[2]:.2f}{quality}",
                  flush=True)

    print("\n| ties | task | netmap wall / cpu s | netmap MB | igraph wall / cpu s | igraph MB | time nm/ig (cpu) | time nm/ig (wall) | memory nm/ig | bytes per tie (netmap) | modularity netmap / igraph (mean ± standard error over seeds) |")
    print("|---|---|---|---|---|---|---|---|---|---|---|")
    for (size, task), (nm, ig_, q_nm, q_ig, q_two) in results.items():
        quality = f"{summary(q_nm)} / {summary(q_ig)} ({mean(q_nm) / mean(q_ig):.4f}, {len(q_nm)} seeds)" if q_nm else "-"
        if q_two:
            quality += f"; 2 iterations: {summary(q_two)} ({mean(q_two) / mean(q_ig):.4f})"
        print(f"| {size} | {task} | {nm[0]:.2f} / {nm[1]:.2f} | {nm[2]:.0f} | {ig_[0]:.2f} / {ig_[1]:.2f} | {ig_[2]:.0f} | "
              f"{nm[1] / ig_[1]:.2f} | {nm[0] / ig_[0]:.2f} | {nm[2] / ig_[2]:.2f} | {nm[2] * 1048576 / TIES[size]:.0f} | {quality} |")

    print("\nGrowth: CPU time at 10× the ties over CPU time before (10 = linear; flagged above 15)")
    print("| task | tool | " + " | ".join(f"{a}→{b}" for a, b in zip(SIZES, SIZES[1:])) + " |")
    print("|---|---|" + "---|" * (len(SIZES) - 1))
    for task, _, _ in TASKS:
        for tool, index in (("netmap", 0), ("igraph", 1)):
            cells = []
            for a, b in zip(SIZES, SIZES[1:]):
                ratio = results[(b, task)][index][1] / max(results[(a, task)][index][1], 0.01)
                cells.append(f"{ratio:.1f}" + (" (superlinear)" if ratio > 15 else ""))
            print(f"| {task} | {tool} | " + " | ".join(cells) + " |")

    if ONLY:
        print(f"\nload average at the end {os.getloadavg()[0]:.1f}")
        return
    # Load cost per format on the largest size up to 1M: `stats` minus nothing else is not separable, so the
    # load is timed as `centrality --measures degree --top 1` (load, graph build and a trivial measure).
    small = [size for size in SIZES if TIES[size] <= 1_000_000]
    if not small:
        print(f"\nload average at the end {os.getloadavg()[0]:.1f}")
        return
    size = small[-1]
    csv_path, _ = generate(size)
    load_table(size, export_formats(size, csv_path), script)


def export_formats(size, csv_path):
    """The CSV and netmap's export of it to a CSV pair, node-link JSON and GraphML (made once)."""
    folder = os.path.join(WORK, f"ba-{size}-pair")
    formats = {"csv": csv_path, "csv pair (export folder)": folder,
               "node-link json": os.path.join(WORK, f"ba-{size}.json"), "graphml": os.path.join(WORK, f"ba-{size}.graphml")}
    if not os.path.exists(folder):
        subprocess.run([NETMAP, "export", csv_path, "--to", "csv", "-o", folder], check=True, capture_output=True)
    for name in ("node-link json", "graphml"):
        if not os.path.exists(formats[name]):
            subprocess.run([NETMAP, "export", csv_path, "-o", formats[name]], check=True, capture_output=True)
    return formats


def load_table(size, formats, script):
    """Load cost per format: netmap's `centrality --measures degree --top 1`, and for GraphML python-igraph's
    `Graph.Read_GraphML` + degree (whole process, the same file) and PageRank on the GraphML file by both."""
    print(f"\nLoad per format, {size} ties: `netmap centrality --measures degree --top 1 FILE` (load + CSR + degree); "
          "GraphML also read by python-igraph (`Graph.Read_GraphML`, degree), interleaved")
    print("| format | file MB | wall / cpu s | MB/s (cpu) | peak MB | bytes per tie | igraph wall / cpu s | igraph MB/s (cpu) | igraph MB | cpu nm/ig |")
    print("|---|---|---|---|---|---|---|---|---|---|")
    def run(command):
        try:
            return measure(command)
        except SystemExit as failure:
            return str(failure).splitlines()[-1]
    for name, path in formats.items():
        size_bytes = sum(os.path.getsize(os.path.join(path, f)) for f in os.listdir(path)) if os.path.isdir(path) else os.path.getsize(path)
        nm = run([NETMAP, "centrality", "--measures", "degree", "--top", "1", "--quiet", path])
        ig_ = run(["python3", script, "degree", path]) if path.endswith(".graphml") else None
        cells = (f"failed: {nm} | | | |" if isinstance(nm, str) else
                 f"{nm[0]:.2f} / {nm[1]:.2f} | {size_bytes / 1e6 / nm[1]:.0f} | {nm[2]:.0f} | {nm[2] * 1048576 / TIES[size]:.0f} |")
        if ig_ is None:
            cells += " | | | |"
        elif isinstance(ig_, str):
            cells += f" failed: {ig_} | | | |"
        else:
            ratio = f"{nm[1] / ig_[1]:.2f}" if not isinstance(nm, str) else ""
            cells += f" {ig_[0]:.2f} / {ig_[1]:.2f} | {size_bytes / 1e6 / ig_[1]:.0f} | {ig_[2]:.0f} | {ratio} |"
        print(f"| {name} | {size_bytes / 1e6:.0f} | {cells}", flush=True)
    graphml = formats.get("graphml")
    if graphml and os.path.exists(graphml):
        print(f"\nPageRank on the GraphML file ({size} ties), whole process, interleaved")
        print("| tool | wall / cpu s | peak MB | cpu nm/ig | memory nm/ig |")
        print("|---|---|---|---|---|")
        nm = run([NETMAP, "centrality", "--measures", "pagerank", "--format", "csv", "--quiet", graphml])
        ig_ = run(["python3", script, "pagerank", graphml])
        for tool, result in (("netmap", nm), ("python-igraph Read_GraphML", ig_)):
            if isinstance(result, str):
                print(f"| {tool} | failed: {result} | | | |")
            else:
                both = not isinstance(nm, str) and not isinstance(ig_, str)
                ratios = f"{nm[1] / ig_[1]:.2f} | {nm[2] / ig_[2]:.2f}" if both and tool == "netmap" else " | "
                print(f"| {tool} | {result[0]:.2f} / {result[1]:.2f} | {result[2]:.0f} | {ratios} |", flush=True)
    print(f"\nload average at the end {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
