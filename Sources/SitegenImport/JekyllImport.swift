import Foundation
import SitegenContent
import SitegenCore

/// `sitegen import jekyll`: a Jekyll site's folder becomes a sitegen site that builds as it is.
/// Posts, pages and the site's own files are copied byte for byte; `_config.yml` becomes
/// `site.yml` (its `permalink` too, so every post keeps its URL). What has no place in a sitegen
/// site (plugins, layouts, includes, Liquid templates) is named in the report, one line each.
public enum JekyllImport {
    public struct Report: Sendable {
        public var posts: Int
        public var pages: [String]
        public var files: Int
        /// `site.yml` lines written, from which `_config.yml` key.
        public var mapped: [String]
        /// What was not brought over, and why.
        public var notKept: [String]
        public var warnings: [Diagnostic]
    }

    public enum Failure: Error, CustomStringConvertible {
        case notAJekyllSite(String)
        /// Not a site of the kind asked for: the folder, and what such a site has.
        case notASite(String, String)
        case destinationNotEmpty(String)
        case cannotWrite(String, String)

        public var description: String {
            switch self {
            case .notAJekyllSite(let path):
                return "\(path): error: not a Jekyll site: it has neither _config.yml nor a _posts/ folder"
            case .notASite(let path, let what): return "\(path): error: not \(what)"
            case .destinationNotEmpty(let path): return "\(path): error: the destination is not empty: import into a new folder"
            case .cannotWrite(let path, let reason): return "\(path): error: cannot write the site: \(reason)"
            }
        }
    }

    /// Folders and files of a Jekyll repository that are its machinery, not its content.
    static let machinery: Set<String> = ["_site", "vendor", "node_modules", ".jekyll-cache", ".sass-cache", "Gemfile", "Gemfile.lock",
                                         "Rakefile", "package.json", "package-lock.json", "yarn.lock", "_config.yml", "_config.yaml"]
    /// URLs sitegen makes itself: a page that would take one is left out, and said so.
    static let generatedStems: Set<String> = ["index", "404", "tags", "tag", "archive", "archives", "search", "posts", "categories"]

    public static func run(site source: URL, destination: URL) throws(Failure) -> Report {
        let manager = FileManager.default
        let hasConfig = manager.fileExists(atPath: source.appendingPathComponent("_config.yml").path)
        guard hasConfig || FileTree.isFolder(source.appendingPathComponent("_posts")) else { throw .notAJekyllSite(source.path) }
        if let entries = try? manager.contentsOfDirectory(atPath: destination.path), !entries.isEmpty {
            throw .destinationNotEmpty(destination.path)
        }
        var diagnostics = Diagnostics()
        var report = Report(posts: 0, pages: [], files: 0, mapped: [], notKept: [], warnings: [])
        let content = destination.appendingPathComponent("content")
        var drafts = 0
        var includeFiles: [String: URL] = [:]
        var copiedTexts: [String] = []
        for file in FileTree.regularFiles(under: source, problems: &diagnostics) {
            let parts = file.path.split(separator: "/").map(String.init)
            guard let top = parts.first else { continue }
            let rest = parts.dropFirst().joined(separator: "/")
            if machinery.contains(top) || top.hasPrefix("_config") { continue }
            switch top {
            case "_posts":
                try ImportFiles.copy(file.url, to: content.appendingPathComponent("posts/" + rest))
                if isMarkdown(file.path) { copiedTexts.append((try? String(contentsOf: file.url, encoding: .utf8)) ?? "") }
                if isMarkdown(file.path) { report.posts += 1 } else { report.files += 1 }
                continue
            case "_drafts":
                // Kept as drafts: site.yml's defaults give everything here `draft: true`.
                try ImportFiles.copy(file.url, to: content.appendingPathComponent("posts/drafts/" + rest))
                drafts += 1
                continue
            case "_includes":
                includeFiles[rest] = file.url
                continue
            case "_layouts", "_sass", "_data", "_plugins":
                report.notKept.append("\(file.path): a \(top.dropFirst()) file of the Jekyll theme; sitegen's theme draws the pages")
                continue
            default:
                break
            }
            // `_pages/` (Minimal Mistakes) and `_tabs/` (Chirpy) hold pages; any other `_folder` is a
            // collection sitegen does not have.
            let pageFolders: Set<String> = ["_pages", "_tabs"]
            let path = pageFolders.contains(top) ? rest : file.path
            if top.hasPrefix("_"), !pageFolders.contains(top) {
                report.notKept.append("\(file.path): the collection \(top) has no place in a sitegen site")
                continue
            }
            let text = (try? String(contentsOf: file.url, encoding: .utf8)) ?? ""
            let hasFrontMatter = text.hasPrefix("---\n") || text.hasPrefix("---\r\n") || text.hasPrefix("\u{FEFF}---")
            let stem = FileName.stem(parts.last ?? "").lowercased()
            if isMarkdown(file.path) || (hasFrontMatter && file.path.lowercased().hasSuffix(".html")) {
                guard hasFrontMatter else {
                    report.notKept.append("\(file.path): Markdown without front matter, which Jekyll does not build either")
                    continue
                }
                guard isMarkdown(file.path) else {
                    report.notKept.append("\(file.path): a Liquid template; sitegen makes its home, tag, archive and 404 pages itself")
                    continue
                }
                if generatedStems.contains(stem), !text.contains("\npermalink:") {
                    report.notKept.append("\(file.path): its URL is one sitegen makes itself (\(stem))")
                    continue
                }
                try ImportFiles.copy(file.url, to: content.appendingPathComponent(path))
                report.pages.append("content/" + path)
                copiedTexts.append(text)
                continue
            }
            if ["robots.txt", "feed.xml", "sitemap.xml", "atom.xml"].contains(file.path) {
                report.notKept.append("\(file.path): sitegen writes its own")
                continue
            }
            try ImportFiles.copy(file.url, to: content.appendingPathComponent(path))
            report.files += 1
        }
        // The includes posts and pages use (and those they include) come along to `_includes/`, which
        // `{% include %}` reads; the theme's own are left behind.
        var used = Set<String>()
        var pending = copiedTexts.flatMap(includedNames)
        while let name = pending.popLast() {
            guard let url = includeFiles[name], used.insert(name).inserted else { continue }
            pending += includedNames((try? String(contentsOf: url, encoding: .utf8)) ?? "")
        }
        for (name, url) in includeFiles.sorted(by: { $0.key < $1.key }) {
            if used.contains(name) {
                try ImportFiles.copy(url, to: destination.appendingPathComponent("_includes/" + name))
                report.files += 1
            } else {
                report.notKept.append("_includes/\(name): an include of the Jekyll theme, which no post uses; sitegen's theme draws the pages")
            }
        }
        let config = hasConfig ? readConfig(source.appendingPathComponent("_config.yml"), into: &diagnostics) : [:]
        return try ImportFiles.finish(report, siteYAML(from: config, drafts: drafts), diagnostics, destination)
    }

