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
            // A Jekyll site is not built in place: a sitegen site is made of it next to it.
            let manager = FileManager.default
            if manager.fileExists(atPath: site.root.appendingPathComponent("_config.yml").path)
                || FileTree.isFolder(site.root.appendingPathComponent("_posts")) {
                Terminal.printError("\(site.root.path): error: this is a Jekyll site; make a sitegen site of it with 'sitegen import jekyll \(site.root.path) NEW-FOLDER'")
                throw ExitCode.failure
            }
            let hugo = ["hugo.toml", "hugo.yaml", "config.toml"].contains { manager.fileExists(atPath: site.root.appendingPathComponent($0).path) }
            if hugo {
                print("This looks like a Hugo site: sitegen builds it in place; the site.yml written here is where its title, base_url and permalinks go (see README.md, 'Coming from Hugo').")
            }
            do {
                let written = try SiteScaffold.create(root: site.root, githubPages: ci == .github, hugo: hugo)
                for path in written { print("wrote \(path)") }
                if written.isEmpty { print("Nothing written: this site has its site.yml and content/ already (init never overwrites).") }
                if ci == .github {
                    print("Turn on GitHub Pages with 'GitHub Actions' as its source; each push to main publishes the site.")
                }
                let here = site.source == "." ? "" : " -s \(site.source)"
                print("""

                    Next:
                      sitegen new post "첫 글"\(here)    a dated post in content/posts/
                      sitegen new retro\(here)         this week's retrospective, with last time's goals
                      sitegen serve\(here)             a live preview at http://127.0.0.1:8000/
                    """)
            } catch {
                Terminal.print(error.diagnostics)
                throw ExitCode.failure
            }
        }
    }
}
