import ArgumentParser
import Foundation
import SitegenBuild
import SitegenCore

extension Sitegen {
    struct Build: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Build the site into the output folder.")

        @OptionGroup var site: SiteOptions

        @Option(name: [.short, .long], help: "Where to write the site (default: output/ in the site root).")
        var output: String?

        @OptionGroup var selection: BuildSelection

        @Flag(name: .long, help: "Fail on warnings and on broken internal links, images and anchors (for CI).")
        var strict = false

        @Flag(name: .long, help: "Print how long each phase of the build took.")
        var timings = false

        func run() async throws {
            MemoryTuning.forOneBuild()
            let root = site.root
            let outputURL = output.map { URL(fileURLWithPath: $0).standardizedFileURL } ?? root.appendingPathComponent("output")
            let started = ContinuousClock.now
            do {
                let options = BuildOptions(root: root, output: outputURL, includeDrafts: selection.drafts, baseURL: selection.baseURL,
                                           includeFuture: selection.future)
                var report: BuildReport
                if strict {
                    // Links are checked in memory before anything is written.
                    let target = try OutputWriter.place(outputURL, root: root)
                    try OutputWriter.checkReplaceable(target)
                    let generation = try await SiteBuilder.generate(options)
                    report = generation.report
                    let problems = SiteCheck.strictProblems(in: generation)
                    if !problems.isEmpty { throw BuildFailure(problems) }
                    let writeStarted = ContinuousClock.now
                    try await OutputWriter.write(generation.files, to: target)
                    report.phases.append(("write", (ContinuousClock.now - writeStarted).seconds))
                } else {
                    // Pages go to disk as they are made; the output is swapped only when all are written.
                    report = try await SiteBuilder.build(options)
                }
                Terminal.print(report.warnings)
                if timings {
                    for (name, seconds) in report.phases { print("\(name.padding(toLength: 10, withPad: " ", startingAt: 0))\(String(format: "%7.3f", seconds)) s") }
                }
                let seconds = (ContinuousClock.now - started).seconds
                let messages = SiteMessages(language: report.language)
                print(messages.built(pages: report.pageCount, files: report.fileCount, seconds: seconds, output: outputURL.path))
                if report.heldBack > 0 { print(messages.heldBack(report.heldBack)) }
            } catch let error as BuildFailure {
                Terminal.print(error.diagnostics)
                let count = error.errors.count
                Terminal.printError("build failed with \(count) error\(count == 1 ? "" : "s"); \(outputURL.path) was left as it was")
                throw ExitCode.failure
            }
        }
    }
}

enum Terminal {
    /// Diagnostics, sorted, as many as `Diagnostics.shownLimit`, then how many more.
    static func print(_ diagnostics: [Diagnostic]) {
        for line in Diagnostics.shown(diagnostics) { printError(line) }
    }

    static func printError(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }
}
