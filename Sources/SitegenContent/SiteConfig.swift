import Foundation
import SitegenCore

/// What `site.yml` says about the whole site. Every key has a default, so a folder without the
/// file builds too.
public struct SiteConfig: Sendable, Hashable {
    public var title = "My Retrospectives"
    public var description = ""
    public var author = ""
    /// Where the site is published, ending in `/`: `https://user.github.io/blog/`. Empty: served at `/`.
    public var baseURL = "" {
        didSet { (basePath, origin) = Self.split(baseURL: baseURL) }
    }
    /// The `<html lang>` and the language of dates and labels.
    public var language = "ko"
    public var theme = "default"
    /// Where `theme:` is written, for messages about the theme it names.
    public var themeLocation = SourceLocation(path: "site.yml")
    public var postsPerPage = 10
    /// The UTC offset in seconds for dates written without one.
    public var utcOffset = 0
    public var excerptSeparator = "<!--more-->"
    /// Heading levels of every page's table of contents, unless its front matter says otherwise.
    public var tocLevels = TOCLevels.standard
    /// The comment widget (`giscus` or `utterances`) and its settings, for pages with `comments: true`.
    public var comments: CommentSettings?
    /// Headings whose list items are a retrospective's goals for next time.
    public var goalHeadings = ["다음 목표", "Next goals", "Try", "적용점", "하반기 목표", "내년 목표", "다음 분기 목표", "다음 달 목표", "다음 주 목표"]
    /// Whether raw HTML in Markdown passes through as written (`unsafe_html: false` drops it and `javascript:` links).
    public var unsafeHTML = true
    /// How property lines of Notion pages are read (`notion_properties: false` turns them off; `notion_date_keys` adds date keys).
    public var notionProperties = NotionProperties.Options.standard
    /// Keys under `params:`, handed to templates as they are.
    public var params: [String: FrontMatterValue] = [:]
    /// Jekyll's `permalink`: one pattern (or a named style: `date`, `pretty`, `ordinal`, `weekdate`,
    /// `none`) for posts and retrospectives, its tokens read as Jekyll reads them.
    public var permalink: String?
    /// Hugo's `permalinks`: a pattern per section (the first folder under `content/`), its tokens read as Hugo reads them.
    public var sectionPermalinks: [String: String] = [:]
    /// Evaluate the Liquid that Jekyll posts use (`{{ site.url }}`, `{% post_url %}`): on for a site
    /// imported from Jekyll; elsewhere `{{` is text.
    public var liquid = false
    /// Expand Hugo's built-in shortcodes (`{{< figure >}}`): on for a Hugo site.
    public var shortcodes = false
    /// Front matter every document under a folder gets where its own does not say (Jekyll's `defaults`).
    public var defaults: [FrontMatterDefault] = []
    /// Hugo's slugs: a file's whole name, its date prefix kept (`2023-01-24-1.md` → `2023-01-24-1`), as Hugo's URLs have them.
    public var hugoSlugs = false
    /// `math:` — `auto` (the default): math is recognised everywhere and the renderer loads on pages
    /// that have some; `true`: on every page; `false`: `$` and `\(` are text. A page's own `math:` wins.
    public var math = MathSetting.auto
    /// `math_assets: local` serves KaTeX from the site itself (copied from Debian's libjs-katex and
    /// fonts-katex, or from `static/katex/`) instead of a CDN.
    public var mathAssetsLocal = false
    public var mathAssetsLocation = SourceLocation(path: "site.yml")
    /// `highlight: false` leaves code blocks plain (no token spans).
    public var highlight = true
    /// `menu:` — the site's navigation in place of the theme's usual links; pages with `menu: main`
    /// join it either way.
    public var menu: [MenuItem]?
    /// `favicon:` the site's icon, a path of the site; else `favicon.ico|svg|png` at the root of `content/`.
    public var favicon: String?
    /// `repo_url:` where the site's source is browsed (`https://github.com/me/blog/blob/main/`): pages link
    /// to their file there ("edit this page").
    public var repoURL: String?
    /// The author's profile: `avatar:` (a path of the site or a URL), `bio:` (one line), and `social:`,
    /// a mapping of a network to an address (`github: https://github.com/me`), the usual networks first.
    public var avatar: String?
    public var bio: String?
    public var social: [SocialAddress] = []

