import ArgumentParser
import Foundation
import SitegenCore
import SitegenTemplates

extension Sitegen {
    struct Theme: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Work with themes.",
            subcommands: [New.self, Eject.self]
        )

        struct Eject: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Copy the default theme's templates and files into a theme of this site, to change them.")

            @Argument(help: "Templates (base, document, home, partials/toc …) or files (static/style.css, i18n/ko.yml); all when none.")
            var names: [String] = []

            @Option(name: .long, help: "The theme to copy into: its folder under themes/, made when missing.")
            var theme = "mine"

            @OptionGroup var site: SiteOptions

            func run() throws {
                do {
                    let written = try ThemeScaffold.eject(names, theme: theme, siteRoot: site.root)
                    for path in written { print("wrote \(path)") }
                    print("Use it with 'theme: \(theme)' in site.yml; what you change there wins over the default theme.")
                } catch {
                    Terminal.print(error.diagnostics)
                    throw ExitCode.failure
                }
            }
        }

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
