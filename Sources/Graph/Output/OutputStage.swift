import Foundation

/// The one place netmap writes its results: `-o` files, output folders and standard output.
///
/// What it promises (see SECURITY.md):
/// - A regular file is written to a temporary file beside it and renamed over it, so a reader never sees half
///   a file. Through a symbolic link, the link's target is written (the link stays); a dangling link or a
///   link loop is an error.
/// - A device, FIFO or socket is never replaced: a device or FIFO is written into (`-o /dev/stdout`), a
///   socket or a folder is refused.
/// - An output path that is one of the run's inputs (or, for an output folder, contains one) is refused;
///   paths are compared after resolving links, `.` and `..`.
/// - Inside `transaction`, nothing is put in place until the whole command succeeded: a failing run leaves
///   no output at all (temporary files are removed, folders it created are removed).
/// - Every write error (a full disk, `> /dev/full`) is a `GraphError` naming the path, never a crash and
///   never a silent loss.
///
/// Outside a transaction (library callers, tests) each write is put in place at once.
public final class OutputStage: @unchecked Sendable {
    public static let shared = OutputStage()

    private let lock = NSLock()
    private var inTransaction = false
    /// Resolved paths of the files and folders the running command reads.
    private var inputs: [String] = []
    /// Temporary files waiting to be renamed into place, in the order written.
    private var pending: [(temporary: String, target: String, shown: String)] = []
    /// Data for devices and FIFOs, written when the transaction commits.
    private var deviceWrites: [(path: String, data: Data)] = []
    /// Folders this transaction created (removed again if it fails).
    private var createdFolders: [String] = []
    /// Resolved targets already written in this transaction (one output cannot be written twice).
    private var targets: Set<String> = []
    private var counter = 0

    /// Runs `body` as one command: its outputs are put in place only when it returns without error.
    public func transaction<T>(_ body: () throws -> T) throws -> T {
        lock.withLock { inTransaction = true; inputs = []; targets = [] }
        do {
            let result = try body()
            try commit()
            return result
        } catch {
            discard()
            throw error
        }
    }

    /// Notes a file or folder the running command reads, so no output may replace it.
    public func noteInput(_ path: String) {
        guard let resolved = OutputStage.resolved(path) else { return }
        lock.withLock { if inTransaction { inputs.append(resolved) } }
    }

    /// Writes `data` to the file at `path` (see the type's promises).
    public func write(_ data: Data, to path: String) throws {
        switch try destination(path) {
        case .device(let resolved):
            if isDeferring { lock.withLock { deviceWrites.append((resolved, data)) } } else { try OutputStage.writeDevice(data, to: resolved, shown: path) }
        case .regular(let resolved):
            let temporary = try temporaryFile(for: resolved, shown: path)
            do { try OutputStage.writeAll(data, to: temporary.descriptor, shown: path) } catch {
                close(temporary.descriptor); unlink(temporary.path); throw error
            }
            try finish(temporary, target: resolved, shown: path)
        }
    }

    public func write(_ text: String, to path: String) throws {
        try write(Data(text.utf8), to: path)
    }

    /// Writes a large file piece by piece through `body` (into a temporary file, put in place as `write`).
    public func stream(to path: String, _ body: (OutputStream) throws -> Void) throws {
        switch try destination(path) {
        case .device(let resolved):
            let stream = OutputStream(memory: true, shown: path)
            try body(stream)
            try stream.flush()
            if isDeferring { lock.withLock { deviceWrites.append((resolved, stream.memory)) } } else { try OutputStage.writeDevice(stream.memory, to: resolved, shown: path) }
        case .regular(let resolved):
            let temporary = try temporaryFile(for: resolved, shown: path)
            let stream = OutputStream(descriptor: temporary.descriptor, shown: path)
            do { try body(stream); try stream.flush() } catch {
                close(temporary.descriptor); unlink(temporary.path); throw error
            }
            try finish(temporary, target: resolved, shown: path)
        }
    }

