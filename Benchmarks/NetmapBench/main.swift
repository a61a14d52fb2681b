// netmap-bench: times one analysis workload on an edge-list file, for bench/compare.sh.
//
//   netmap-bench WORKLOAD EDGELIST [--threads N] [--sources K | --source-list FILE] [--seed S] [--tolerance T]
//
// EDGELIST holds "u v" per line with integer node numbers 0..n−1 (undirected). WORKLOAD is one of
// betweenness, pagerank, closeness, harmonic, kcore, components. --sources K times closeness/harmonic/
// betweenness from K seeded random sources only; --source-list from the node numbers in FILE. Prints one JSON line:
//   {"workload": ..., "nodes": n, "edges": m, "load_s": ..., "build_s": ..., "compute_s": (wall), "compute_cpu_s": (process CPU),
//    "max_rss_mb": ..., "checksum": ...}
import Foundation
import Graph

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("netmap-bench: \(message)\n".utf8))
    exit(2)
}

func now() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_MONOTONIC, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
}

func cpuTime() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
}

/// Peak resident memory of this process. On Linux VmHWM from /proc/self/status: `ru_maxrss` would report the
/// parent's peak when the parent (a large Python process) forked us.
func maxResidentMegabytes() -> Double {
    #if os(Linux)
    if let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
       let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
       let kilobytes = Double(line.split(separator: " ").dropFirst().first ?? "") {
        return kilobytes / 1024
    }
    #endif
    var usage = rusage()
    #if os(Linux)
    getrusage(RUSAGE_SELF.rawValue, &usage)
    #else
    getrusage(RUSAGE_SELF, &usage)
    #endif
    #if os(Linux)
    return Double(usage.ru_maxrss) / 1024  // kilobytes on Linux
    #else
    return Double(usage.ru_maxrss) / 1024 / 1024
    #endif
}

func option(_ name: String, in arguments: inout [String]) -> String? {
    guard let index = arguments.firstIndex(of: name), index + 1 < arguments.count else { return nil }
    let value = arguments[index + 1]
    arguments.removeSubrange(index...(index + 1))
    return value
}
var arguments = Array(CommandLine.arguments.dropFirst())
let threads = option("--threads", in: &arguments).flatMap(Int.init)
let sampleSize = option("--sources", in: &arguments).flatMap(Int.init)
let seed = option("--seed", in: &arguments).flatMap(UInt64.init) ?? 1
let tolerance = option("--tolerance", in: &arguments).flatMap(Double.init) ?? 1e-6
let sourceList = option("--source-list", in: &arguments)
guard arguments.count == 2 else { fail("usage: netmap-bench WORKLOAD EDGELIST [--threads N] [--sources K] [--seed S] [--tolerance T]") }
let (workload, path) = (arguments[0], arguments[1])

// Load: parse "u v" lines straight from bytes.
var start = now()
guard let data = FileManager.default.contents(atPath: path) else { fail("cannot read \(path)") }
var edges: [(Int, Int, Double)] = []
edges.reserveCapacity(data.count / 10)
var maxNode = -1
data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
    var current = 0, haveDigits = false, first = -1
    for byte in raw {
        if byte >= 48 && byte <= 57 {
            current = current * 10 + Int(byte - 48); haveDigits = true
        } else {
            if haveDigits {
                if first < 0 { first = current } else { edges.append((first, current, 1)); maxNode = max(maxNode, first, current); first = -1 }
                current = 0; haveDigits = false
            }
            if byte == 10 { first = -1 }
        }
    }
    if haveDigits && first >= 0 { edges.append((first, current, 1)); maxNode = max(maxNode, first, current) }
}
let loadSeconds = now() - start

start = now()
let graph = AnalysisGraph(ids: (0...max(maxNode, 0)).map(String.init), edges: edges, directed: false)
edges = []
let buildSeconds = now() - start
var generator = SplitMixGenerator(seed: seed)
var sources: [Int]? = sampleSize.map { graph.sampleSources($0, using: &generator) }
if let sourceList {
    guard let text = try? String(contentsOfFile: sourceList, encoding: .utf8) else { fail("cannot read \(sourceList)") }
    sources = text.split(whereSeparator: { $0 == "\n" || $0 == " " }).compactMap { Int($0) }.filter { $0 < graph.nodeCount }
}

start = now()
let cpuStart = cpuTime()
var checksum = 0.0
switch workload {
case "betweenness":
    checksum = graph.betweenness(sources: sources, threads: threads).reduce(0, +)
case "pagerank":
    checksum = (try? graph.pagerank(tolerance: tolerance, maxIterations: 1000))?.reduce(0, +) ?? .nan
case "closeness":
    checksum = graph.closeness(of: sources, threads: threads).reduce(0, +)
case "harmonic":
    checksum = graph.harmonic(of: sources, threads: threads).reduce(0, +)
case "kcore":
    checksum = Double(graph.coreNumbers().max() ?? 0)
case "components":
    checksum = Double(graph.connectedComponents().count)
default:
    fail("unknown workload '\(workload)'")
}
let computeSeconds = now() - start
let computeCPUSeconds = cpuTime() - cpuStart
print("{\"workload\": \"\(workload)\", \"nodes\": \(graph.nodeCount), \"edges\": \(graph.edgeCount), \"threads\": \(threads ?? 0), "
      + "\"load_s\": \(loadSeconds), \"build_s\": \(buildSeconds), \"compute_s\": \(computeSeconds), \"compute_cpu_s\": \(computeCPUSeconds), "
      + "\"max_rss_mb\": \(maxResidentMegabytes()), \"checksum\": \(checksum)}")
