import ArgumentParser
import Foundation
import SitegenBuild
import SitegenCore

extension Sitegen {
    struct Check: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Run the checks of build --strict (every warning an error, every internal link, image and anchor) in memory; writes nothing.")

        @OptionGroup var site: SiteOptions
        @OptionGroup var selection: BuildSelection

        func run() async throws {
            MemoryTuning.forOneBuild()
            let root = site.root
            do {
                let generation = try await SiteBuilder.generate(BuildOptions(root: root, output: root.appendingPathComponent("output"),
                                                                             includeDrafts: selection.drafts, baseURL: selection.baseURL,
                                                                             includeFuture: selection.future))
                let problems = SiteCheck.strictProblems(in: generation)
                Terminal.print(problems)
                guard problems.isEmpty else {
                    Terminal.printError("check failed with \(problems.count) error\(problems.count == 1 ? "" : "s") (warnings count, as in build --strict)")
                    throw ExitCode.failure
                }
                print(SiteMessages(language: generation.report.language).checked(pages: generation.report.pageCount))
            } catch let failure as BuildFailure {
                Terminal.print(failure.diagnostics)
                Terminal.printError("check failed with \(failure.errors.count) error\(failure.errors.count == 1 ? "" : "s")")
                throw ExitCode.failure
            }
        }
    }
}