    struct Unmapped: Error {
        var reason: String
        init(_ reason: String) { self.reason = reason }
    }

    /// The comment widget as Chirpy (`comments: {provider|active: giscus, giscus: {…}}`) and Minimal
    /// Mistakes (`comments: {provider: utterances, utterances: {…}}` with `repository:`) configure it,
    /// as `site.yml`'s `comments:`; nil when the site has none.
    static func commentsYAML(_ config: [String: FrontMatterValue]) -> Result<(String, String), Unmapped>? {
        guard case .map(let comments)? = config["comments"] else { return nil }
        guard let provider = (comments["provider"] ?? comments["active"])?.scalarText?.lowercased(), !provider.isEmpty else { return nil }
        guard provider == "giscus" || provider == "utterances" else {
            return .failure(Unmapped("the \(provider) comments are not kept: sitegen's theme has giscus and utterances"))
        }
        var settings: [String: FrontMatterValue] = [:]
        if case .map(let own)? = comments[provider] { settings = own }
        var values: [(String, String)] = []
        let repo = settings["repo"]?.scalarText ?? config["repository"]?.scalarText
        guard let repo, !repo.isEmpty else { return .failure(Unmapped("the \(provider) comments are not kept: no repository is named")) }
        values.append(("repo", repo))
        if provider == "giscus" {
            for (key, sources) in [("repo_id", ["repo_id"]), ("category", ["category", "category_name"]), ("category_id", ["category_id"]),
                                   ("mapping", ["mapping", "discussion_term"])] {
                if let value = sources.lazy.compactMap({ settings[$0]?.scalarText }).first(where: { !$0.isEmpty }) { values.append((key, value)) }
            }
        } else if let term = settings["issue_term"]?.scalarText, !term.isEmpty {
            values.append(("issue_term", term))
        }
        let yaml = "comments:\n  provider: \(provider)\n" + values.map { "  \($0.0): \(ImportFiles.quoted($0.1))" }.joined(separator: "\n")
        return .success((yaml, "comments: \(provider), \(repo)  ← comments"))
    }

