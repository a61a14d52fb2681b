import ArgumentParser
import Foundation
import Graph

/// `--quiet`: no progress line on standard error.
struct ProgressOptions: ParsableArguments {
    @Flag(name: .long, help: "No progress line on standard error for steps that take more than a second.")
    var quiet = false

    /// Runs one step; when it takes more than a second and standard error is a terminal, a line
    /// `label … 3 s` is kept up to date on standard error and erased when the step ends.
    func step<T>(_ label: String, _ work: () throws -> T) rethrows -> T {
        guard !quiet, ProgressBar.isTerminal else { return try work() }
        let line = ProgressLine(label: label)
        line.start()
        defer { line.stop() }
        return try work()
    }

    /// A counter for a step with a known number of items (betweenness sources), or nil when quiet.
    func counter(label: String, total: Int) -> ProgressCounter? {
        quiet ? nil : ProgressBar.counter(label: label, total: total)
    }
}

/// A line on standard error naming a step that runs longer than a second, with the seconds so far.
final class ProgressLine: @unchecked Sendable {
    private let label: String
    private let condition = NSCondition()
    private var finished = false
    private var shown = 0
    private var thread: Thread?

    /// How long a step runs before its line appears.
    static let delay: TimeInterval = 1

    init(label: String) { self.label = label }

    func start() {
        let started = Date()
        let thread = Thread { [self] in
            condition.lock()
            defer { condition.unlock() }
            var next = started.addingTimeInterval(Self.delay)
            while !finished {
                if condition.wait(until: next) { continue }
                guard !finished else { break }
                let text = "\r\(label) … \(Int(Date().timeIntervalSince(started))) s"
                FileHandle.standardError.write(Data(text.utf8))
                shown = max(shown, text.count)
                next = Date().addingTimeInterval(1)
            }
            if shown > 0 { FileHandle.standardError.write(Data(("\r" + String(repeating: " ", count: shown) + "\r").utf8)) }
        }
        self.thread = thread
        thread.start()
    }

    /// Ends the step and erases its line (waiting until it is erased, so no output interleaves with it).
    func stop() {
        condition.lock()
        finished = true
        condition.signal()
        condition.unlock()
        while thread?.isFinished == false { usleep(1000) }
    }
}
