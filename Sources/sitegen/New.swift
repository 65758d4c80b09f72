import ArgumentParser
import Foundation
import SitegenBuild
import SitegenContent
import SitegenCore

extension Sitegen {
    struct New: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Start a new retrospective or post.",
            subcommands: [Retro.self, Post.self]
        )

        /// Options both kinds take.
        struct Common: ParsableArguments {
            @OptionGroup var site: SiteOptions

            @Option(name: .long, help: "The day to write it for, YYYY-MM-DD (default: today in the site's time zone).")
            var date: String?

            var root: URL { site.root }

            func today() throws -> DocumentDate {
                if let date {
                    guard let day = DocumentDate(parsing: date) else { throw ValidationError("'\(date)' is not a date: write YYYY-MM-DD") }
                    return day
                }
                var problems = Diagnostics()
                let config = SiteConfigFile.read(root: root, into: &problems)
                Terminal.print(problems.sorted)
                let offset = config.utcOffset
                let seconds = Int(Date().timeIntervalSince1970) + offset
                return DocumentDate(year: 1970, month: 1, day: 1).adding(days: seconds / 86_400)
            }
        }

        struct Retro: AsyncParsableCommand {
            static let configuration = CommandConfiguration(
                commandName: "retro", abstract: "Write a new retrospective with last time's goals to check off.")

            @Option(name: .long, help: "Its period: 2026, 2026-Q4, 2026-11, 2026-W47 or 2026-W46..2026-W47 (default: this week).")
            var period: String?

            @Flag(name: .long, help: "Write it even when a retrospective of the period exists.")
            var force = false

            @OptionGroup var common: Common

            func validate() throws {
                if let period, Period(parsing: period) == nil {
                    throw ValidationError("'\(period)' is not a period: write 2026, 2026-Q4, 2026-11, 2026-W47 or 2026-W46..2026-W47")
                }
            }

            func run() async throws {
                var diagnostics = Diagnostics()
                do {
                    let path = try await NewDocument.retrospective(siteRoot: common.root, period: period.flatMap(Period.init(parsing:)),
                                                                   today: try common.today(), force: force, into: &diagnostics)
                    Terminal.print(diagnostics.sorted)
                    print(path)
                } catch let failure as BuildFailure {
                    Terminal.print(failure.diagnostics)
                    throw ExitCode.failure
                }
            }
        }

        struct Post: AsyncParsableCommand {
            static let configuration = CommandConfiguration(abstract: "Write a new dated post.")

            @Argument(help: "Its title.")
            var title: String

            @OptionGroup var common: Common

            func run() async throws {
                do {
                    print(try NewDocument.post(siteRoot: common.root, title: title, today: try common.today()))
                } catch let failure as BuildFailure {
                    Terminal.print(failure.diagnostics)
                    throw ExitCode.failure
                }
            }
        }
    }
}
