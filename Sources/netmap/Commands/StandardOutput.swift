import Foundation
import Graph

/// Standard output and standard error, the way every command writes them.
///
/// Output is buffered here and written with `write(2)`; a failed write (a full disk, `> /dev/full`, a closed
/// pipe) is remembered and reported by `finish()`, so the command ends with a message and exit 1 instead of
/// a crash (Foundation's `FileHandle.write(_:)` traps) or exit 0 with the output lost (C's buffered `stdout`).
/// On a terminal, control characters from data (escape sequences in labels) are made inert.
enum StandardOutput {
    nonisolated(unsafe) private static var buffer: [UInt8] = []
    nonisolated(unsafe) private static var failure: String?
    private static let lock = NSLock()
    private static let isTerminal = isatty(STDOUT_FILENO) != 0

    /// Writes `text` (buffered).
    static func write(_ text: String) {
        let shown = isTerminal ? TerminalText.inert(text) : text
        lock.withLock {
            buffer.append(contentsOf: shown.utf8)
            if buffer.count >= 1 << 16 || isTerminal { flushLocked() }
        }
    }

    /// Writes `data` as it is (a file format's bytes).
    static func write(_ data: Data) {
        if isTerminal, let text = String(data: data, encoding: .utf8) { write(text); return }
        lock.withLock {
            buffer.append(contentsOf: data)
            if buffer.count >= 1 << 16 { flushLocked() }
        }
    }

    /// Writes what is buffered, throwing when any write to standard output failed.
    static func finish() throws {
        let failed = lock.withLock { () -> String? in
            flushLocked()
            return failure
        }
        if let failed { throw GraphError.file(path: "standard output", reason: "cannot write: \(failed)") }
    }

    private static func flushLocked() {
        guard !buffer.isEmpty else { return }
        defer { buffer.removeAll(keepingCapacity: true) }
        guard failure == nil else { return }
        do {
            try OutputStage.writeAll(Data(buffer), to: STDOUT_FILENO, shown: "standard output")
        } catch GraphError.file(_, let reason) {
            failure = reason.replacingOccurrences(of: "cannot write: ", with: "")
        } catch {
            failure = "\(error)"
        }
    }
}

/// netmap's `print`, used by every command in this module in place of Swift's: it writes through
/// `StandardOutput`, so a failed write is an error, not lost output.
func print(_ items: Any..., separator: String = " ", terminator: String = "\n") {
    StandardOutput.write(items.map { "\($0)" }.joined(separator: separator) + terminator)
}

/// Writes a message to standard error, control characters from data made inert (see `TerminalText`).
/// A failed write to standard error is ignored: there is nowhere left to report it.
func printError(_ text: String) {
    try? FileHandle.standardError.write(contentsOf: Data((TerminalText.inert(text) + "\n").utf8))
}
