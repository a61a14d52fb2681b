import Foundation

/// A raw buffer that threads write disjoint parts of; the caller guarantees the disjointness.
struct SharedBuffer<Element>: @unchecked Sendable {
    let base: UnsafeMutablePointer<Element>
    let count: Int

    init(repeating value: Element, count: Int) {
        self.count = count
        base = UnsafeMutablePointer<Element>.allocate(capacity: Swift.max(count, 1))
        base.initialize(repeating: value, count: count)
    }

    func free() {
        base.deinitialize(count: count)
        base.deallocate()
    }
}

/// Counts finished work items across threads and reports them, at most every `step` items.
public final class ProgressCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var done = 0
    public let total: Int
    private let report: @Sendable (Int, Int) -> Void

    /// - Parameter report: called with (done, total), from any thread, serialised.
    public init(total: Int, report: @escaping @Sendable (Int, Int) -> Void) {
        self.total = total
        self.report = report
    }

    func add(_ count: Int) {
        lock.lock()
        done += count
        report(done, total)
        lock.unlock()
    }
}

/// How many threads to use: `requested`, or all active processors when nil; never more than `items`.
func threadCount(_ requested: Int?, items: Int) -> Int {
    let available = requested ?? ProcessInfo.processInfo.activeProcessorCount
    return Swift.max(1, Swift.min(available, items))
}

/// Runs `body(thread)` on `threads` threads and waits for all of them.
func runThreads(_ threads: Int, _ body: @Sendable (Int) -> Void) {
    if threads == 1 {
        body(0)
    } else {
        DispatchQueue.concurrentPerform(iterations: threads, execute: body)
    }
}
