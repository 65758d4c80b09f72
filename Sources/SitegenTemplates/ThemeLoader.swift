import Foundation
import SitegenContent
import SitegenCore

/// One theme folder's own files, before its parents are merged in.
struct ThemeLayer {
    var name: String
    var parent: String?
    var templates: [String: Template] = [:]
    var templateSources: [String: String] = [:]
    var staticFiles: [StaticFile] = []
    /// `i18n/LANG.yml`: the theme's words by language, then key.
    var labels: [String: [String: String]] = [:]
}

/// Finds a theme and its parents under `themes/`, with the built-in default beneath them all.
public enum ThemeLoader {
    /// The name of the theme the binary carries.
    public static let defaultName = "default"

    /// Loads theme `name` of the site at `root`. Errors are located in the theme's files.
    /// `requestedAt` is where the site names the theme (`site.yml`'s `theme:`).
    public static func load(name: String, siteRoot root: URL,
                            requestedAt: SourceLocation = SourceLocation(path: "site.yml"),
                            into diagnostics: inout Diagnostics) throws(BuildFailure) -> Theme {
        var layers: [ThemeLayer] = []
        var chain: [String] = []
        var next: String? = name
        while let current = next {
            if chain.contains(current) {
                diagnostics.add(.error(at: SourceLocation(path: "themes/\(current)/theme.yml"),
                                          "themes extend each other in a loop: \((chain + [current]).joined(separator: " → "))"))
                break
            }
            chain.append(current)
            let folder = root.appendingPathComponent("themes").appendingPathComponent(current)
            if FileTree.isFolder(folder) {
                let layer = loadFolder(folder, name: current, diagnostics: &diagnostics)
                layers.append(layer)
                next = layer.parent ?? (current == defaultName ? nil : defaultName)
            } else if current == defaultName {
                next = nil
            } else {
                let available = availableThemes(in: root)
                diagnostics.add(.error(at: chain.count == 1 ? requestedAt : SourceLocation(path: "themes/\(chain[chain.count - 2])/theme.yml"),
                                          "unknown theme '\(current)': no folder themes/\(current)/"
                                              + (available.isEmpty ? "" : " (themes here: \(available.joined(separator: ", ")))")))
                next = nil
            }
        }
        layers.append(embeddedDefault(diagnostics: &diagnostics))
        try diagnostics.stopIfErrors()
        let theme = Theme(chain: chain, layers: layers)
        unknownPartials(in: theme, into: &diagnostics)
        try diagnostics.stopIfErrors()
        return theme
    }

    /// Partials and parents (`{{> name}}`, `{{< name}}`) that no layer of the theme has; Mustache
    /// itself would render them as nothing.
    static func unknownPartials(in theme: Theme, into diagnostics: inout Diagnostics) {
        for name in theme.templates.keys.sorted() {
            guard let template = theme.templates[name], let source = theme.templateSources[name] else { continue }
            for reference in template.partials where !theme.hasTemplate(reference.name) {
                diagnostics.add(.error(at: SourceLocation(path: source, line: reference.line, column: reference.column),
                                          "unknown partial '\(reference.name)': no templates/\(reference.name).mustache in the theme or its parents"))
            }
        }
    }

    static func availableThemes(in root: URL) -> [String] {
        let folder = root.appendingPathComponent("themes")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { !$0.hasPrefix(".") }.sorted()
    }

    /// Reads `theme.yml`, `templates/` and `static/` of one theme folder.
    static func loadFolder(_ folder: URL, name: String, diagnostics: inout Diagnostics) -> ThemeLayer {
        var layer = ThemeLayer(name: name)
        let manifest = folder.appendingPathComponent("theme.yml")
        let path = "themes/\(name)/theme.yml"
        if FileManager.default.fileExists(atPath: manifest.path),
           let text = ContentLoader.readText(manifest, path: path, into: &diagnostics),
           let matter = FrontMatter.decode(yaml: text, firstLine: 1, path: path, into: &diagnostics),
           let parent = matter["extends"]?.scalarText, !parent.isEmpty {
            layer.parent = parent
        }
        /// The files of one of the theme's folders, as the theme names them, each with its text when `ending` is given.
        func files(_ sub: String, ending: String? = nil) -> [(url: URL, relative: String, source: String, text: String?)] {
            FileTree.regularFiles(under: folder.appendingPathComponent(sub), shownAs: "themes/\(name)/\(sub)/", problems: &diagnostics)
                .filter { ending.map($0.path.hasSuffix) ?? true }
                .map { file in
                    let source = "themes/\(name)/\(sub)/\(file.path)"
                    let text = ending == nil ? nil : ContentLoader.readText(file.url, path: source, into: &diagnostics)
                    return (file.url, file.path, source, text)
                }
        }
        for file in files("templates", ending: ".mustache") {
            if let text = file.text { addTemplate(text, relative: file.relative, source: file.source, to: &layer, diagnostics: &diagnostics) }
        }
        for file in files("static") { layer.staticFiles.append(StaticFile(path: file.relative, source: .file(file.url))) }
        for file in files("i18n", ending: ".yml") {
            if let text = file.text { addLabels(text, file: file.relative, source: file.source, to: &layer, diagnostics: &diagnostics) }
        }
        return layer
    }

    /// One `i18n/LANG.yml`: a mapping of label keys to words.
    static func addLabels(_ text: String, file: String, source: String, to layer: inout ThemeLayer, diagnostics: inout Diagnostics) {
        let language = String(file.dropLast(4)).lowercased()
        guard let matter = FrontMatter.decode(yaml: text, firstLine: 1, path: source, into: &diagnostics) else { return }
        var words: [String: String] = [:]
        for (key, value) in matter.values {
            guard let word = value.scalarText else {
                diagnostics.error(at: matter.location(of: key, in: source), "the label '\(key)' must be text, found \(value.kindName)")
                continue
            }
            words[key] = word
        }
        layer.labels[language, default: [:]].merge(words) { _, new in new }
    }

    /// The theme compiled into the binary from `themes/default`.
    static func embeddedDefault(diagnostics: inout Diagnostics) -> ThemeLayer {
        var layer = ThemeLayer(name: defaultName)
        for (path, base64) in EmbeddedDefaultTheme.files {
            guard let data = Data(base64Encoded: base64) else { continue }
            if path.hasPrefix("templates/"), path.hasSuffix(".mustache") {
                addTemplate(String(decoding: data, as: UTF8.self), relative: String(path.dropFirst("templates/".count)),
                            source: "(built-in default theme)/\(path)", to: &layer, diagnostics: &diagnostics)
            } else if path.hasPrefix("static/") {
                layer.staticFiles.append(StaticFile(path: String(path.dropFirst("static/".count)), source: .bytes([UInt8](data))))
            } else if path.hasPrefix("i18n/"), path.hasSuffix(".yml") {
                addLabels(String(decoding: data, as: UTF8.self), file: String(path.dropFirst("i18n/".count)),
                          source: "(built-in default theme)/\(path)", to: &layer, diagnostics: &diagnostics)
            }
        }
        return layer
    }

    static func addTemplate(_ text: String, relative: String, source: String, to layer: inout ThemeLayer, diagnostics: inout Diagnostics) {
        let name = String(relative.dropLast(".mustache".count))
        do {
            layer.templates[name] = try Template(text)
            layer.templateSources[name] = source
        } catch {
            diagnostics.add(.error(at: SourceLocation(path: source, line: error.line, column: error.column), "template error: \(error.message)"))
        }
    }
}
