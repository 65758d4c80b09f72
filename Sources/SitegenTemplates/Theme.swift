import Foundation
import SitegenCore

/// A file of a theme's `static/` folder, copied to the output root.
public struct StaticFile: Sendable, Hashable {
    public enum Source: Sendable, Hashable {
        case bytes([UInt8])
        case file(URL)
    }

    /// Its path under `static/` and so under the output root.
    public var path: String
    public var source: Source
}

/// A theme ready to render: its templates parsed once, its static files listed, its parents merged in.
public struct Theme: Sendable {
    /// The chosen theme first, then its parents, down to `default`.
    public var chain: [String]
    public var templates: [String: Template]
    /// Where each template came from, for messages: `themes/NAME/templates/post.mustache`.
    public var templateSources: [String: String]
    public var staticFiles: [StaticFile]
    /// For each template, a digest of its text and of every partial and parent it reaches: when it
    /// is unchanged, so is every page that template renders from the same values.
    public var digests: [String: Int]
    /// The theme's words by language (`i18n/ko.yml` …), a child theme's keys over its parents'.
    public var labels: [String: [String: String]]

    init(chain: [String], layers: [ThemeLayer]) {
        // Layers come child first; lay the parents down first so that children override.
        var templates: [String: Template] = [:]
        var sources: [String: String] = [:]
        var statics: [String: StaticFile] = [:]
        var labels: [String: [String: String]] = [:]
        for layer in layers.reversed() {
            for (language, words) in layer.labels { labels[language, default: [:]].merge(words) { _, child in child } }
            for (name, template) in layer.templates {
                templates[name] = template
                sources[name] = layer.templateSources[name]
            }
            for file in layer.staticFiles { statics[file.path] = file }
        }
        self.chain = chain
        self.templates = templates
        self.templateSources = sources
        self.staticFiles = statics.values.sorted { $0.path < $1.path }
        self.labels = labels
        var digests: [String: Int] = [:]
        for name in templates.keys {
            var reached: Set<String> = [name]
            var pending = [name]
            while let next = pending.popLast() {
                for reference in templates[next]?.partials ?? [] where reached.insert(reference.name).inserted {
                    pending.append(reference.name)
                }
            }
            var hasher = Hasher()
            // A page shows the theme's words too: a changed word changes every page.
            for language in labels.keys.sorted() {
                hasher.combine(language)
                for key in labels[language, default: [:]].keys.sorted() { hasher.combine(key); hasher.combine(labels[language]?[key]) }
            }
            for reachedName in reached.sorted() {
                hasher.combine(reachedName)
                hasher.combine(templates[reachedName]?.description ?? "")
            }
            digests[name] = hasher.finalize()
        }
        self.digests = digests
    }

    /// The words for a site in `language`: `ko-KR` takes `ko-kr.yml`, else `ko.yml`; a language the
    /// theme has no words for takes English's. Keys the language lacks come from English too.
    public func labels(for language: String) -> [String: String] {
        let code = language.lowercased().replacingOccurrences(of: "_", with: "-")
        let base = String(code.prefix { $0 != "-" })
        let english = labels["en"] ?? [:]
        let own = labels[code] ?? labels[base] ?? [:]
        return english.merging(own) { _, own in own }
    }

    /// Whether the theme has a template of that name (`post`, `partials/tags`).
    public func hasTemplate(_ name: String) -> Bool { templates[name] != nil }

    /// Renders the named template with `values` at the root of its context; nil when there is no such template.
    public func render(_ name: String, values: TemplateData) -> String? {
        templates[name]?.render(values, partials: templates)
    }

    /// The same, as the UTF-8 bytes a page is written as.
    public func renderBytes(_ name: String, values: TemplateData) -> [UInt8]? {
        templates[name]?.renderBytes(values, partials: templates)
    }
}
