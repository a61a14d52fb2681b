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

/// How many threads to use: `requested`, or all active processors when nil; never more than `items` or 64
/// (each thread holds O(n) buffers).
func threadCount(_ requested: Int?, items: Int) -> Int {
    let available = requested ?? ProcessInfo.processInfo.activeProcessorCount
    return Swift.max(1, Swift.min(available, items, 64))
}

/// Runs `body(thread)` on `threads` threads (the caller's thread being number 0) and waits for all of them.
///
/// Plain threads rather than `DispatchQueue.concurrentPerform`: on Linux libdispatch ran both iterations on
/// one thread when the machine was busy, so the work never spread over the cores.
func runThreads(_ threads: Int, _ body: @escaping @Sendable (Int) -> Void) {
    guard threads > 1 else { body(0); return }
    let finished = DispatchSemaphore(value: 0)
    for index in 1..<threads {
        let thread = Thread {
            body(index)
            finished.signal()
        }
        thread.stackSize = 1 << 20
        thread.start()
    }
    body(0)
    for _ in 1..<threads { finished.wait() }
}