    public enum MathSetting: String, Sendable, Hashable {
        case auto, always, never
    }

    public init() {}

    /// The path part of `baseURL` without its last `/`: `/blog` for `https://user.github.io/blog/`, "" at a root.
    public private(set) var basePath = ""
    /// The scheme and host of `baseURL`: `https://user.github.io`, or "" when none is set.
    public private(set) var origin = ""

    /// `baseURL`'s origin and base path, worked out once when it is set: every link on every page asks for them.
    public static func split(baseURL: String) -> (basePath: String, origin: String) {
        var path = Substring(baseURL)
        var origin = ""
        if let schemeEnd = baseURL.range(of: "://") {
            path = baseURL[schemeEnd.upperBound...].drop { $0 != "/" }
            origin = String(baseURL[..<schemeEnd.upperBound]) + baseURL[schemeEnd.upperBound...].prefix { $0 != "/" }
        }
        let trimmed = path.trimmingCharacters(in: CharacterSet(charactersIn: "/"))
        return (trimmed.isEmpty ? "" : "/" + trimmed, origin)
    }

    static let knownKeys: Set<String> = [
        "title", "description", "author", "base_url", "baseurl", "url", "language", "lang", "theme",
        "posts_per_page", "paginate", "timezone", "excerpt_separator", "params", "toc_levels", "comments", "goal_headings",
        "unsafe_html", "notion_properties", "notion_date_keys", "permalink", "permalinks", "liquid", "shortcodes", "hugo_slugs", "defaults",
        "math", "math_assets", "highlight", "menu", "favicon", "repo_url", "avatar", "bio", "social",
    ]

