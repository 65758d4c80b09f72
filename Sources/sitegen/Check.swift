import ArgumentParser
import Foundation
import SitegenBuild
import SitegenCore

extension Sitegen {
    struct Check: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Build the site in memory and check every internal link, image and anchor; writes nothing.")

        @OptionGroup var site: SiteOptions
        @OptionGroup var selection: BuildSelection

        func run() async throws {
            let root = site.root
            do {
                let generation = try await SiteBuilder.generate(BuildOptions(root: root, output: root.appendingPathComponent("output"),
                                                                             includeDrafts: selection.drafts, baseURL: selection.baseURL))
                let broken = SiteCheck.brokenLinks(in: generation, root: root)
                Terminal.print((generation.report.warnings + broken).sorted())
                guard broken.isEmpty else {
                    Terminal.printError("check failed: \(broken.count) broken link\(broken.count == 1 ? "" : "s")")
                    throw ExitCode.failure
                }
                print("Checked \(generation.report.pageCount) pages: every internal link, image and anchor lands")
            } catch let failure as BuildFailure {
                Terminal.print(failure.diagnostics)
                Terminal.printError("check failed with \(failure.errors.count) error\(failure.errors.count == 1 ? "" : "s")")
                throw ExitCode.failure
            }
        }
    }
}
