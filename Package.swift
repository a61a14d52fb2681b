// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "netmap",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "Graph", targets: ["Graph"]),
        .executable(name: "netmap", targets: ["netmap"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/yaslab/CSV.swift", from: "2.5.0"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", exact: "0.9.20"),
    ],
    targets: [
        .target(
            name: "Graph",
            dependencies: [
                .product(name: "Yams", package: "Yams"),
                .product(name: "CSV", package: "CSV.swift"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ]
        ),
        .systemLibrary(
            name: "CGraphviz",
            pkgConfig: "libgvc",
            providers: [.apt(["libgraphviz-dev"])]
        ),
        .executableTarget(
            name: "netmap",
            dependencies: [
                "Graph",
                "CGraphviz",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Yams", package: "Yams"),
            ],
            // The report page's script and style, compiled into the binary (`PackageResources.report_js`).
            resources: [.embedInCode("Report/Resources/report.js"), .embedInCode("Report/Resources/report.css")]
        ),
        .executableTarget(name: "netmap-bench", dependencies: ["Graph"], path: "Benchmarks/NetmapBench"),
        .testTarget(name: "GraphTests", dependencies: ["Graph"]),
        .testTarget(name: "netmapTests", dependencies: ["netmap", "Graph"]),
    ]
)
