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
        _ = try Self.baseURL(baseURL)
    }

    /// `--base-url` as given, normalized; an exit-2 error saying what is wrong with it.
    static func baseURL(_ given: String?) throws -> String? {
        guard let given else { return nil }
        switch BaseURL.normalize(given, allowingPath: false) {
        case .success(let normalized): return normalized
        case .failure(let problem): throw ValidationError("--base-url \(problem)")
        }
    }
}