    /// Makes sure the output folder `path` exists (its parent must), refusing one that holds an input.
    public func prepareFolder(_ path: String) throws {
        let url = URL(fileURLWithPath: path)
        let parent = url.deletingLastPathComponent().path
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: parent, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw GraphError.file(path: path, reason: "folder '\(parent)' does not exist")
        }
        guard let resolved = OutputStage.resolvedOutput(path) else {
            throw GraphError.file(path: path, reason: "cannot resolve the path (a symbolic link loop?)")
        }
        let clash = lock.withLock { inputs.first { $0 == resolved || $0.hasPrefix(resolved == "/" ? "/" : resolved + "/") } }
        if let clash {
            throw GraphError.file(path: path, reason: "the output folder \(clash == resolved ? "is" : "holds") an input ('\(clash)'); write to another folder")
        }
        if FileManager.default.fileExists(atPath: resolved, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else { throw GraphError.file(path: path, reason: "exists and is not a folder") }
            return
        }
        if mkdir(resolved, 0o777) != 0 {
            throw GraphError.file(path: path, reason: "cannot create folder: \(String(cString: strerror(errno)))")
        }
        lock.withLock { if inTransaction { createdFolders.append(resolved) } }
    }

    // MARK: - Transactions

    private var isDeferring: Bool { lock.withLock { inTransaction } }

    private func finish(_ temporary: (path: String, descriptor: Int32), target: String, shown: String) throws {
        if close(temporary.descriptor) != 0 {
            let reason = String(cString: strerror(errno))
            unlink(temporary.path)
            throw GraphError.file(path: shown, reason: "cannot write: \(reason)")
        }
        if isDeferring {
            lock.withLock { pending.append((temporary.path, target, shown)) }
        } else {
            try OutputStage.rename(temporary.path, to: target, shown: shown)
        }
    }

    private func commit() throws {
        let (files, devices) = lock.withLock { () -> ([(temporary: String, target: String, shown: String)], [(path: String, data: Data)]) in
            defer { pending = []; deviceWrites = []; createdFolders = []; inTransaction = false; inputs = []; targets = [] }
            return (pending, deviceWrites)
        }
        var failure: Error?
        for file in files {
            if failure != nil { unlink(file.temporary); continue }
            do { try OutputStage.rename(file.temporary, to: file.target, shown: file.shown) } catch { failure = error }
        }
        for device in devices where failure == nil {
            do { try OutputStage.writeDevice(device.data, to: device.path, shown: device.path) } catch { failure = error }
        }
        if let failure { throw failure }
    }

    private func discard() {
        let (files, folders) = lock.withLock { () -> ([String], [String]) in
            defer { pending = []; deviceWrites = []; createdFolders = []; inTransaction = false; inputs = []; targets = [] }
            return (pending.map(\.temporary), createdFolders)
        }
        for file in files { unlink(file) }
        for folder in folders.reversed() { rmdir(folder) }
    }

    // MARK: - Destinations

    enum Destination { case regular(String), device(String) }

    /// What is at `path`, resolved through symbolic links, and checked against the inputs.
    func destination(_ path: String) throws -> Destination {
        if path.isEmpty { throw GraphError.file(path: path, reason: "empty output path") }
        var info = stat()
        var resolved: String
        if lstat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFLNK {
            guard let target = OutputStage.resolved(path) else {
                let reason = errno == ELOOP ? "is a symbolic link loop" : "is a symbolic link to a missing file or folder"
                throw GraphError.file(path: path, reason: "cannot write: \(reason)")
            }
            resolved = target
        } else {
            guard let target = OutputStage.resolvedOutput(path) else {
                let parent = URL(fileURLWithPath: path).deletingLastPathComponent().path
                if errno == ELOOP { throw GraphError.file(path: path, reason: "cannot write: a symbolic link loop in the path") }
                throw GraphError.file(path: path, reason: "folder '\(parent)' does not exist")
            }
            resolved = target
        }
        let clash = lock.withLock { inputs.contains(resolved) }
        if clash { throw GraphError.file(path: path, reason: "is also an input of this command; write the output to another file") }
        let twice = lock.withLock { () -> Bool in
            guard inTransaction else { return false }
            return !targets.insert(resolved).inserted
        }
        if twice { throw GraphError.file(path: path, reason: "is named for two outputs of this command") }
        guard stat(resolved, &info) == 0 else { return .regular(resolved) }
        switch info.st_mode & S_IFMT {
        case S_IFREG: return .regular(resolved)
        case S_IFCHR, S_IFBLK, S_IFIFO: return .device(resolved)
        case S_IFDIR: throw GraphError.file(path: path, reason: "is a folder; name a file")
        default: throw GraphError.file(path: path, reason: "is a socket or another special file; netmap does not replace it")
        }
    }

    /// `path` with links, `.` and `..` resolved, or nil when it does not exist (or loops).
    public static func resolved(_ path: String) -> String? {
        guard let pointer = realpath(path, nil) else { return nil }
        defer { free(pointer) }
        return String(cString: pointer)
    }

    /// An output path resolved: itself when it exists, else its resolved folder and its name.
    static func resolvedOutput(_ path: String) -> String? {
        if let existing = resolved(path) { return existing }
        let url = URL(fileURLWithPath: path)
        guard let folder = resolved(url.deletingLastPathComponent().path) else { return nil }
        return (folder == "/" ? "" : folder) + "/" + url.lastPathComponent
    }

    private func temporaryFile(for target: String, shown: String) throws -> (path: String, descriptor: Int32) {
        let url = URL(fileURLWithPath: target)
        let number = lock.withLock { counter += 1; return counter }
        let path = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).\(getpid()).\(number).tmp").path
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
        guard descriptor >= 0 else {
            throw GraphError.file(path: shown, reason: "cannot write: \(String(cString: strerror(errno)))")
        }
        var info = stat()
        if stat(target, &info) == 0 { fchmod(descriptor, info.st_mode & 0o7777) }
        return (path, descriptor)
    }

    static func rename(_ temporary: String, to target: String, shown: String) throws {
        if Foundation.rename(temporary, target) != 0 {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw GraphError.file(path: shown, reason: "cannot write: \(reason)")
        }
    }

    static func writeDevice(_ data: Data, to path: String, shown: String) throws {
        let descriptor = open(path, O_WRONLY | O_NOCTTY | O_CLOEXEC)
        guard descriptor >= 0 else { throw GraphError.file(path: shown, reason: "cannot write: \(String(cString: strerror(errno)))") }
        defer { close(descriptor) }
        try writeAll(data, to: descriptor, shown: shown)
    }

    /// Writes every byte of `data`, retrying short writes and interruptions.
    public static func writeAll(_ data: Data, to descriptor: Int32, shown: String) throws {
        try data.withUnsafeBytes { (buffer: UnsafeRawBufferPointer) in
            guard var pointer = buffer.baseAddress else { return }
            var left = buffer.count
            while left > 0 {
                let written = Foundation.write(descriptor, pointer, left)
                if written < 0 {
                    if errno == EINTR { continue }
                    throw GraphError.file(path: shown, reason: "cannot write: \(String(cString: strerror(errno)))")
                }
                left -= written
                pointer += written
            }
        }
    }

    /// A buffered writer for `stream(to:_:)`.
    public final class OutputStream {
        private let descriptor: Int32?
        private let shown: String
        private var buffer = Data()
        fileprivate private(set) var memory = Data()

        fileprivate init(descriptor: Int32, shown: String) { self.descriptor = descriptor; self.shown = shown }
        fileprivate init(memory: Bool, shown: String) { self.descriptor = nil; self.shown = shown }

        public func write(_ text: String) throws {
            buffer.append(contentsOf: text.utf8)
            if buffer.count >= 1 << 20 { try flush() }
        }

        fileprivate func flush() throws {
            if let descriptor { try OutputStage.writeAll(buffer, to: descriptor, shown: shown) } else { memory.append(buffer) }
            buffer.removeAll(keepingCapacity: true)
        }
    }
}
