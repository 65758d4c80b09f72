// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "sitegen",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "sitegen", targets: ["sitegen"]),
        // For Tests/Fuzz: the pipeline the fuzz target drives.
        .library(name: "SitegenFuzzing", targets: ["SitegenFuzzing"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", exact: "5.0.1"),
        // Tests only: the reference our template engine is compared with (themes were written against it).
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        // traits: [] leaves out swift-configuration support: a clean debug build is minutes shorter.
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1", traits: []),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        // Notion exports: the database CSV beside its pages, and the export zip itself.
        .package(url: "https://github.com/swiftcsv/SwiftCSV", from: "0.10.0"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
        // Hugo sites: hugo.toml / config.toml, read by `sitegen import hugo`.
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
    ],
    targets: [
        // The C boundary: libcmark-gfm from Debian's packages. Only SitegenMarkdown imports it.
        .systemLibrary(
            name: "CCmarkGFM",
            pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]
        ),
        // Syntax highlighting: KDE's KSyntaxHighlighting (C++ and Qt, Debian's libkf5syntaxhighlighting-dev)
        // behind a C interface. CQt only carries Qt's pkg-config flags, which KSyntaxHighlighting's headers need.
        .systemLibrary(name: "CQt", pkgConfig: "Qt5Gui", providers: [.apt(["libkf5syntaxhighlighting-dev"])]),
        .target(
            name: "CSyntaxHighlighting",
            dependencies: ["CQt"],
            cxxSettings: [.define("QT_NO_KEYWORDS")],
            linkerSettings: [.linkedLibrary("KF5SyntaxHighlighting"), .linkedLibrary("stdc++")]
        ),
        // A per-thread bump allocator that libcmark-gfm parses and renders a document with.
        .target(name: "CMarkdownArena", dependencies: ["CCmarkGFM"]),
        // glibc calls Swift's Glibc module leaves out: malloc_trim, renameat2(RENAME_EXCHANGE).
        .systemLibrary(name: "CMalloc"),
        .target(name: "SitegenCore"),
        .target(
            name: "SitegenContent",
            dependencies: ["SitegenCore", .product(name: "Yams", package: "Yams"), .product(name: "SwiftCSV", package: "SwiftCSV")]
        ),
        .target(name: "SitegenMarkdown", dependencies: ["SitegenCore", "CCmarkGFM", "CMarkdownArena", "CSyntaxHighlighting"]),
        .target(
            name: "SitegenTemplates",
            dependencies: ["SitegenCore", "SitegenContent"],
            plugins: ["EmbedDefaultTheme"]
        ),
        .target(
            name: "SitegenBuild",
            dependencies: [
                "SitegenCore", "SitegenContent", "SitegenMarkdown", "SitegenTemplates",
                .target(name: "CMalloc", condition: .when(platforms: [.linux])),
            ]
        ),
        .target(
            name: "SitegenServer",
            dependencies: [
                "SitegenBuild", "SitegenContent", "SitegenCore",
                .target(name: "CMalloc", condition: .when(platforms: [.linux])),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),
        .target(
            name: "SitegenImport",
            dependencies: ["SitegenCore", "SitegenContent", .product(name: "ZIPFoundation", package: "ZIPFoundation"),
                           .product(name: "TOMLKit", package: "TOMLKit")]
        ),
        .target(name: "SitegenFuzzing", dependencies: ["SitegenContent", "SitegenCore", "SitegenMarkdown"]),
        .executableTarget(
            name: "sitegen",
            dependencies: ["SitegenBuild", "SitegenServer", "SitegenImport", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        // Build-time only: turns themes/default into Swift source so the binary carries its default theme.
        .executableTarget(name: "ThemeEmbedder"),
        .plugin(
            name: "EmbedDefaultTheme",
            capability: .buildTool(),
            dependencies: ["ThemeEmbedder"],
            path: "Sources/EmbedDefaultTheme"
        ),

        // Test helpers every test target shares: scratch folders, file trees, golden comparisons.
        .target(name: "SitegenTestSupport", path: "Tests/SitegenTestSupport"),
        .testTarget(name: "SitegenCoreTests", dependencies: ["SitegenCore", "SitegenTestSupport"]),
        .testTarget(name: "SitegenContentTests", dependencies: ["SitegenContent", .product(name: "Yams", package: "Yams")]),
        .testTarget(name: "SitegenMarkdownTests", dependencies: ["SitegenMarkdown", "CMarkdownArena", "SitegenTestSupport"], exclude: ["Fixtures"]),
        .testTarget(
            name: "SitegenTemplatesTests",
            dependencies: ["SitegenTemplates", "SitegenTestSupport", .product(name: "Mustache", package: "swift-mustache")]
        ),
        .testTarget(name: "SitegenServerTests", dependencies: ["SitegenServer", "SitegenBuild", "SitegenTestSupport"]),
        .testTarget(
            name: "SitegenImportTests",
            dependencies: ["SitegenImport", "SitegenBuild", "SitegenTestSupport", "sitegen", .product(name: "ZIPFoundation", package: "ZIPFoundation")],
            exclude: ["Fixtures"]
        ),
        .testTarget(
            name: "SitegenBuildTests",
            dependencies: ["SitegenBuild", "SitegenTestSupport", "sitegen", .product(name: "Yams", package: "Yams")],
            exclude: ["Fixtures"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
