import Foundation
import Graph
import XCTest

/// Issue 18, findings 4, 5, 6 and 10: every output goes through one stage that reports write errors, never
/// replaces what is not a regular file, never overwrites an input, and leaves nothing behind when a run fails.
final class OutputStageTests: XCTestCase {
    let shared = packageRoot.appendingPathComponent("data/shared.yaml").path

    /// Runs netmap with standard output going to `path` (e.g. /dev/full).
    func runNetmapWritingTo(_ path: String, _ arguments: [String]) throws -> (status: Int32, reason: Process.TerminationReason, error: String) {
        try runNetmapWritingTo(FileHandle(forWritingAtPath: path), arguments)
    }

    /// Runs netmap with standard output going to `handle` (opened as the test needs it).
    func runNetmapWritingTo(_ handle: FileHandle?, _ arguments: [String]) throws -> (status: Int32, reason: Process.TerminationReason, error: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: netmapBinary)
        process.arguments = arguments
        process.standardOutput = handle
        let error = Pipe()
        process.standardError = error
        try process.run()
        let text = error.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, process.terminationReason, String(decoding: text, as: UTF8.self))
    }

    /// A copy of data/shared.yaml in `folder` (self.yaml) and its bytes, to check an input is left as it was.
    func copyOfShared(in folder: URL) throws -> (path: String, original: Data) {
        let yaml = folder.appendingPathComponent("self.yaml").path
        try FileManager.default.copyItem(atPath: shared, toPath: yaml)
        return (yaml, try Data(contentsOf: URL(fileURLWithPath: yaml)))
    }

    /// Finding 4: a full standard output is an error message and exit 1 for every command, never a crash or exit 0.
    func testFullStandardOutputIsAnError() throws {
        try XCTSkipUnless(FileManager.default.fileExists(atPath: "/dev/full"), "no /dev/full on this system")
        let data = packageRoot.appendingPathComponent("data").path
        for arguments in [["centrality", shared, "--format", "json"], ["export", shared], ["stats", shared], ["validate", shared],
                          ["export", shared, "--to", "csv"], ["find", "trondelag", shared], ["diff", data, "--at", "2015", "--to-year", "2022"],
                          ["consortium", data, "--programme", "horizon-europe", "--lead", "trondelag-fk"]] {
            let run = try runNetmapWritingTo("/dev/full", arguments)
            XCTAssertEqual(run.reason, .exit, "\(arguments): killed by a signal")
            XCTAssertEqual(run.status, 1, "\(arguments)")
            XCTAssertTrue(run.error.contains("standard output: error: cannot write: No space left on device"), "\(arguments): \(run.error)")
        }
    }

    /// Finding 4: help and version text that cannot be written is an error too (ArgumentParser printed it
    /// with C's buffered `stdout` and exited 0 with it lost).
    func testHelpAndVersionToAFullOutputAreErrors() throws {
        try XCTSkipUnless(FileManager.default.fileExists(atPath: "/dev/full"), "no /dev/full on this system")
        for arguments in [["--help"], ["--version"], ["help", "stats"], ["report", "--help"], ["import", "cordis", "--help"]] {
            let run = try runNetmapWritingTo("/dev/full", arguments)
            XCTAssertEqual(run.reason, .exit, "\(arguments)")
            XCTAssertEqual(run.status, 1, "\(arguments)")
            XCTAssertTrue(run.error.contains("standard output: error: cannot write: No space left on device"), "\(arguments): \(run.error)")
        }
        let help = try runNetmap(["stats", "--help"])
        XCTAssertEqual(help.status, 0)
        XCTAssertTrue(help.output.hasPrefix("OVERVIEW: Summarise a network"), help.output)
    }

    /// Finding 5: `/dev/stdout` and `/dev/fd/N` name an open descriptor and are written as they are: into a
    /// pipe (realpath finds no file there), and after what a file opened for appending already holds (renaming a
    /// new file over it would drop that).
    func testDescriptorPathsAreWrittenAsTheyAre() throws {
        let piped = try runNetmap(["export", shared, "--to", "json", "-o", "/dev/stdout"])
        XCTAssertEqual(piped.status, 0, piped.error)
        XCTAssertTrue(piped.output.hasPrefix("{"), piped.output)
        let viaFD = try runNetmap(["export", shared, "--to", "json", "-o", "/dev/fd/1"])
        XCTAssertEqual(viaFD.output, piped.output)

        let folder = try scratchFolder()
        let log = folder.appendingPathComponent("log.txt").path
        try "earlier line\n".write(toFile: log, atomically: false, encoding: .utf8)
        let handle = try XCTUnwrap(FileHandle(forWritingAtPath: log))
        handle.seekToEndOfFile()
        let appended = try runNetmapWritingTo(handle, ["export", shared, "--to", "json", "-o", "/dev/stdout"])
        XCTAssertEqual(appended.status, 0, appended.error)
        XCTAssertEqual(try String(contentsOfFile: log, encoding: .utf8), "earlier line\n" + piped.output)

        let closed = try runNetmap(["export", shared, "--to", "json", "-o", "/dev/fd/9"])
        XCTAssertEqual(closed.status, 1)
        XCTAssertTrue(closed.error.contains("/dev/fd/9: error: cannot write: descriptor 9 is not open"), closed.error)
    }

    /// Finding 5: a FIFO no process reads is an error after a bounded wait, not a hang, and stays a FIFO.
    func testFIFOWithoutAReaderIsAnErrorNotAHang() throws {
        let folder = try scratchFolder()
        let fifo = folder.appendingPathComponent("fifo.json").path
        XCTAssertEqual(mkfifo(fifo, 0o600), 0)
        let wait = OutputStage.readerWait
        OutputStage.readerWait = 0.2
        defer { OutputStage.readerWait = wait }
        XCTAssertThrowsError(try OutputStage.shared.write(Data("{}".utf8), to: fifo)) { error in
            XCTAssertEqual("\(error)", "\(fifo): error: cannot write: no process reads this FIFO (waited 0.2 s)")
        }
        var info = stat()
        XCTAssertEqual(lstat(fifo, &info), 0)
        XCTAssertEqual(info.st_mode & S_IFMT, S_IFIFO)
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

        let directory = folder.appendingPathComponent("dir.json")
        try fm.createDirectory(at: directory, withIntermediateDirectories: false)
        let onFolder = try runNetmap(["export", shared, "-o", directory.path])
        XCTAssertEqual(onFolder.status, 1)
        XCTAssertTrue(onFolder.error.contains("\(directory.path): error: is a folder; name a file"), onFolder.error)
        XCTAssertEqual(try fm.contentsOfDirectory(atPath: directory.path), [], "the folder is left as it was")

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
        let (yaml, original) = try copyOfShared(in: folder)
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

    /// Finding 6: the same file under another name is refused too: a hard link (same device and inode), and a
    /// file in an input folder that the next run would read as part of the network.
    func testHardLinksAndFilesInAnInputFolderAreRefused() throws {
        let folder = try scratchFolder()
        let (yaml, original) = try copyOfShared(in: folder)
        let hard = folder.appendingPathComponent("hard.yaml").path
        XCTAssertEqual(link(yaml, hard), 0)
        let linked = try runNetmap(["export", yaml, "--to", "yaml", "-o", hard])
        XCTAssertEqual(linked.status, 1)
        XCTAssertTrue(linked.error.contains("\(hard): error: is the same file as the input"), linked.error)
        var info = stat()
        XCTAssertEqual(stat(yaml, &info), 0)
        XCTAssertEqual(info.st_nlink, 2, "the hard link is not broken")
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: hard)), original)

        let copy = folder.appendingPathComponent("copy.json").path
        let inside = try runNetmap(["export", folder.path, "--to", "json", "-o", copy])
        XCTAssertEqual(inside.status, 1)
        XCTAssertTrue(inside.error.contains("\(copy): error: is in the input folder"), inside.error)
        XCTAssertFalse(FileManager.default.fileExists(atPath: copy))
        let picture = folder.appendingPathComponent("picture.svg").path
        XCTAssertEqual(try runNetmap(["render", folder.path, "-o", picture]).status, 0, "a file netmap does not read back is fine")
    }

    /// Finding 10: a run whose standard output fails leaves no file either.
    func testFailedStandardOutputLeavesNoFile() throws {
        try XCTSkipUnless(FileManager.default.fileExists(atPath: "/dev/full"), "no /dev/full on this system")
        let folder = try scratchFolder()
        let svg = folder.appendingPathComponent("d.svg").path
        let old = packageRoot.appendingPathComponent("data/trondelag-2020.yaml").path
        let run = try runNetmapWritingTo("/dev/full", ["diff", shared, old, "--to", shared, "--render", svg])
        XCTAssertEqual(run.status, 1, run.error)
        XCTAssertTrue(run.error.contains("standard output: error: cannot write"), run.error)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder.path), [])
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
