import Foundation
import Graph
import XCTest
@testable import netmap

/// Every input under Tests/Fixtures/fuzz/TARGET/ (crashes and broken promises found by fuzzing) is fed to its
/// fuzz target again: it must be read without crashing, and a `render` input must draw inert SVG.
final class FuzzRegressionTests: XCTestCase {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/fuzz")

    func testEveryRegressionInputIsHandled() throws {
        NetmapFormats.register()
        var count = 0
        for target in FuzzTargets.names {
            let directory = Self.folder.appendingPathComponent(target)
            let files = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
            for file in files.sorted() {
                let data = try Data(contentsOf: directory.appendingPathComponent(file))
                if target == "render" {
                    XCTAssertEqual(FuzzTargets.renderProblems(data), [], file)
                } else {
                    FuzzTargets.run(target, data)
                }
                count += 1
            }
        }
        XCTAssertGreaterThanOrEqual(count, 9, "the regression files are found")
    }

    /// The inertness check itself catches what it must.
    func testSVGSafetyFindsActiveContent() {
        let svg = #"<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"><g onmouseover="x"><a xlink:href="javascript:alert(1)"><image xlink:href="/etc/x.png"/></a><script>1</script></g></svg>"#
        let problems = SVGSafety.problems(Data(svg.utf8))
        XCTAssertEqual(problems.count, 5, "\(problems)")
        XCTAssertEqual(SVGSafety.problems(Data("<svg><g".utf8)).count, 1, "malformed")
    }
}
