import ArgumentParser
import Foundation
import SitegenImport

extension Sitegen {
    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Make a sitegen site from what another tool exported.",
            subcommands: [Notion.self])

        struct Notion: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Import a Notion export (Markdown & CSV): the zip, or the folder it unpacks to.")

            @Argument(help: "The export: Export-….zip or its folder.")
            var export: String

            @Argument(help: "The new site's folder (made; must be empty).")
            var destination: String

            func run() throws {
                let source = URL(fileURLWithPath: export).standardizedFileURL
                let target = URL(fileURLWithPath: destination).standardizedFileURL
                let report: NotionImport.Report
                do {
                    report = try NotionImport.run(export: source, destination: target)
                } catch {
                    Terminal.printError(error.description)
                    throw ExitCode.failure
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
