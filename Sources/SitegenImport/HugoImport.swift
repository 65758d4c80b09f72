import Foundation
import SitegenContent
import SitegenCore
import TOMLKit

/// `sitegen import hugo`: a Hugo site's folder becomes a sitegen site. `content/` and `static/` are
/// copied byte for byte (static files to the site's root, as Hugo publishes them); the site's config
/// (`hugo.toml`, `config.toml`, or their YAML forms) becomes `site.yml` with Hugo's slugs and
/// shortcodes on and its `permalinks`, so every page keeps its URL. Each thing not brought over is
/// named, one line each.
public enum HugoImport {
    static let configNames = ["hugo.toml", "hugo.yaml", "hugo.yml", "config.toml", "config.yaml", "config.yml"]
    /// Folders of a Hugo site that are its machinery: templates, theme, pipelines, generated output.
    static let machinery = ["layouts", "themes", "assets", "archetypes", "data", "i18n", "resources", "public"]

    public static func run(site source: URL, destination: URL) throws(JekyllImport.Failure) -> JekyllImport.Report {
        let manager = FileManager.default
        let configName = configNames.first { manager.fileExists(atPath: source.appendingPathComponent($0).path) }
        guard let configName, FileTree.isFolder(source.appendingPathComponent("content")) else {
            throw .notASite(source.path, "a Hugo site: it has no hugo.toml (or config.toml) beside a content/ folder")
        }
        if let entries = try? manager.contentsOfDirectory(atPath: destination.path), !entries.isEmpty {
            throw .destinationNotEmpty(destination.path)
        }
        var diagnostics = Diagnostics()
        var report = JekyllImport.Report(posts: 0, pages: [], files: 0, mapped: [], notKept: [], warnings: [])
        let content = destination.appendingPathComponent("content")
        for file in FileTree.regularFiles(under: source.appendingPathComponent("content"), shownAs: "content/", problems: &diagnostics) {
            let name = file.path.split(separator: "/").last.map(String.init) ?? file.path
            if name == "_index.md" {
                report.notKept.append("content/\(file.path): a section's own page; sitegen makes its lists itself")
                continue
            }
            try ImportFiles.copy(file.url, to: content.appendingPathComponent(file.path))
            if JekyllImport.isMarkdown(file.path) {
                if file.path.hasPrefix("posts/") { report.posts += 1 } else { report.pages.append("content/" + file.path) }
            } else {
                report.files += 1
            }
        }
        for file in FileTree.regularFiles(under: source.appendingPathComponent("static"), shownAs: "static/", problems: &diagnostics) {
            try ImportFiles.copy(file.url, to: content.appendingPathComponent(file.path))
            report.files += 1
        }
        for folder in machinery where FileTree.isFolder(source.appendingPathComponent(folder)) {
            report.notKept.append("\(folder)/: Hugo's \(folder == "themes" ? "themes" : folder); sitegen's theme draws the site")
        }
        let config = readConfig(source.appendingPathComponent(configName), name: configName, into: &diagnostics)
        return try ImportFiles.finish(report, siteYAML(from: config, file: configName), diagnostics, destination)
    }

    /// The config as front matter values, TOML or YAML.
    static func readConfig(_ url: URL, name: String, into diagnostics: inout Diagnostics) -> [String: FrontMatterValue] {
        guard let text = ContentLoader.readText(url, path: name, into: &diagnostics) else { return [:] }
        guard name.hasSuffix(".toml") else {
            return FrontMatter.decode(yaml: text, firstLine: 1, path: name, into: &diagnostics)?.values ?? [:]
        }
        do {
            return values(of: try TOMLTable(string: text))
        } catch let error as TOMLParseError {
            diagnostics.error(at: SourceLocation(path: name, line: error.source.begin.line, column: error.source.begin.column),
                              "invalid TOML: \(error.description)")
        } catch {
            diagnostics.error(at: SourceLocation(path: name), "invalid TOML: \(error)")
        }
        return [:]
    }

    static func values(of table: TOMLTable) -> [String: FrontMatterValue] {
        var result: [String: FrontMatterValue] = [:]
        for key in table.keys { result[key] = table[key].flatMap(value) }
        return result
    }

    static func value(_ toml: TOMLValueConvertible) -> FrontMatterValue? {
        if let text = toml.string { return .string(text) }
        if let flag = toml.bool { return .bool(flag) }
        if let number = toml.int { return .integer(number) }
        if let number = toml.double { return .number(number, written: String(number)) }
        if let table = toml.table { return .map(values(of: table)) }
        if let array = toml.array { return .list(array.compactMap(value)) }
        return nil
    }

