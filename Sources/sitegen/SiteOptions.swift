import ArgumentParser
import Foundation
import SitegenCore

/// The options every command that reads a site shares.
struct SiteOptions: ParsableArguments {
    @Option(name: [.short, .long], help: "The site root: the folder with content/.")
    var source: String = "."

    var root: URL { URL(fileURLWithPath: source).standardizedFileURL }
}

/// What the commands that build the site in full take besides.
struct BuildSelection: ParsableArguments {
    @Flag(name: [.customShort("D"), .long], help: "Include drafts (draft: true, published: false).")
    var drafts = false

    @Flag(name: [.customShort("F"), .long], help: "Include documents dated after now (held back by default, as Hugo does).")
    var future = false

    @Option(name: .customLong("base-url"), help: "The URL the site is published at, overriding site.yml.")
    var baseURL: String?

    func validate() throws {
        guard let baseURL else { return }
        if case .failure(let problem) = BaseURL.normalize(baseURL, allowingPath: false) {
            throw ValidationError("--base-url \(problem)")
        }
    }
}
