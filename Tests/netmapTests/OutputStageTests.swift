import Foundation
import Graph
import XCTest

/// Issue 18, findings 4, 5, 6 and 10: every output goes through one stage that reports write errors, never
/// replaces what is not a regular file, never overwrites an input, and leaves nothing behind when a run fails.
final class OutputStageTests: XCTestCase {
    let shared = packageRoot.appendingPathComponent("data/shared.yaml").path

    /// Runs netmap with standard output going to `path` (e.g. /dev/full).
    func runNetmapWritingTo(_ path: String, _ arguments: [String]) throws -> (status: Int32, reason: Process.TerminationReason, error: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: netmapBinary)
        process.arguments = arguments
        process.standardOutput = FileHandle(forWritingAtPath: path)
        let error = Pipe()
        process.standardError = error
        try process.run()
        let text = error.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, process.terminationReason, String(decoding: text, as: UTF8.self))
    }

    /// Finding 4: a full standard output is an error message and exit 1 for every command, never a crash or exit 0.
    func testFullStandardOutputIsAnError() throws {
        try XCTSkipUnless(FileManager.default.fileExists(atPath: "/dev/full"), "no /dev/full on this system")
        for arguments in [["centrality", shared, "--format", "json"], ["export", shared], ["stats", shared], ["validate", shared],
                          ["export", shared, "--to", "csv"]] {
            let run = try runNetmapWritingTo("/dev/full", arguments)
            XCTAssertEqual(run.reason, .exit, "\(arguments): killed by a signal")
            XCTAssertEqual(run.status, 1, "\(arguments)")
            XCTAssertTrue(run.error.contains("standard output: error: cannot write: No space left on device"), "\(arguments): \(run.error)")
        }
    }

    /// Finding 5: `-o` writes through a link to its target, refuses a dangling link, a link loop and a socket,
    /// and writes into a device or FIFO instead of replacing it.
    func testOutputPathsAreNotReplacedButWrittenThrough() throws {
        let folder = try scratchFolder()
        let fm = FileManager.default
        let target = folder.appendingPathComponent("target.json").path, link = folder.appendingPathComponent("link.json").path
        try "old".write(toFile: target, atomically: false, encoding: .utf8)
        try fm.createSymbolicLink(atPath: link, withDestinationPath: "target.json")
        XCTAssertEqual(try runNetmap(["export", shared, "-o", link]).status, 0)
        XCTAssertEqual(try fm.destinationOfSymbolicLink(atPath: link), "target.json", "the link stays a link")
        XCTAssertTrue(try String(contentsOfFile: target, encoding: .utf8).hasPrefix("{"), "the target got the output")

        let dangling = folder.appendingPathComponent("dangling.json").path
        try fm.createSymbolicLink(atPath: dangling, withDestinationPath: "missing/x.json")
        let refused = try runNetmap(["export", shared, "-o", dangling])
        XCTAssertEqual(refused.status, 1)
        XCTAssertTrue(refused.error.contains("\(dangling): error: cannot write: is a symbolic link to a missing file or folder"), refused.error)

        let loop1 = folder.appendingPathComponent("l1.json").path, loop2 = folder.appendingPathComponent("l2.json").path
        try fm.createSymbolicLink(atPath: loop1, withDestinationPath: "l2.json")
        try fm.createSymbolicLink(atPath: loop2, withDestinationPath: "l1.json")
        let loop = try runNetmap(["export", shared, "-o", loop1])
        XCTAssertEqual(loop.status, 1)
        XCTAssertTrue(loop.error.contains("is a symbolic link loop"), loop.error)

        let fifo = folder.appendingPathComponent("fifo.json").path
        XCTAssertEqual(mkfifo(fifo, 0o600), 0)
        let reader = Process()
        reader.executableURL = URL(fileURLWithPath: "/bin/cat")
        reader.arguments = [fifo]
        let pipe = Pipe()
        reader.standardOutput = pipe
        try reader.run()
        XCTAssertEqual(try runNetmap(["export", shared, "-o", fifo]).status, 0)
        let received = pipe.fileHandleForReading.readDataToEndOfFile()
        reader.waitUntilExit()
        XCTAssertTrue(String(decoding: received, as: UTF8.self).hasPrefix("{"))
        var info = stat()
        XCTAssertEqual(lstat(fifo, &info), 0)
        XCTAssertEqual(info.st_mode & S_IFMT, S_IFIFO, "the FIFO is still a FIFO")

        if fm.fileExists(atPath: "/dev/full") {
            let full = try runNetmap(["export", shared, "-o", "/dev/full"])
            XCTAssertEqual(full.status, 1)
            XCTAssertTrue(full.error.contains("/dev/full: error: cannot write: No space left on device"), full.error)
            XCTAssertEqual(lstat("/dev/full", &info), 0)
            XCTAssertEqual(info.st_mode & S_IFMT, S_IFCHR, "the device is still a device")
        }
    }

    /// Finding 6: an output that is an input (by resolved path), or an output folder that holds one, is refused
    /// and the input is left as it was.
    func testOutputThatIsAnInputIsRefused() throws {
        let folder = try scratchFolder()
        let yaml = folder.appendingPathComponent("self.yaml").path
        try FileManager.default.copyItem(atPath: shared, toPath: yaml)
        let original = try Data(contentsOf: URL(fileURLWithPath: yaml))
        let dot = folder.appendingPathComponent("self.dot").path
        XCTAssertEqual(try runNetmap(["export", yaml, "-o", dot]).status, 0)
        let dotText = try Data(contentsOf: URL(fileURLWithPath: dot))
        let sub = folder.appendingPathComponent("sub")
        try FileManager.default.createDirectory(at: sub, withIntermediateDirectories: true)
        let theme = folder.appendingPathComponent("theme.svg").path
        try "font_size: 10\n".write(toFile: theme, atomically: false, encoding: .utf8)
        let cases: [([String], String)] = [
            (["export", yaml, "-o", yaml], yaml),
            (["export", yaml, "--to", "json", "-o", sub.path + "/../self.yaml"], sub.path + "/../self.yaml"),
            (["render", dot, "-o", dot], dot),
            (["export", folder.path, "--to", "csv", "-o", folder.path], folder.path),
            (["export", yaml, "--to", "csv", "-o", folder.path], folder.path),
            (["render", yaml, "-o", theme, "--theme", theme], theme),
        ]
        for (arguments, output) in cases {
            let run = try runNetmap(arguments)
            XCTAssertEqual(run.status, 1, "\(arguments)")
            XCTAssertTrue(run.error.contains("\(output): error:") && (run.error.contains("is also an input") || run.error.contains("an input (")), "\(arguments): \(run.error)")
        }
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: yaml)), original)
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: dot)), dotText)

        let organisations = packageRoot.appendingPathComponent("Tests/Fixtures/consortium/cordis/organization.json").path
        let copy = folder.appendingPathComponent("organization.json").path
        try FileManager.default.copyItem(atPath: organisations, toPath: copy)
        let cordis = try runNetmap(["import", "cordis", "--organizations", copy, "-o", copy])
        XCTAssertEqual(cordis.status, 1, cordis.error)
        XCTAssertTrue(cordis.error.contains("is also an input"), cordis.error)
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: copy)), try Data(contentsOf: URL(fileURLWithPath: organisations)))
    }

    /// Finding 10: a run that fails leaves no output at all, even one it could have written.
    func testFailingRunLeavesNoOutput() throws {
        let folder = try scratchFolder()
        let svg = folder.appendingPathComponent("F.svg").path
        let run = try runNetmap(["render", shared, "-o", svg, "--positions", folder.appendingPathComponent("missing-dir/p.json").path])
        XCTAssertEqual(run.status, 1)
        XCTAssertTrue(run.error.contains("missing-dir/p.json: error: folder"), run.error)
        XCTAssertFalse(FileManager.default.fileExists(atPath: svg))
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder.path), [], "no temporary file is left")

        let twice = try runNetmap(["render", shared, "-o", svg, "--positions", svg])
        XCTAssertEqual(twice.status, 1)
        XCTAssertTrue(twice.error.contains("is named for two outputs"), twice.error)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder.path), [])
    }
}
