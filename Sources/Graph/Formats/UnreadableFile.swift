import Foundation

/// Why a file cannot be read, in words a user can act on ("is a symbolic link loop", "no such file or
/// folder", "is a folder, not a file", "Permission denied") instead of Foundation's "The operation could not
/// be completed (NSCocoaErrorDomain error 256)". Every reader of a named file (networks, tables, themes,
/// positions, programme rules) says it the same way.
public enum UnreadableFile {
    /// The reason reading `path` fails, found by asking the system about it again.
    public static func reason(_ path: String) -> String {
        var info = stat()
        if lstat(path, &info) != 0 {
            return errno == ELOOP ? "a symbolic link loop in the path" : errno == ENOENT || errno == ENOTDIR ? "no such file or folder" : String(cString: strerror(errno))
        }
        if (info.st_mode & S_IFMT) == S_IFLNK, stat(path, &info) != 0 {
            return errno == ELOOP ? "is a symbolic link loop" : "is a symbolic link to a missing file or folder"
        }
        if stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR { return "is a folder, not a file" }
        let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        if descriptor < 0 { return String(cString: strerror(errno)) }
        close(descriptor)
        return "the system refused to read it"
    }

    /// The bytes of the file at `path`.
    /// - Throws: `GraphError.file` saying "cannot read `what`: reason".
    public static func contents(of path: String, what: String) throws -> Data {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw GraphError.file(path: path, reason: "cannot read \(what): \(reason(path))")
        }
        return data
    }
}
