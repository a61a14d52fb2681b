import Foundation

/// The one place netmap writes its results: `-o` files, output folders and standard output.
///
/// What it promises (see SECURITY.md):
/// - A regular file is written to a temporary file beside it and renamed over it, so a reader never sees half
///   a file. Through a symbolic link, the link's target is written (the link stays); a dangling link or a
///   link loop is an error.
/// - A device, FIFO or socket is never replaced: a device or FIFO is written into, a socket or a folder is
///   refused. A FIFO no process reads is an error after `readerWait` seconds, not a hang.
/// - `/dev/stdout`, `/dev/stderr`, `/dev/fd/N` and `/proc/self/fd/N` name an open descriptor: it is written
///   as it is (a pipe, a terminal, or a file opened with `>>`, whose earlier content stays).
/// - An output path that is one of the run's inputs (or, for an output folder, contains one) is refused;
///   paths are compared after resolving links, `.` and `..`, and files by device and inode (a hard link).
///   A file netmap would read back from an input folder (`export DIR -o DIR/copy.json`) is refused too:
///   the next run would read it as part of the network.
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
    /// The input files by device and inode (a hard link is the same file under another name).
    private var inputFiles: [FileIdentity: String] = [:]
    /// The resolved input folders.
    private var inputFolders: Set<String> = []
    /// Temporary files waiting to be renamed into place, in the order written.
    private var pending: [(temporary: String, target: String, shown: String)] = []
    /// Data for devices and FIFOs, written when the transaction commits.
    private var deviceWrites: [(path: String, data: Data, shown: String)] = []
    /// Data for open descriptors (`/dev/stdout`), written when the transaction commits.
    private var descriptorWrites: [(descriptor: Int32, data: Data, shown: String)] = []
    /// Folders this transaction created (removed again if it fails).
    private var createdFolders: [String] = []
    /// Resolved targets already written in this transaction (one output cannot be written twice).
    private var targets: Set<String> = []
    private var counter = 0

    /// Runs `body` as one command: its outputs are put in place only when it returns without error.
    public func transaction<T>(_ body: () throws -> T) throws -> T {
        lock.withLock { inTransaction = true; inputs = []; inputFiles = [:]; inputFolders = []; targets = [] }
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
        var info = stat()
        let identity = stat(resolved, &info) == 0 ? FileIdentity(info) : nil
        let isFolder = identity != nil && (info.st_mode & S_IFMT) == S_IFDIR
        lock.withLock {
            guard inTransaction else { return }
            inputs.append(resolved)
            if isFolder { inputFolders.insert(resolved) } else if let identity { inputFiles[identity] = resolved }
        }
    }

    /// Writes `data` to the file at `path` (see the type's promises).
    public func write(_ data: Data, to path: String) throws {
        let target = try destination(path)
        switch target {
        case .descriptor, .device:
            try write(data, to: target, shown: path)
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
        let target = try destination(path)
        switch target {
        case .descriptor, .device:
            let stream = OutputStream(memory: true, shown: path)
            try body(stream)
            try stream.flush()
            try write(stream.memory, to: target, shown: path)
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
            throw GraphError.file(path: path, reason: "folder '\(TerminalText.visible(parent))' does not exist")
        }
        guard let resolved = OutputStage.resolvedOutput(path) else {
            throw GraphError.file(path: path, reason: "cannot resolve the path (a symbolic link loop?)")
        }
        let clash = lock.withLock { inputs.first { $0 == resolved || $0.hasPrefix(resolved == "/" ? "/" : resolved + "/") } }
        if let clash {
            throw GraphError.file(path: path, reason: "the output folder \(clash == resolved ? "is" : "holds") an input ('\(TerminalText.visible(clash))'); write to another folder")
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
        let (files, devices, descriptors) = lock.withLock { () -> ([(temporary: String, target: String, shown: String)], [(path: String, data: Data, shown: String)], [(descriptor: Int32, data: Data, shown: String)]) in
            defer { reset() }
            return (pending, deviceWrites, descriptorWrites)
        }
        var failure: Error?
        for file in files {
            if failure != nil { unlink(file.temporary); continue }
            do { try OutputStage.rename(file.temporary, to: file.target, shown: file.shown) } catch { failure = error }
        }
        for device in devices where failure == nil {
            do { try OutputStage.writeDevice(device.data, to: device.path, shown: device.shown) } catch { failure = error }
        }
        for write in descriptors where failure == nil {
            do { try OutputStage.writeAll(write.data, to: write.descriptor, shown: write.shown) } catch { failure = error }
        }
        if let failure { throw failure }
    }

    /// Ends the transaction's bookkeeping (called with the lock held).
    private func reset() {
        pending = []; deviceWrites = []; descriptorWrites = []; createdFolders = []; inTransaction = false
        inputs = []; inputFiles = [:]; inputFolders = []; targets = []
    }

    /// Writes `data` to a descriptor or device `destination` (now, or when the transaction commits).
    private func write(_ data: Data, to destination: Destination, shown: String) throws {
        switch destination {
        case .descriptor(let descriptor):
            if isDeferring { lock.withLock { descriptorWrites.append((descriptor, data, shown)) } } else { try OutputStage.writeAll(data, to: descriptor, shown: shown) }
        case .device(let resolved):
            if isDeferring { lock.withLock { deviceWrites.append((resolved, data, shown)) } } else { try OutputStage.writeDevice(data, to: resolved, shown: shown) }
        case .regular:
            preconditionFailure("regular files are written through a temporary file")
        }
    }

    private func discard() {
        let (files, folders) = lock.withLock { () -> ([String], [String]) in
            defer { reset() }
            return (pending.map(\.temporary), createdFolders)
        }
        for file in files { unlink(file) }
        for folder in folders.reversed() { rmdir(folder) }
    }

    // MARK: - Destinations

    enum Destination { case regular(String), device(String), descriptor(Int32) }

    /// A file's identity: two paths with the same device and inode are the same file.
    struct FileIdentity: Hashable {
        var device: UInt64
        var inode: UInt64
        init(_ info: stat) { device = UInt64(info.st_dev); inode = UInt64(info.st_ino) }
    }

    /// The open descriptor a path names: `/dev/stdout` (1), `/dev/stderr` (2), `/dev/fd/N`, `/proc/self/fd/N`.
    /// Such a path is not resolved: through a pipe it leads to no file, and renaming over the file a shell
    /// opened with `>>` would drop what it held.
    static func descriptor(named path: String) -> Int32? {
        switch path {
        case "/dev/stdout": return STDOUT_FILENO
        case "/dev/stderr": return STDERR_FILENO
        default:
            for prefix in ["/dev/fd/", "/proc/self/fd/"] where path.hasPrefix(prefix) {
                if let number = Int32(path.dropFirst(prefix.count)), number >= 0 { return number }
            }
            return nil
        }
    }

    /// What is at `path`, resolved through symbolic links, and checked against the inputs.
    func destination(_ path: String) throws -> Destination {
        if path.isEmpty { throw GraphError.file(path: path, reason: "empty output path") }
        if let descriptor = OutputStage.descriptor(named: path) {
            guard fcntl(descriptor, F_GETFD) != -1 else { throw GraphError.file(path: path, reason: "cannot write: descriptor \(descriptor) is not open") }
            let twice = lock.withLock { inTransaction && !targets.insert("fd:\(descriptor)").inserted }
            if twice { throw GraphError.file(path: path, reason: "is named for two outputs of this command") }
            return .descriptor(descriptor)
        }
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
                throw GraphError.file(path: path, reason: "folder '\(TerminalText.visible(parent))' does not exist")
            }
            resolved = target
        }
        let existing = stat(resolved, &info) == 0
        let (clash, hardLink, folder) = lock.withLock { () -> (Bool, String?, String?) in
            let hardLink = existing ? inputFiles[FileIdentity(info)] : nil
            let parent = URL(fileURLWithPath: resolved).deletingLastPathComponent().path
            return (inputs.contains(resolved), hardLink, inputFolders.contains(parent) ? parent : nil)
        }
        if clash { throw GraphError.file(path: path, reason: "is also an input of this command; write the output to another file") }
        if let hardLink {
            throw GraphError.file(path: path, reason: "is the same file as the input '\(TerminalText.visible(hardLink))' (a hard link); write the output to another file")
        }
        if let folder, NetworkLoader.readsFromFolder(URL(fileURLWithPath: resolved).lastPathComponent) {
            throw GraphError.file(path: path, reason: "is in the input folder '\(TerminalText.visible(folder))', so the next run would read it as part of the network; write it elsewhere")
        }
        let twice = lock.withLock { () -> Bool in
            guard inTransaction else { return false }
            return !targets.insert(resolved).inserted
        }
        if twice { throw GraphError.file(path: path, reason: "is named for two outputs of this command") }
        guard existing else { return .regular(resolved) }
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

    /// How long a FIFO may go without a reader before writing to it is an error (seconds).
    nonisolated(unsafe) public static var readerWait = 10.0

    /// Writes into a device or FIFO. A FIFO is opened without blocking, retried until a process opens it for
    /// reading (at most `readerWait` seconds), then written with ordinary blocking writes.
    static func writeDevice(_ data: Data, to path: String, shown: String) throws {
        let deadline = Date().addingTimeInterval(readerWait)
        var descriptor = open(path, O_WRONLY | O_NOCTTY | O_CLOEXEC | O_NONBLOCK)
        while descriptor < 0 && errno == ENXIO && Date() < deadline {
            usleep(50_000)
            descriptor = open(path, O_WRONLY | O_NOCTTY | O_CLOEXEC | O_NONBLOCK)
        }
        guard descriptor >= 0 else {
            let seconds = readerWait == readerWait.rounded() ? String(Int(readerWait)) : String(readerWait)
            let reason = errno == ENXIO ? "no process reads this FIFO (waited \(seconds) s)" : String(cString: strerror(errno))
            throw GraphError.file(path: shown, reason: "cannot write: \(reason)")
        }
        defer { close(descriptor) }
        _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) & ~O_NONBLOCK)
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