    /// Plugins whose work sitegen does itself, and what it does.
    static let builtInPlugins = [
        "jekyll-feed": "sitegen writes feed.xml and feed.json itself",
        "jekyll-sitemap": "sitegen writes sitemap.xml itself",
        "jekyll-paginate": "sitegen pages the home list itself (posts_per_page)",
        "jekyll-paginate-v2": "sitegen pages the home list itself (posts_per_page)",
        "jekyll-redirect-from": "sitegen writes the redirect_from pages itself",
        "jekyll-relative-links": "sitegen turns links to .md files into links to their pages",
        "jekyll-seo-tag": "the default theme writes the description, canonical and Open Graph tags",
        "jekyll-gist": "sitegen understands {% gist %}",
        "jekyll-archives": "sitegen writes tag pages and an archive itself",
    ]

    /// The files `{% include name.html … %}` names in a text.
    static func includedNames(_ text: String) -> [String] {
        var names: [String] = []
        var rest = text[...]
        while let open = rest.range(of: "{%") {
            guard let close = rest[open.upperBound...].range(of: "%}") else { break }
            let inner = rest[open.upperBound..<close.lowerBound].trimmingCharacters(in: .whitespacesAndNewlines.union(["-"]))
            let words = inner.split(whereSeparator: \.isWhitespace)
            if words.first == "include", words.count > 1 { names.append(String(words[1])) }
            rest = rest[close.upperBound...]
        }
        return names
    }

    static func isMarkdown(_ path: String) -> Bool {
        ContentLoader.markdownExtensions.contains((path as NSString).pathExtension.lowercased())
    }

    static func readConfig(_ url: URL, into diagnostics: inout Diagnostics) -> [String: FrontMatterValue] {
        guard let text = ContentLoader.readText(url, path: "_config.yml", into: &diagnostics),
              let matter = FrontMatter.decode(yaml: text, firstLine: 1, path: "_config.yml", into: &diagnostics) else { return [:] }
        return matter.values
    }

    /// `site.yml` from `_config.yml`: the lines written, each mapping said, and the keys left behind.
    static func siteYAML(from config: [String: FrontMatterValue], drafts: Int = 0) -> (yaml: String, mapped: [String], notKept: [String]) {
        var lines = ["# Written by sitegen import jekyll from _config.yml; see README.md for every key.",
                     "# Posts may use Liquid ({{ site.url }}, {% post_url %}), as Jekyll evaluates it.", "liquid: true"]
        var mapped: [String] = []
        var used = Set<String>()
        func put(_ key: String, _ value: String, from source: String) {
            lines.append("\(key): \(ImportFiles.quoted(value))")
            mapped.append("\(key): \(value)  ← \(source)")
            used.insert(source)
        }
        func text(_ key: String) -> String? { config[key]?.scalarText.flatMap { $0.isEmpty ? nil : $0 } }
        for key in ["title", "description", "timezone", "excerpt_separator", "permalink"] {
            if let value = text(key) { put(key, value, from: key) }
        }
        if let name = text("author") ?? (config["author"].flatMap { if case .map(let map) = $0 { map["name"]?.scalarText } else { nil } }) {
            put("author", name, from: "author")
        }
        if let url = text("url") {
            let base = (url.hasSuffix("/") ? String(url.dropLast()) : url) + (text("baseurl") ?? "")
            put("base_url", base.hasSuffix("/") ? base : base + "/", from: "url")
            used.insert("baseurl")
        }
        for key in ["lang", "locale", "language"] {
            guard let value = text(key) else { continue }
            put("language", String(value.lowercased().prefix { $0.isLetter }), from: key)
            break
        }
        if case .integer(let perPage)? = config["paginate"] {
            lines.append("posts_per_page: \(perPage)")
            mapped.append("posts_per_page: \(perPage)  ← paginate")
            used.insert("paginate")
        }
        var notKept: [String] = []
        if let comments = commentsYAML(config) {
            used.formUnion(["comments", "repository"])
            switch comments {
            case .success(let (yaml, said)):
                lines.append(yaml)
                mapped.append(said)
            case .failure(let reason):
                notKept.append("_config.yml: \(reason.reason)")
            }
        }
        // Jekyll's front matter defaults, their scopes moved to where the import put the files.
        var rules: [String] = []
        if case .list(let items)? = config["defaults"] {
            used.insert("defaults")
            for item in items {
                guard case .map(let rule) = item, case .map(let values)? = rule["values"] else { continue }
                var path = ""
                var type: String?
                if case .map(let scope)? = rule["scope"] {
                    path = scope["path"]?.scalarText ?? ""
                    type = scope["type"]?.scalarText
                }
                for (from, to) in [("_posts", "posts"), ("_drafts", "posts/drafts"), ("_pages", ""), ("_tabs", "")]
                where path == from || path.hasPrefix(from + "/") {
                    path = to + path.dropFirst(from.count)
                    // `_pages/` is gone into the content root: its rule keeps to pages there, not every document.
                    if to.isEmpty, type == nil { type = "pages" }
                }
                if type == "drafts" { (path, type) = ("posts/drafts", nil) }
                if let kind = type, !["posts", "pages"].contains(kind) {
                    notKept.append("_config.yml: defaults for the collection \(kind) have no place here")
                    continue
                }
                rules.append("  - scope: {path: \(ImportFiles.quoted(path))\(type.map { ", type: \($0)" } ?? "")}\n    values:\n"
                             + ImportFiles.yaml(values, indent: 6))
                mapped.append("defaults: \(path.isEmpty ? "every document" : path)\(type.map { " (\($0))" } ?? ""): \(values.keys.sorted().joined(separator: ", "))  ← defaults")
            }
        }
        if drafts > 0 {
            rules.append("  - scope: {path: \"posts/drafts\"}\n    values:\n      draft: true\n")
            mapped.append("defaults: posts/drafts: draft: true  ← _drafts/ (\(drafts) draft\(drafts == 1 ? "" : "s"), built with --drafts)")
        }
        if !rules.isEmpty { lines.append("defaults:\n" + rules.joined().dropLast()) }
        for key in ["plugins", "gems", "whitelist"] {
            guard case .list(let items)? = config[key] else { continue }
            used.insert(key)
            for item in items.compactMap(\.scalarText) {
                if let builtIn = builtInPlugins[item] {
                    notKept.append("_config.yml: the plugin \(item) is not needed: \(builtIn)")
                } else {
                    notKept.append("_config.yml: the plugin \(item) is not run by sitegen")
                }
            }
        }
        for key in ["theme", "remote_theme"] {
            guard let value = text(key) else { continue }
            used.insert(key)
            notKept.append("_config.yml: the theme \(value) is not used; sitegen's default theme draws the site (see sitegen theme new)")
        }
        let rest = config.keys.filter { !used.contains($0) }.sorted()
        if !rest.isEmpty { notKept.append("_config.yml: not mapped: \(rest.joined(separator: ", "))") }
        return (lines.joined(separator: "\n") + "\n", mapped, notKept)
    }
}

