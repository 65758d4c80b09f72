import ArgumentParser
import Foundation
import SitegenBuild
import SitegenCore

extension Sitegen {
    struct Build: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Build the site into the output folder.")

        @Option(name: .long, help: "The site root: the folder with content/ (default: the current folder).")
        var source: String = "."

        @Option(name: .long, help: "Where to write the site (default: output/ in the site root).")
        var output: String?

        @Flag(name: .long, help: "Include drafts (draft: true, published: false).")
        var drafts = false

        @Option(name: .customLong("base-url"), help: "The URL the site is published at, overriding site.yml.")
        var baseURL: String?

        func run() async throws {
            let root = URL(fileURLWithPath: source).standardizedFileURL
            let outputURL = output.map { URL(fileURLWithPath: $0).standardizedFileURL } ?? root.appendingPathComponent("output")
            let started = ContinuousClock.now
            do {
                let report = try await SiteBuilder.build(BuildOptions(root: root, output: outputURL, includeDrafts: drafts, baseURL: baseURL))
                Terminal.print(report.warnings)
                let seconds = (ContinuousClock.now - started).seconds
                print("Built \(report.pageCount) pages (\(report.fileCount) files) in \(String(format: "%.2f", seconds)) s → \(outputURL.path)")
            } catch {
                Terminal.print(error.diagnostics)
                let count = error.errors.count
                Terminal.printError("build failed with \(count) error\(count == 1 ? "" : "s"); \(outputURL.path) was left as it was")
                throw ExitCode.failure
            }
        }
    }
}

enum Terminal {
    static func print(_ diagnostics: [Diagnostic]) {
        for diagnostic in diagnostics { printError(diagnostic.description) }
    }

    static func printError(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }
}

extension Duration {
    var seconds: Double { Double(components.seconds) + Double(components.attoseconds) / 1e18 }
}
