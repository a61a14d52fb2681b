import Foundation
@testable import Graph

/// The package root, found from this file's path.
let packageRoot: URL = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// A fresh temporary folder for one test.
func temporaryFolder(_ name: String = #function) throws -> URL {
    let url = FileManager.default.temporaryDirectory
        .appendingPathComponent("netmap-tests-\(ProcessInfo.processInfo.processIdentifier)")
        .appendingPathComponent(name.filter { $0.isLetter || $0.isNumber })
    try? FileManager.default.removeItem(at: url)
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

/// Writes `text` to `name` in `folder` and returns its path.
@discardableResult
func write(_ text: String, to name: String, in folder: URL) throws -> String {
    let url = folder.appendingPathComponent(name)
    try Data(text.utf8).write(to: url)
    return url.path
}

/// Reads YAML text as a document, as the loader does.
func readYAML(_ text: String, path: String = "test.yaml") -> NetworkDocument {
    FileFormat.yaml.read(Data(text.utf8), path: path)
}

/// Runs a program and returns its exit status and output, or nil when it cannot be started.
func runProcess(_ executable: String, _ arguments: [String], input: Data? = nil) -> (status: Int32, output: String, error: String)? {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    let output = Pipe(), error = Pipe(), stdin = Pipe()
    process.standardOutput = output
    process.standardError = error
    process.standardInput = stdin
    do { try process.run() } catch { return nil }
    if let input { stdin.fileHandleForWriting.write(input) }
    try? stdin.fileHandleForWriting.close()
    let out = output.fileHandleForReading.readDataToEndOfFile()
    let err = error.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: out, as: UTF8.self), String(decoding: err, as: UTF8.self))
}

/// Whether python3 with networkx is available.
let hasNetworkX: Bool = runProcess("/usr/bin/env", ["python3", "-c", "import networkx"])?.status == 0

/// `../shared/data` next to the package (or two levels up, for a git worktree under `wt/`), nil when absent.
let sharedData: URL? = [packageRoot.deletingLastPathComponent(), packageRoot.deletingLastPathComponent().deletingLastPathComponent()]
    .map { $0.appendingPathComponent("shared/data") }
    .first { FileManager.default.fileExists(atPath: $0.path) }
