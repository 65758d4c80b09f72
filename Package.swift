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
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        // traits: [] leaves out swift-configuration support: a clean debug build is minutes shorter.
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1", traits: []),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
    ],
    targets: [
        // The C boundary: libcmark-gfm from Debian's packages. Only SitegenMarkdown imports it.
        .systemLibrary(
            name: "CCmarkGFM",
            pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]
        ),
        .target(name: "SitegenCore"),
        .target(
            name: "SitegenContent",
            dependencies: ["SitegenCore", .product(name: "Yams", package: "Yams")]
        ),
        .target(name: "SitegenMarkdown", dependencies: ["SitegenCore", "CCmarkGFM"]),
        .target(
            name: "SitegenTemplates",
            dependencies: ["SitegenCore", "SitegenContent", .product(name: "Mustache", package: "swift-mustache")],
            plugins: ["EmbedDefaultTheme"]
        ),
        .target(
            name: "SitegenBuild",
            dependencies: [
                "SitegenCore", "SitegenContent", "SitegenMarkdown", "SitegenTemplates",
                .product(name: "Mustache", package: "swift-mustache"),
            ]
        ),
        .target(
            name: "SitegenServer",
            dependencies: [
                "SitegenBuild", "SitegenCore",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),
        .target(name: "SitegenFuzzing", dependencies: ["SitegenContent", "SitegenCore", "SitegenMarkdown"]),
        .executableTarget(
            name: "sitegen",
            dependencies: ["SitegenBuild", "SitegenServer", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        // Build-time only: turns themes/default into Swift source so the binary carries its default theme.
        .executableTarget(name: "ThemeEmbedder"),
        .plugin(
            name: "EmbedDefaultTheme",
            capability: .buildTool(),
            dependencies: ["ThemeEmbedder"],
            path: "Sources/EmbedDefaultTheme"
        ),

        .testTarget(name: "SitegenCoreTests", dependencies: ["SitegenCore"]),
        .testTarget(name: "SitegenContentTests", dependencies: ["SitegenContent"]),
        .testTarget(name: "SitegenMarkdownTests", dependencies: ["SitegenMarkdown"]),
        .testTarget(
            name: "SitegenTemplatesTests",
            dependencies: ["SitegenTemplates", .product(name: "Mustache", package: "swift-mustache")]
        ),
        .testTarget(name: "SitegenServerTests", dependencies: ["SitegenServer", "SitegenBuild"]),
        .testTarget(
            name: "SitegenBuildTests",
            dependencies: ["SitegenBuild", "sitegen"],
            exclude: ["Fixtures"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
