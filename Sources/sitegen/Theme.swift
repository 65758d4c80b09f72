import ArgumentParser
import Foundation
import SitegenCore
import SitegenTemplates

extension Sitegen {
    struct Theme: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Work with themes.",
            subcommands: [New.self]
        )

        struct New: ParsableCommand {
            static let configuration = CommandConfiguration(abstract: "Write a new theme that extends the default theme.")

            @Argument(help: "The theme's name: its folder under themes/.")
            var name: String

            @OptionGroup var site: SiteOptions

            func run() throws {
                let root = site.root
                do {
                    let written = try ThemeScaffold.create(name: name, siteRoot: root)
                    for path in written where !path.hasSuffix(".keep") { print("wrote \(path)") }
                    print("Use it with 'theme: \(name)' in site.yml.")
                } catch {
                    Terminal.print(error.diagnostics)
                    throw ExitCode.failure
                }
            }
        }
    }
}
