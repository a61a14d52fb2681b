// Runs the commands that README.md, docs/guide.md, docs/glossary.md and docs/install.md show and compares what
// they print with the docs, so the docs cannot drift from the program.
//
// HOW TO MARK A BLOCK (the first word of a fence's info string is its language; the words after it are markers,
// which Markdown viewers do not show but anyone editing the file sees):
//
//   ```console             Compared. Each line starting with "$ " is a command (a line ending in "\" continues
//                          on the next); the lines after it, up to the next "$ " line, are what it prints
//                          (standard output and standard error together, trailing spaces ignored).
//                          "$ echo $?" shows the exit status of the command before it.
//                          A line holding only "..." stands for any number of lines of output: the lines above
//                          it must start the output, the lines below it (if any) must end it.
//   ```console run-only    Run; each command must exit 0, its output is not compared. For outputs that
//                          legitimately vary (timings, temporary paths).
//   ```sh                  Each line starting with "netmap " is run and must exit 0; output is not compared
//                          (a list of commands with comments). Other lines (make, sudo, cd...) are not run.
//   ```console skip ...    Not run at all (any language). Say why after "skip", e.g.
//   ```sh skip needs the CORDIS tables of ../shared/data
//   Other fences (```yaml, ```, ```json, ...) are text, never run.
//
// Commands run with `netmap` on PATH (the binary this test target was built with, its output line-buffered as in
// a terminal, so warnings on standard error come where a user sees them), one scratch folder per
// document (so a block can read what an earlier block of the same document wrote), in which docs/ and data/ are
// copies, every other top-level entry of the package (Tests/, ...) is a symbolic link, and `out/` is a real,
// empty folder: write outputs to out/ (the guide's rule), never into the repository.
//
// REFRESHING THE DOCS after changing a command's output:
//   make doc-examples      (= NETMAP_UPDATE_DOCS=1 swift test --disable-swift-testing --filter DocExamplesTests)
// rewrites the outputs of every compared block in place (keeping a "..." with as many lines above and below it); then read `git diff README.md docs/` before committing: the text around a block may need to change too.
import Foundation
import XCTest

/// One command of a document's example block, with the output the document shows.
struct DocCommand {
    var command: String
    /// Lines shown after the command; nil for blocks whose output is not compared.
    var expected: [String]?
    /// The 0-based line range of `expected` in the document (for refreshing).
    var outputLines: Range<Int>
    /// The line number of the command (1-based) in the document, for messages.
    var line: Int
    var checksStatus: Bool { command == "echo $?" }
}

enum DocExamples {
    static let markers = ["skip", "run-only"]

    /// The commands of every runnable block of a Markdown document, in order.
    static func commands(in text: String) -> [DocCommand] {
        let lines = text.components(separatedBy: "\n")
        var commands: [DocCommand] = []
        var index = 0
        while index < lines.count {
            let line = lines[index]
            guard line.hasPrefix("```"), line.count > 3 else { index += 1; continue }
            let words = line.dropFirst(3).split(separator: " ").map(String.init)
            let language = words.first ?? "", skip = words.contains("skip"), runOnly = words.contains("run-only")
            var end = index + 1
            while end < lines.count, !lines[end].hasPrefix("```") { end += 1 }
            let body = Array(lines[(index + 1)..<end])
            defer { index = end + 1 }
            if skip { continue }
            if language == "console" {
                commands += consoleCommands(body, firstLine: index + 1, compared: !runOnly)
            } else if language == "sh" {
                for (offset, text) in body.enumerated() where text.hasPrefix("netmap ") {
                    commands.append(DocCommand(command: text, expected: nil, outputLines: 0..<0, line: index + offset + 2))
                }
            }
        }
        return commands
    }

    private static func consoleCommands(_ body: [String], firstLine: Int, compared: Bool) -> [DocCommand] {
        var commands: [DocCommand] = []
        var i = 0
        while i < body.count {
            guard body[i].hasPrefix("$ ") else { i += 1; continue }
            let start = i
            var command = String(body[i].dropFirst(2))
            while command.hasSuffix("\\"), i + 1 < body.count {
                i += 1
                command = command.dropLast().trimmingCharacters(in: .whitespaces) + " " + body[i].trimmingCharacters(in: .whitespaces)
            }
            i += 1
            let outputStart = i
            while i < body.count, !body[i].hasPrefix("$ ") { i += 1 }
            let range = (firstLine + outputStart)..<(firstLine + i)
            commands.append(DocCommand(command: command, expected: compared ? Array(body[outputStart..<i]) : nil,
                                       outputLines: range, line: firstLine + start + 1))
        }
        return commands
    }

