import Foundation

/// Writes output files safely: into a temporary file beside the target, then renamed over it, so a failed
/// run never leaves a half-written file.
public enum AtomicFile {
    public static func write(_ data: Data, to path: String) throws {
        let url = URL(fileURLWithPath: path)
        let directory = url.deletingLastPathComponent()
        var isDirectory: ObjCBool = false
        if !FileManager.default.fileExists(atPath: directory.path, isDirectory: &isDirectory) || !isDirectory.boolValue {
            throw GraphError.file(path: path, reason: "folder '\(directory.path)' does not exist")
        }
        let temporary = directory.appendingPathComponent(".\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp")
        do {
            try data.write(to: temporary, options: [])
            if rename(temporary.path, url.path) != 0 {
                let reason = String(cString: strerror(errno))
                try? FileManager.default.removeItem(at: temporary)
                throw GraphError.file(path: path, reason: "cannot write: \(reason)")
            }
        } catch let error as GraphError {
            throw error
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw GraphError.file(path: path, reason: "cannot write: \(error.localizedDescription)")
        }
    }

    public static func write(_ text: String, to path: String) throws {
        try write(Data(text.utf8), to: path)
    }
}
