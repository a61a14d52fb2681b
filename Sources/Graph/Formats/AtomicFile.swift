import Foundation

/// Writes an output file through the one output stage (`OutputStage`): temporary file and rename for
/// regular files, through links to their target, never over a device or an input, and only when the
/// command succeeds.
public enum AtomicFile {
    public static func write(_ data: Data, to path: String) throws {
        try OutputStage.shared.write(data, to: path)
    }

    public static func write(_ text: String, to path: String) throws {
        try OutputStage.shared.write(Data(text.utf8), to: path)
    }
}