    /// Does `actual` show what `expected` says? A "..." line stands for any number of lines: the lines above it
    /// must start the output, the lines below it must end it.
    static func matches(_ actual: [String], _ expected: [String]) -> Bool {
        let expected = trimmed(expected), actual = trimmed(actual)
        guard let dots = expected.firstIndex(of: "...") else { return actual == expected }
        let head = Array(expected[..<dots]), tail = Array(expected[(dots + 1)...])
        return actual.count >= head.count + tail.count && Array(actual.prefix(head.count)) == head
            && Array(actual.suffix(tail.count)) == tail
    }

    /// The lines to write back for `actual`, keeping a "..." with as many lines above and below it as before.
    static func refreshed(_ actual: [String], _ expected: [String]) -> [String] {
        let actual = trimmed(actual), expected = trimmed(expected)
        guard let dots = expected.firstIndex(of: "...") else { return actual }
        let tail = expected.count - dots - 1
        if actual.count <= dots + tail { return actual }
        return Array(actual.prefix(dots)) + ["..."] + Array(actual.suffix(tail))
    }

    /// The text of every "*Example:*" of a document outside code blocks, up to the end of its paragraph, on one line.
    static func examples(in text: String) -> [String] {
        var examples: [String] = [], paragraph: [String] = [], inBlock = false
        func close() {
            let joined = paragraph.joined(separator: " ")
            if let start = joined.range(of: "*Example:*") {
                examples.append(joined[start.upperBound...].trimmingCharacters(in: .whitespaces))
            }
            paragraph = []
        }
        for line in text.components(separatedBy: "\n") {
            if line.hasPrefix("```") { close(); inBlock.toggle(); continue }
            if inBlock { continue }
            if line.trimmingCharacters(in: .whitespaces).isEmpty { close() } else { paragraph.append(line) }
        }
        close()
        return examples
    }

    /// The decimal numbers in `text`, as written, without sign (also those inside words such as `thp2020`).
    static func numbers(in text: String) -> [String] {
        var numbers: [String] = [], current = ""
        var characters = Array(text)[...]
        while let character = characters.popFirst() {
            if character.isASCII, character.isNumber {
                current.append(character)
            } else if character == ".", !current.isEmpty, !current.contains("."),
                      let next = characters.first, next.isASCII, next.isNumber {
                current.append(character)
            } else if !current.isEmpty {
                numbers.append(current); current = ""
            }
        }
        if !current.isEmpty { numbers.append(current) }
        return numbers
    }

    /// Is `quoted` what `printed` shows, rounded to as many decimals as `quoted` has?
    static func rounds(_ printed: String, to quoted: String) -> Bool {
        let decimals = quoted.split(separator: ".", omittingEmptySubsequences: false).dropFirst().first?.count ?? 0
        let printedDecimals = printed.split(separator: ".", omittingEmptySubsequences: false).dropFirst().first?.count ?? 0
        guard printedDecimals >= decimals, let value = Double(printed), let target = Double(quoted) else { return false }
        if printedDecimals == decimals { return printed == quoted }
        let scale = pow(10.0, Double(decimals))
        return (value * scale).rounded() / scale == target
    }

    /// Lines without trailing spaces, without empty lines at the end.
    static func trimmed(_ lines: [String]) -> [String] {
        var result = lines.map { line in
            String(line.reversed().drop { $0 == " " || $0 == "\t" }.reversed())
        }
        while result.last == "" { result.removeLast() }
        return result
    }
}

final class DocExamplesTests: XCTestCase {
    func testREADMECommandsWork() throws { try checkDocument("README.md") }

    func testGuideCommandsPrintWhatTheGuideShows() throws { try checkDocument("docs/guide.md") }

    func testInstallCheckPrintsWhatTheInstallGuideShows() throws { try checkDocument("docs/install.md") }

    /// The report and formats documents show lists of commands (```sh blocks): each must run as shown.
    /// (docs/diagrams.md's commands are `make diagrams`, which writes the committed pictures.)
    func testCommandsOfTheReportAndFormatsDocumentsWork() throws {
        for document in ["docs/report.md", "docs/formats.md"] { try checkDocument(document) }
    }

