// swift-tools-version: 6.1
// A libFuzzer target over front matter splitting and the Markdown pipeline; a package of its own so
// the main build never needs the sanitizer flags. Run it with ./run (see Tests/Fuzz/README.md).
import PackageDescription

let package = Package(
    name: "sitegen-fuzz",
    // Through a link named sitegen: a path dependency is known by its folder's name, which a clone may not have.
    dependencies: [.package(path: ".build-fuzz/sitegen")],
    targets: [
        .executableTarget(
            name: "FuzzPipeline",
            dependencies: [.product(name: "SitegenFuzzing", package: "sitegen")],
            swiftSettings: [.unsafeFlags(["-parse-as-library"])]
        ),
    ],
    swiftLanguageModes: [.v6]
)
