// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "archive",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "archive", targets: ["archive"]),
        .library(name: "ArchiveValues", targets: ["ArchiveValues"]),
        .library(name: "ArchiveStore", targets: ["ArchiveStore"]),
        .library(name: "ArchivePostgres", targets: ["ArchivePostgres"]),
        .library(name: "ArchiveExtraction", targets: ["ArchiveExtraction"]),
        .library(name: "ArchiveGrouping", targets: ["ArchiveGrouping"]),
        .library(name: "ArchiveIngest", targets: ["ArchiveIngest"]),
        .library(name: "ArchiveQuery", targets: ["ArchiveQuery"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    ],
    targets: [
        .systemLibrary(name: "CSQLite", providers: [.apt(["libsqlite3-dev"])]),
        .systemLibrary(name: "CLibPQ", pkgConfig: "libpq", providers: [.apt(["libpq-dev"])]),
        .systemLibrary(name: "CLibXML2", pkgConfig: "libxml-2.0", providers: [.apt(["libxml2-dev"])]),
        .target(name: "ArchiveValues"),
        .target(name: "ArchiveStore", dependencies: ["CSQLite", "ArchiveValues"]),
        .target(name: "ArchivePostgres", dependencies: ["CLibPQ", "ArchiveStore"]),
        .target(name: "CCrashGuard"),
        .target(name: "ArchiveExtraction", dependencies: ["ArchiveValues"]),
        .target(name: "ArchiveGrouping", dependencies: ["ArchiveValues", "ArchiveStore", "ArchiveExtraction"]),
        .target(name: "ArchiveIngest", dependencies: ["ArchiveValues", "ArchiveStore", "ArchiveExtraction", "ArchiveGrouping", "CLibXML2"]),
        .target(name: "ArchiveQuery", dependencies: ["ArchiveStore", "ArchiveGrouping", "ArchiveValues"]),
        .executableTarget(
            name: "archive",
            dependencies: [
                "ArchiveStore", "ArchivePostgres", "ArchiveExtraction", "ArchiveGrouping", "ArchiveIngest", "ArchiveQuery", "CCrashGuard",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(
            name: "archive-bench",
            dependencies: [
                "ArchiveExtraction", "ArchiveIngest", "ArchiveStore", "ArchivePostgres", "ArchiveQuery",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .target(name: "ArchiveTestSupport", dependencies: ["ArchivePostgres", "ArchiveStore"], path: "Tests/Support"),
        .testTarget(name: "ArchiveValuesTests", dependencies: ["ArchiveValues"]),
        .testTarget(name: "ArchiveStoreTests", dependencies: ["ArchiveStore", "ArchiveValues", "CSQLite", "ArchiveTestSupport"]),
        .testTarget(name: "ArchivePostgresTests", dependencies: ["ArchivePostgres", "ArchiveStore", "ArchiveQuery", "ArchiveTestSupport"]),
        .testTarget(name: "ArchiveExtractionTests", dependencies: ["ArchiveExtraction", "ArchiveValues", "ArchiveTestSupport"]),
        .testTarget(name: "ArchiveIngestTests", dependencies: ["ArchiveIngest", "ArchiveGrouping", "ArchiveValues", "ArchiveStore", "ArchiveTestSupport"]),
        .testTarget(name: "ArchiveGroupingTests", dependencies: ["ArchiveGrouping", "ArchiveStore", "ArchiveTestSupport"]),
        .testTarget(name: "ArchiveQueryTests", dependencies: ["ArchiveQuery", "ArchiveValues", "ArchiveStore", "ArchiveTestSupport"]),
        .testTarget(name: "EndToEndTests", dependencies: ["archive", "ArchiveStore", "ArchiveTestSupport"]),
    ],
    swiftLanguageModes: [.v6]
)
