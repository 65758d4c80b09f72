import ArgumentParser
import Foundation
import SitegenImport

extension Sitegen {
    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Make a sitegen site from what another tool exported.",
            subcommands: [Jekyll.self, Hugo.self, Notion.self])

        /// Runs an import; its failure is printed as it says itself and the command exits 1.
        static func running<Report, Failure: Error & CustomStringConvertible>(_ body: () throws(Failure) -> Report) throws -> Report {
            do {
                return try body()
            } catch {
                Terminal.printError(error.description)
                throw ExitCode.failure
            }
        }

        struct Jekyll: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Import a Jekyll site (with _config.yml or _posts/): posts, pages and files copied as they are, _config.yml made site.yml.")

            @OptionGroup var paths: SitePaths

            func run() throws { try paths.importSite(JekyllImport.run) }
        }

        struct Hugo: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Import a Hugo site (hugo.toml or config.toml, and content/): content/ and static/ copied as they are, its config made site.yml.")

            @OptionGroup var paths: SitePaths

            func run() throws { try paths.importSite(HugoImport.run) }
        }

        /// The site to import and the new site's folder.
        struct SitePaths: ParsableArguments {
            @Argument(help: "The site's folder.")
            var site: String

            @Argument(help: "The new site's folder (made; must be empty).")
            var destination: String

            func importSite(_ run: (URL, URL) throws(JekyllImport.Failure) -> JekyllImport.Report) throws {
                let target = URL(fileURLWithPath: destination).standardizedFileURL
                let report = try Import.running { () throws(JekyllImport.Failure) in
                    try run(URL(fileURLWithPath: site).standardizedFileURL, target)
                }
                Import.tell(report, into: target, next: destination)
            }
        }

        /// What an import brought over and what it did not.
        static func tell(_ report: JekyllImport.Report, into target: URL, next destination: String) {
            for line in report.mapped { Swift.print("site.yml  \(line)") }
            Terminal.print(report.warnings)
            for line in report.notKept { Swift.print("not kept: \(line)") }
            Swift.print("Imported \(report.posts) posts, \(report.pages.count) pages and \(report.files) other files into \(target.path)")
            Swift.print("Next: sitegen serve --source \(destination)")
        }

        struct Notion: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Import a Notion export (Markdown & CSV): the zip, or the folder it unpacks to.")

            @Argument(help: "The export: Export-….zip or its folder.")
            var export: String

            @Argument(help: "The new site's folder (made; must be empty).")
            var destination: String

            func run() throws {
                let target = URL(fileURLWithPath: destination).standardizedFileURL
                let report = try Import.running { () throws(NotionImport.Failure) in
                    try NotionImport.run(export: URL(fileURLWithPath: export).standardizedFileURL, destination: target)
                }
                for page in report.pages { print("\(page.destination)  ← \(page.source)") }
                Terminal.print(report.warnings)
                for group in report.sharedTitles {
                    Terminal.printError("warning: these pages share a title and so a URL; give all but one a 'slug:' in front matter: \(group.joined(separator: ", "))")
                }
                print("Imported \(report.pages.count) pages, \(report.files - report.pages.count) other files and \(report.databases) database\(report.databases == 1 ? "" : "s") into \(target.path)")
                print("Next: sitegen serve --source \(destination)")
            }
        }
    }
}