    /// The glossary's examples quote numbers from the bundled data; each must be printed by one of the glossary's
    /// own commands (as shown, or rounded to the digits the example gives), so a change of the data or of a
    /// measure that `make doc-examples` refreshes in the blocks cannot leave a stale number in the text.
    func testGlossaryNumbersComeFromItsCommands() throws {
        let printed = try checkDocument("docs/glossary.md").flatMap(DocExamples.numbers(in:))
        let text = try String(contentsOf: packageRoot.appendingPathComponent("docs/glossary.md"), encoding: .utf8)
        let examples = DocExamples.examples(in: text)
        XCTAssertGreaterThan(examples.count, 20, "docs/glossary.md: fewer examples than terms")
        for example in examples {
            for quoted in DocExamples.numbers(in: example) where !printed.contains(where: { DocExamples.rounds($0, to: quoted) }) {
                XCTFail("docs/glossary.md: \(quoted) in \"\(example.prefix(120))…\" is printed by none of the glossary's commands")
            }
        }
    }

    func testParserReadsMarkersContinuationsAndStatus() {
        let text = """
        ```console
        $ netmap path data a \\
            b
        a → b
        $ echo $?
        1
        ```
        ```console skip needs other files
        $ netmap x
        ```
        ```console run-only
        $ netmap stats
        ```
        ```sh
        make demo
        netmap stats data   # comment
        ```
        ```yaml
        $ netmap not-a-command
        ```
        """
        let commands = DocExamples.commands(in: text)
        XCTAssertEqual(commands.map(\.command), ["netmap path data a b", "echo $?", "netmap stats", "netmap stats data   # comment"])
        XCTAssertEqual(commands[0].expected, ["a → b"])
        XCTAssertEqual(commands[1].expected, ["1"])
        XCTAssertNil(commands[2].expected)
        XCTAssertNil(commands[3].expected)
        XCTAssertTrue(DocExamples.matches(["a", "b", "c"], ["a", "b", "..."]))
        XCTAssertFalse(DocExamples.matches(["a", "x", "c"], ["a", "b", "..."]))
        XCTAssertFalse(DocExamples.matches(["a", "b", "c"], ["a", "b"]))
        XCTAssertTrue(DocExamples.matches(["a  ", "b", ""], ["a", "b"]))
        XCTAssertEqual(DocExamples.refreshed(["x", "y", "z"], ["a", "..."]), ["x", "..."])
        XCTAssertTrue(DocExamples.matches(["a", "b", "c", "d"], ["a", "...", "d"]))
        XCTAssertFalse(DocExamples.matches(["a", "b", "c", "x"], ["a", "...", "d"]))
        XCTAssertFalse(DocExamples.matches(["a"], ["a", "...", "a"]))
        XCTAssertEqual(DocExamples.refreshed(["x", "y", "z", "w"], ["a", "...", "d"]), ["x", "...", "w"])
    }

    func testExampleNumbersAreFoundAndRounded() {
        let text = """
        **Term**. Means 0 to 1. *Example:* A has 0.63 and
        B −0.056 [thp2020, Kap. 2.4].

        ```console
        $ netmap x
        *Example:* 9.9 inside a block is output, not an example
        ```
        **Other**. No example here, 7.
        """
        XCTAssertEqual(DocExamples.examples(in: text), ["A has 0.63 and B −0.056 [thp2020, Kap. 2.4]."])
        XCTAssertEqual(DocExamples.numbers(in: "A has 0.63 and B −0.056 [thp2020, Kap. 2.4]."), ["0.63", "0.056", "2020", "2.4"])
        XCTAssertEqual(DocExamples.numbers(in: "0.630014  -0.056 thp2020 45."), ["0.630014", "0.056", "2020", "45"])
        XCTAssertTrue(DocExamples.rounds("0.630014", to: "0.63"))
        XCTAssertTrue(DocExamples.rounds("80.166667", to: "80.2"))
        XCTAssertTrue(DocExamples.rounds("105.000000", to: "105.0"))
        XCTAssertTrue(DocExamples.rounds("45", to: "45"))
        XCTAssertFalse(DocExamples.rounds("0.630014", to: "0.64"))
        XCTAssertFalse(DocExamples.rounds("45", to: "4"))
        XCTAssertFalse(DocExamples.rounds("0.5", to: "0.50"), "a number with fewer digits is no proof of the digits quoted")
    }

