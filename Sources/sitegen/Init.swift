import ArgumentParser
import Foundation
import SitegenBuild
import SitegenCore

extension Sitegen {
    struct Init: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Start a site here: site.yml and content folders, and with --ci github a GitHub Pages workflow.")

        enum CI: String, ExpressibleByArgument, CaseIterable {
            case github
        }

        @Option(name: .long, help: "Also write a CI workflow that publishes the site: github.")
        var ci: CI?

        @OptionGroup var site: SiteOptions

        func run() throws {
            do {
                let written = try SiteScaffold.create(root: site.root, githubPages: ci == .github)
                for path in written { print("wrote \(path)") }
                if ci == .github {
                    print("Turn on GitHub Pages with 'GitHub Actions' as its source; each push to main publishes the site.")
                }
            } catch {
                Terminal.print(error.diagnostics)
                throw ExitCode.failure
            }
        }
    }
}
