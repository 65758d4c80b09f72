import Foundation
import SitegenCore

/// Writes a new theme that extends `default`, with one template overridden as an example.
public enum ThemeScaffold {
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