    /// Reads `site.yml`; bad values are errors, unknown keys warnings, each with its location.
    public static func decode(yaml: String, path: String, into diagnostics: inout Diagnostics) -> SiteConfig {
        var config = SiteConfig()
        guard let matter = FrontMatter.decode(yaml: yaml, firstLine: 1, path: path, into: &diagnostics) else { return config }
        func text(_ key: String) -> String? {
            guard let value = matter[key] else { return nil }
            guard let text = value.scalarText else {
                diagnostics.add(.error(at: matter.location(of: key, in: path), "'\(key)' must be text, found \(value.kindName)"))
                return nil
            }
            return text
        }
        for key in matter.values.keys.sorted() where !knownKeys.contains(key) {
            diagnostics.add(.warning(at: matter.location(of: key, in: path), "unknown key '\(key)' in site.yml (ignored)"))
        }
        if let v = text("title") { config.title = v }
        if let v = text("description") { config.description = v }
        if let v = text("author") { config.author = v }
        for key in ["base_url", "url", "baseurl"] where matter[key] != nil {
            if let v = text(key) {
                switch BaseURL.normalize(v, allowingPath: true) {
                case .success(let url): config.baseURL = url
                case .failure(let problem): diagnostics.add(.error(at: matter.location(of: key, in: path), "'\(key)': \(problem)"))
                }
            }
            break
        }
        for key in ["language", "lang"] where matter[key] != nil {
            if let v = text(key) { config.language = v }
            break
        }
        if let v = text("theme") {
            config.theme = v
            config.themeLocation = matter.location(of: "theme", in: path)
        }
        if let v = text("excerpt_separator"), !v.isEmpty { config.excerptSeparator = v }
        if let v = text("favicon"), !v.isEmpty { config.favicon = v.hasPrefix("/") || v.contains("://") ? v : "/" + v }
        if let v = text("repo_url"), !v.isEmpty { config.repoURL = v.hasSuffix("/") ? v : v + "/" }
        if let v = text("avatar"), !v.isEmpty { config.avatar = v.hasPrefix("/") || v.contains("://") ? v : "/" + v }
        if let v = text("bio"), !v.isEmpty { config.bio = v }
        if let value = matter["social"] {
            if case .map(let map) = value, map.values.allSatisfy({ $0.scalarText != nil }) {
                let usual = ["website", "github", "gitlab", "linkedin", "x", "twitter", "mastodon", "instagram", "facebook", "youtube", "velog", "tistory", "email", "rss"]
                let keys = map.keys.sorted { (usual.firstIndex(of: $0.lowercased()) ?? usual.count, $0) < (usual.firstIndex(of: $1.lowercased()) ?? usual.count, $1) }
                config.social = keys.compactMap { key in map[key]?.scalarText.map { SocialAddress(network: key, url: $0) } }
            } else {
                diagnostics.error(at: matter.location(of: "social", in: path), "'social' must map networks to addresses (github: https://github.com/me)")
            }
        }
        if let v = text("permalink"), !v.isEmpty { config.permalink = v }
        if let value = matter["defaults"] {
            config.defaults = FrontMatterDefault.rules(value, at: matter.location(of: "defaults", in: path), into: &diagnostics)
        }
        if let value = matter["math"] {
            switch value.flag.map({ $0 ? "true" : "false" }) ?? value.scalarText {
            case "auto": config.math = .auto
            case "true": config.math = .always
            case "false": config.math = .never
            default: diagnostics.error(at: matter.location(of: "math", in: path), "'math' must be auto, true or false")
            }
        }
        if let value = text("math_assets") {
            switch value {
            case "local":
                config.mathAssetsLocal = true
                config.mathAssetsLocation = matter.location(of: "math_assets", in: path)
            case "cdn": config.mathAssetsLocal = false
            default: diagnostics.error(at: matter.location(of: "math_assets", in: path), "'math_assets' must be local or cdn")
            }
        }
        for key in ["liquid", "shortcodes", "hugo_slugs", "highlight"] {
            guard let value = matter[key] else { continue }
            guard case .bool(let on) = value else {
                diagnostics.error(at: matter.location(of: key, in: path), "'\(key)' must be true or false")
                continue
            }
            switch key {
            case "liquid": config.liquid = on
            case "shortcodes": config.shortcodes = on
            case "highlight": config.highlight = on
            default: config.hugoSlugs = on
            }
        }
        if let value = matter["permalinks"] {
            if case .map(let map) = value, map.values.allSatisfy({ $0.scalarText != nil }) {
                config.sectionPermalinks = map.compactMapValues(\.scalarText)
            } else {
                diagnostics.error(at: matter.location(of: "permalinks", in: path), "'permalinks' must map sections to patterns, such as 'posts: /:year/:month/:slug/'")
            }
        }
        for key in ["posts_per_page", "paginate"] where matter[key] != nil {
            if case .integer(let n)? = matter[key], n > 0 {
                config.postsPerPage = n
            } else {
                diagnostics.add(.error(at: matter.location(of: key, in: path), "'\(key)' must be a whole number above 0"))
            }
            break
        }
        if let v = text("timezone") {
            if let offset = utcOffset(of: v) {
                config.utcOffset = offset
            } else {
                diagnostics.add(.error(at: matter.location(of: "timezone", in: path),
                                          "'timezone' must be an offset such as +09:00 or a zone name such as Asia/Seoul"))
            }
        }
        if let value = matter["toc_levels"] {
            if let levels = TOCLevels.parse(value) {
                config.tocLevels = levels
            } else {
                diagnostics.add(.error(at: matter.location(of: "toc_levels", in: path), "'toc_levels' must be a range of heading levels such as 2-3"))
            }
        }
        if let value = matter["comments"] {
            config.comments = CommentSettings.parse(value, at: matter.location(of: "comments", in: path), into: &diagnostics)
        }
        if let value = matter["menu"] {
            config.menu = MenuItem.items(value, at: matter.location(of: "menu", in: path), into: &diagnostics)
        }
        if let value = matter["goal_headings"] {
            if case .list(let items) = value, items.allSatisfy({ $0.scalarText != nil }) {
                config.goalHeadings = items.compactMap(\.scalarText)
            } else {
                diagnostics.add(.error(at: matter.location(of: "goal_headings", in: path), "'goal_headings' must be a list of headings"))
            }
        }
        if let value = matter["unsafe_html"] {
            if let flag = value.flag {
                config.unsafeHTML = flag
            } else {
                diagnostics.add(.error(at: matter.location(of: "unsafe_html", in: path), "'unsafe_html' must be true or false"))
            }
        }
        if let value = matter["notion_properties"] {
            if let flag = value.flag {
                config.notionProperties.enabled = flag
            } else {
                diagnostics.add(.error(at: matter.location(of: "notion_properties", in: path), "'notion_properties' must be true or false"))
            }
        }
        if let value = matter["notion_date_keys"] {
            if case .list(let items) = value, items.allSatisfy({ $0.scalarText != nil }) {
                config.notionProperties.dateKeys = items.compactMap(\.scalarText) + config.notionProperties.dateKeys
            } else {
                diagnostics.add(.error(at: matter.location(of: "notion_date_keys", in: path), "'notion_date_keys' must be a list of property names"))
            }
        }
        if let params = matter["params"] {
            if case .map(let map) = params {
                config.params = map
            } else {
                diagnostics.add(.error(at: matter.location(of: "params", in: path), "'params' must be a mapping of keys to values"))
            }
        }
        return config
    }