    /// Runs every command of `document`; with NETMAP_UPDATE_DOCS=1 writes the actual outputs into it instead.
    /// - Returns: what the commands printed, one string per command.
    @discardableResult
    func checkDocument(_ document: String) throws -> [String] {
        let url = packageRoot.appendingPathComponent(document)
        let text = try String(contentsOf: url, encoding: .utf8)
        let commands = DocExamples.commands(in: text)
        XCTAssertFalse(commands.isEmpty, "\(document) shows no command")
        let folder = try Self.scratchCopy(named: document)
        defer { try? FileManager.default.removeItem(at: folder) }
        let update = ProcessInfo.processInfo.environment["NETMAP_UPDATE_DOCS"] == "1"
        var lines = text.components(separatedBy: "\n")
        var replacements: [(Range<Int>, [String])] = []
        var lastStatus: Int32 = 0
        var outputs: [String] = []
        for command in commands {
            let actual: [String]
            if command.checksStatus {
                actual = ["\(lastStatus)"]
            } else {
                let (status, output) = try Self.shell(command.command, in: folder)
                lastStatus = status
                outputs.append(output)
                actual = output.components(separatedBy: "\n")
                if command.expected == nil {
                    XCTAssertEqual(status, 0, "\(document):\(command.line): `\(command.command)` failed:\n\(output)")
                    continue
                }
            }
            guard let expected = command.expected else { continue }
            if DocExamples.matches(actual, expected) { continue }
            if update {
                replacements.append((command.outputLines, DocExamples.refreshed(actual, expected)))
            } else {
                XCTFail("""
                \(document):\(command.line): `\(command.command)` printed something else than the document shows \
                (make doc-examples refreshes the document).
                --- document
                \(DocExamples.trimmed(expected).joined(separator: "\n"))
                --- printed
                \(DocExamples.trimmed(actual).joined(separator: "\n"))
                """)
            }
        }
        if update, !replacements.isEmpty {
            for (range, replacement) in replacements.reversed() { lines.replaceSubrange(range, with: replacement) }
            try lines.joined(separator: "\n").write(to: url, atomically: true, encoding: .utf8)
            print("doc-examples: refreshed \(replacements.count) output(s) in \(document)")
        }
        return outputs
    }

    static let copied: Set<String> = ["docs", "data"]

    /// A scratch folder with every top-level entry of the package linked in (docs/ and data/ copied), and an
    /// empty `out/`.
    static func scratchCopy(named name: String) throws -> URL {
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("netmap-docs-\(ProcessInfo.processInfo.processIdentifier)-\(name.filter(\.isLetter))")
        try? FileManager.default.removeItem(at: folder)
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("out"), withIntermediateDirectories: true)
        for entry in try FileManager.default.contentsOfDirectory(atPath: packageRoot.path)
        where ![".build", "out", ".git"].contains(entry) {
            let source = packageRoot.appendingPathComponent(entry), target = folder.appendingPathComponent(entry)
            // Copies of the folders a documented command might write into; links to the rest.
            if copied.contains(entry) {
                try FileManager.default.copyItem(at: source, to: target)
            } else {
                try FileManager.default.createSymbolicLink(at: target, withDestinationURL: source)
            }
        }
        return folder
    }

    /// A folder holding `netmap`: the built binary with its standard output line-buffered (coreutils' stdbuf,
    /// where there is one), so that warnings on standard error come between the lines as in a terminal.
    static func wrapperFolder(in folder: URL) throws -> URL {
        let bin = folder.appendingPathComponent(".bin")
        let wrapper = bin.appendingPathComponent("netmap")
        if FileManager.default.fileExists(atPath: wrapper.path) { return bin }
        try FileManager.default.createDirectory(at: bin, withIntermediateDirectories: true)
        let stdbuf = ["/usr/bin/stdbuf", "/bin/stdbuf"].first { FileManager.default.isExecutableFile(atPath: $0) }
        let script = "#!/bin/sh\nexec \(stdbuf.map { "\($0) -oL " } ?? "")'\(netmapBinary)' \"$@\"\n"
        try script.write(to: wrapper, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: wrapper.path)
        return bin
    }

    /// Runs `command` with bash in `folder`, `netmap` on PATH; standard output and error together.
    static func shell(_ command: String, in folder: URL) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = ["-c", "exec 2>&1; " + command]
        process.currentDirectoryURL = folder
        var environment = ProcessInfo.processInfo.environment
        environment["PATH"] = try wrapperFolder(in: folder).path + ":" + (environment["PATH"] ?? "/usr/bin:/bin")
        environment["LANG"] = "C.UTF-8"
        process.environment = environment
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}
