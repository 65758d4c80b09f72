import Foundation
import SitegenCore

/// Writes a new theme that extends `default`, with one template overridden as an example; copies
/// the default theme's files out to be changed (`theme eject`).
public enum ThemeScaffold {
    /// The default theme's files, by their path in the theme (`templates/base.mustache`, `static/style.css`).
    public static var defaultFiles: [String] { EmbeddedDefaultTheme.files.map(\.0).sorted() }

    /// Copies the default theme's files named by `names` (a template name such as `base`, or a path
    /// such as `static/style.css`; all of them when empty) into `themes/THEME/`, which is made, extending
    /// `default`, when it is not there. Never overwrites. Returns the paths written.
    public static func eject(_ names: [String], theme: String, siteRoot root: URL) throws(BuildFailure) -> [String] {
        guard !theme.isEmpty, theme.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }), theme != ThemeLoader.defaultName else {
            throw BuildFailure([.error(at: .whole("themes/\(theme)"), "a theme name is letters, numbers, '-' and '_', and not 'default'")])
        }
        let files = Dictionary(EmbeddedDefaultTheme.files.map { ($0.0, $0.1) }) { first, _ in first }
        var chosen: [String] = []
        for name in names {
            let candidates = [name, "templates/\(name).mustache", "templates/\(name)", "static/\(name)"]
            guard let path = candidates.first(where: { files[$0] != nil }) else {
                let templates = defaultFiles.filter { $0.hasPrefix("templates/") && !$0.contains("/partials/") }
                    .map { String($0.dropFirst("templates/".count).dropLast(".mustache".count)) }
                throw BuildFailure([.error(at: .whole(name), "the default theme has no '\(name)'; its templates: \(templates.joined(separator: ", ")); "
                                           + "or name a file: \(defaultFiles.filter { !$0.hasPrefix("templates/") }.joined(separator: ", "))")])
            }
            chosen.append(path)
        }
        if chosen.isEmpty { chosen = defaultFiles.filter { $0 != "theme.yml" } }
        let folder = root.appendingPathComponent("themes").appendingPathComponent(theme)
        var written: [String] = []
        var pending: [(String, Data)] = []
        if !FileManager.default.fileExists(atPath: folder.appendingPathComponent("theme.yml").path) {
            pending.append(("theme.yml", Data("name: \(theme)\n# Files this theme does not have come from the default theme.\nextends: default\n".utf8)))
        }
        for path in chosen where path != "theme.yml" {
            guard let base64 = files[path], let data = Data(base64Encoded: base64) else { continue }
            if FileManager.default.fileExists(atPath: folder.appendingPathComponent(path).path) {
                throw BuildFailure([.error(at: .whole("themes/\(theme)/\(path)"), "exists already; theme eject never overwrites")])
            }
            pending.append((path, data))
        }
        do {
            for (path, data) in pending {
                let url = folder.appendingPathComponent(path)
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try data.write(to: url)
                written.append("themes/\(theme)/\(path)")
            }
        } catch {
            throw BuildFailure([.error(at: .whole("themes/\(theme)"), "cannot write the theme: \(error.localizedDescription)")])
        }
        return written
    }

    /// Writes `themes/NAME/` under `root` and returns the paths written, relative to `root`.
    public static func create(name: String, siteRoot root: URL) throws(BuildFailure) -> [String] {
        guard !name.isEmpty, name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }), name != ThemeLoader.defaultName else {
            throw BuildFailure([.error(at: .whole("themes/\(name)"), "a theme name is letters, numbers, '-' and '_', and not 'default'")])
        }
        let folder = root.appendingPathComponent("themes").appendingPathComponent(name)
        guard !FileManager.default.fileExists(atPath: folder.path) else {
            throw BuildFailure([.error(at: .whole("themes/\(name)"), "there is already a theme folder here; choose another name")])
        }
        var defaultPost = ""
        for (path, base64) in EmbeddedDefaultTheme.files where path == "templates/document.mustache" {
            defaultPost = Data(base64Encoded: base64).map { String(decoding: $0, as: UTF8.self) } ?? ""
        }
        let files: [(String, String)] = [
            ("theme.yml", """
                name: \(name)
                description: A theme of my own, built on the default theme.
                # Templates and static files this theme does not have come from the parent.
                extends: default

                """),
            ("templates/post.mustache", """
                {{! The post page of the '\(name)' theme. Posts use it instead of templates/document.mustache
                    of 'default' (retrospectives and pages still use that one, as every other template
                    still comes from 'default'). The values a template can use are listed in
                    themes/README.md of the sitegen repository. }}
                \(defaultPost)
                """),
            ("static/.keep", ""),
        ]
        var written: [String] = []
        do {
            for (path, text) in files {
                let url = folder.appendingPathComponent(path)
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(text.utf8).write(to: url)
                written.append("themes/\(name)/\(path)")
            }
        } catch {
            throw BuildFailure([.error(at: .whole("themes/\(name)"), "cannot write the theme: \(error.localizedDescription)")])
        }
        return written
    }
}