    /// `+09:00`, `+0900`, `UTC` or an IANA zone name, as seconds east of UTC.
    static func utcOffset(of text: String) -> Int? {
        if let date = DocumentDate(parsing: "2000-01-01 00:00 " + text), let offset = date.utcOffset { return offset }
        return TimeZone(identifier: text)?.secondsFromGMT()
    }
}

/// One address of the author's (`social:` in `site.yml`).
public struct SocialAddress: Sendable, Hashable {
    public var network: String
    public var url: String
}

/// One entry of `menu:` in `site.yml`: `{name: 소개, page: about.md, weight: 60}` or `{name: GitHub, url: https://github.com/me}`.
public struct MenuItem: Sendable, Hashable {
    public var name: String
    /// An address as written (absolute, or a path of the site).
    public var url: String?
    /// A document by its path under `content/`.
    public var page: String?
    public var weight: Int

    static func items(_ value: FrontMatterValue, at location: SourceLocation, into diagnostics: inout Diagnostics) -> [MenuItem]? {
        guard case .list(let entries) = value else {
            diagnostics.error(at: location, "'menu' must be a list of {name, url or page, weight}")
            return nil
        }
        var items: [MenuItem] = []
        for (index, entry) in entries.enumerated() {
            guard case .map(let map) = entry, let name = map["name"]?.scalarText, !name.isEmpty,
                  map["url"]?.scalarText != nil || map["page"]?.scalarText != nil else {
                diagnostics.error(at: location, "'menu' entry \(index + 1) needs a name and a url or a page")
                continue
            }
            var weight = (index + 1) * 10
            if let written = map["weight"] {
                guard case .integer(let number) = written else {
                    diagnostics.error(at: location, "'menu' entry \(index + 1): weight must be a whole number")
                    continue
                }
                weight = number
            }
            items.append(MenuItem(name: name, url: map["url"]?.scalarText, page: map["page"]?.scalarText, weight: weight))
        }
        return items
    }
}

/// The comment widget of `site.yml`:
/// `comments: {provider: giscus, repo: me/blog, repo_id: …, category: …, category_id: …}` or
/// `comments: {provider: utterances, repo: me/blog}`.
public struct CommentSettings: Sendable, Hashable {
    public enum Provider: String, Sendable, CaseIterable { case giscus, utterances }