/// Writing an imported site: copies that never overwrite, text files, YAML strings.
enum ImportFiles {
    static func copy(_ file: URL, to target: URL) throws(JekyllImport.Failure) {
        let manager = FileManager.default
        do {
            try manager.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            if !manager.fileExists(atPath: target.path) { try manager.copyItem(at: file, to: target) }
        } catch {
            throw .cannotWrite(target.path, error.localizedDescription)
        }
    }

    static func write(_ text: String, to target: URL) throws(JekyllImport.Failure) {
        do {
            try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: target)
        } catch {
            throw .cannotWrite(target.path, error.localizedDescription)
        }
    }

    /// Writes `site.yml` and completes the report with its mappings, what was left behind, and the warnings.
    static func finish(_ report: JekyllImport.Report, _ site: (yaml: String, mapped: [String], notKept: [String]),
                       _ diagnostics: Diagnostics, _ destination: URL) throws(JekyllImport.Failure) -> JekyllImport.Report {
        var report = report
        report.mapped = site.mapped
        report.notKept += site.notKept
        try write(site.yaml, to: destination.appendingPathComponent("site.yml"))
        report.warnings = diagnostics.sorted
        return report
    }

    /// Front matter values as block YAML, each key at `indent` spaces.
    static func yaml(_ values: [String: FrontMatterValue], indent: Int) -> String {
        let pad = String(repeating: " ", count: indent)
        var out = ""
        for (key, value) in values.sorted(by: { $0.key < $1.key }) {
            switch value {
            case .map(let map): out += "\(pad)\(quoted(key)):\n" + yaml(map, indent: indent + 2)
            case .list(let items): out += "\(pad)\(quoted(key)): [\(items.map(scalar).joined(separator: ", "))]\n"
            default: out += "\(pad)\(quoted(key)): \(scalar(value))\n"
            }
        }
        return out
    }

    private static func scalar(_ value: FrontMatterValue) -> String {
        switch value {
        case .string(let text): return quoted(text)
        case .integer(let number): return String(number)
        case .number(_, let written): return written
        case .bool(let flag): return flag ? "true" : "false"
        case .null: return "null"
        case .list(let items): return "[" + items.map(scalar).joined(separator: ", ") + "]"
        case .map(let map): return "{" + map.sorted { $0.key < $1.key }.map { "\(quoted($0.key)): \(scalar($0.value))" }.joined(separator: ", ") + "}"
        }
    }

    /// A YAML double-quoted string.
    static func quoted(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }
}