    /// `site.yml` from Hugo's config: the lines, each mapping said, and the keys left behind.
    static func siteYAML(from config: [String: FrontMatterValue], file: String) -> (yaml: String, mapped: [String], notKept: [String]) {
        var lines = ["# Written by sitegen import hugo from \(file); see README.md for every key.",
                     "# Hugo's ways: slugs keep the file name's date, and shortcodes are expanded.", "hugo_slugs: true", "shortcodes: true"]
        var mapped: [String] = []
        var used: Set<String> = []
        func put(_ key: String, _ value: String, from source: String) {
            lines.append("\(key): \(ImportFiles.quoted(value))")
            mapped.append("\(key): \(value)  ← \(source)")
            used.insert(source.split(separator: ".").first.map(String.init) ?? source)
        }
        func text(_ value: FrontMatterValue?) -> String? { value?.scalarText.flatMap { $0.isEmpty ? nil : $0 } }
        let params: [String: FrontMatterValue] = if case .map(let map)? = config["params"] { map } else { [:] }
        if let title = text(config["title"]) { put("title", title, from: "title") }
        if let url = text(config["baseURL"] ?? config["baseurl"]) {
            put("base_url", url.hasSuffix("/") ? url : url + "/", from: config["baseURL"] != nil ? "baseURL" : "baseurl")
        }
        for key in ["languageCode", "defaultContentLanguage"] {
            guard let value = text(config[key]) else { continue }
            put("language", String(value.lowercased().prefix { $0.isLetter }), from: key)
            used.insert("languageCode")
            used.insert("defaultContentLanguage")
            break
        }
        if let zone = text(config["timeZone"]) { put("timezone", zone, from: "timeZone") }
        if let description = text(params["description"]) { put("description", description, from: "params.description") }
        let author: String? = if case .map(let map)? = params["author"] ?? config["author"] { text(map["name"]) } else { text(params["author"]) ?? text(config["author"]) }
        if let author { put("author", author, from: params["author"] != nil ? "params.author" : "author") }
        var perPage: Int?
        if case .integer(let n)? = config["paginate"] { perPage = n; used.insert("paginate") }
        if case .map(let pagination)? = config["pagination"], case .integer(let n)? = pagination["pagerSize"] { perPage = n; used.insert("pagination") }
        if let perPage {
            lines.append("posts_per_page: \(perPage)")
            mapped.append("posts_per_page: \(perPage)  ← paginate")
        }
        var notKept: [String] = []
        if case .map(var permalinks)? = config["permalinks"] {
            used.insert("permalinks")
            // Hugo 0.120's form: `[permalinks.page]`.
            if case .map(let pages)? = permalinks["page"] { permalinks = pages }
            let patterns = permalinks.compactMapValues(\.scalarText)
            if !patterns.isEmpty {
                lines.append("permalinks:")
                for (section, pattern) in patterns.sorted(by: { $0.key < $1.key }) {
                    lines.append("  \(section): \(ImportFiles.quoted(pattern))")
                    mapped.append("permalinks.\(section): \(pattern)  ← permalinks")
                }
            }
        }
        let scalars = params.compactMapValues { value -> String? in
            switch value { case .string, .integer, .number, .bool: value.scalarText; default: nil }
        }
        if !scalars.isEmpty {
            used.insert("params")
            lines.append("params:")
            for (key, value) in scalars.sorted(by: { $0.key < $1.key }) { lines.append("  \(key): \(ImportFiles.quoted(value))") }
            mapped.append("params: \(scalars.keys.sorted().joined(separator: ", "))  ← params")
            let rest = params.keys.filter { scalars[$0] == nil }.sorted()
            if !rest.isEmpty { notKept.append("\(file): params not kept (not plain values): \(rest.joined(separator: ", "))") }
        }
        if let theme = text(config["theme"]) {
            used.insert("theme")
            notKept.append("\(file): the theme \(theme) is not used; sitegen's default theme draws the site (see sitegen theme new)")
        }
        let rest = config.keys.filter { !used.contains($0) }.sorted()
        if !rest.isEmpty { notKept.append("\(file): not mapped: \(rest.joined(separator: ", "))") }
        return (lines.joined(separator: "\n") + "\n", mapped, notKept)
    }
}