    public var provider: Provider
    /// Every other key of the mapping, handed to the theme's comments partial.
    public var settings: [String: String]

    /// The settings written at `location`, or nil and what is wrong with them.
    static func parse(_ value: FrontMatterValue, at location: SourceLocation, into diagnostics: inout Diagnostics) -> CommentSettings? {
        guard case .map(let map) = value else {
            diagnostics.error(at: location, "'comments' must be a mapping with a 'provider' (giscus or utterances)")
            return nil
        }
        guard let name = map["provider"]?.scalarText, let provider = Provider(rawValue: name.lowercased()) else {
            diagnostics.error(at: location, "'comments' needs 'provider: giscus' or 'provider: utterances'")
            return nil
        }
        var settings: [String: String] = [:]
        for (key, value) in map where key != "provider" { settings[key] = value.scalarText }
        guard settings["repo"] != nil else {
            diagnostics.error(at: location, "'comments' needs 'repo: owner/name' for \(provider.rawValue)")
            return nil
        }
        return CommentSettings(provider: provider, settings: settings)
    }
}

/// Reads `site.yml` of the site at `root`: the settings (defaults where the file is missing or
/// wrong) and every problem found, located. The load phase and the commands that need a setting
/// but not the site read it here.
public enum SiteConfigFile {
    public static func read(root: URL, into diagnostics: inout Diagnostics) -> SiteConfig {
        let url = root.appendingPathComponent("site.yml")
        guard FileManager.default.fileExists(atPath: url.path),
              let text = ContentLoader.readText(url, path: "site.yml", into: &diagnostics) else { return SiteConfig() }
        return SiteConfig.decode(yaml: text, path: "site.yml", into: &diagnostics)
    }
}

/// One rule of `defaults:` as Jekyll writes it: `{scope: {path: posts, type: posts}, values: {…}}`.
/// `path` is a folder under `content/` ("" for all); `type` is `posts`, `retrospectives` or `pages`.
public struct FrontMatterDefault: Sendable, Hashable {
    public var path: String
    public var type: String?
    public var values: [String: FrontMatterValue]

    public init(path: String, type: String? = nil, values: [String: FrontMatterValue]) {
        self.path = path
        self.type = type
        self.values = values
    }

    /// Whether it covers the document at `relativePath` (under `content/`).
    public func covers(_ relativePath: String) -> Bool {
        let folder = path.split(separator: "/").joined(separator: "/")
        guard folder.isEmpty || relativePath == folder || relativePath.hasPrefix(folder + "/") else { return false }
        guard let type else { return true }
        let top = relativePath.split(separator: "/").first.map(String.init) ?? ""
        switch type {
        case "posts": return top == "posts" && relativePath.contains("/")
        case "retrospectives": return top == "retrospectives" && relativePath.contains("/")
        case "pages": return !["posts", "retrospectives"].contains(top) || !relativePath.contains("/")
        default: return false
        }
    }

    static func rules(_ value: FrontMatterValue, at location: SourceLocation, into diagnostics: inout Diagnostics) -> [FrontMatterDefault] {
        guard case .list(let items) = value else {
            diagnostics.error(at: location, "'defaults' must be a list of {scope: {path: …}, values: {…}}")
            return []
        }
        var rules: [FrontMatterDefault] = []
        for item in items {
            guard case .map(let rule) = item, case .map(let values)? = rule["values"] else {
                diagnostics.error(at: location, "each of 'defaults' needs 'values:', a mapping of front matter")
                continue
            }
            var path = ""
            var type: String?
            if case .map(let scope)? = rule["scope"] {
                path = scope["path"]?.scalarText ?? ""
                type = scope["type"]?.scalarText
            }
            rules.append(FrontMatterDefault(path: path, type: type, values: values))
        }
        // The closest folder speaks first: a document takes each key from the most specific rule that has it.
        return rules.sorted { $0.path.count > $1.path.count }
    }
}
