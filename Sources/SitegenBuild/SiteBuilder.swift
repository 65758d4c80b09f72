import Foundation
import SitegenContent
import SitegenCore
import SitegenMarkdown
import SitegenTemplates

/// What to build, and where.
public struct BuildOptions: Sendable {
    /// The site root: the folder with `content/`, and maybe `site.yml` and `themes/`.
    public var root: URL
    public var output: URL
    public var includeDrafts: Bool
    /// Overrides `base_url` of `site.yml`.
    public var baseURL: String?
    /// Build documents dated after `now` too (Hugo's `--buildFuture`); without it they wait for their day.
    public var includeFuture: Bool
    public var now: Date

    public init(root: URL, output: URL, includeDrafts: Bool = false, baseURL: String? = nil, includeFuture: Bool = false, now: Date = Date()) {
        self.root = root
        self.output = output
        self.includeDrafts = includeDrafts
        self.baseURL = baseURL
        self.includeFuture = includeFuture
        self.now = now
    }

    /// Whether a document is built: not a draft (unless drafts are asked for), not dated after now
    /// in the site's time zone (unless the future is asked for).
    func builds(_ document: SourceDocument, utcOffset: Int) -> Bool {
        (includeDrafts || !document.isDraft) && (includeFuture || !isFuture(document, utcOffset: utcOffset))
    }

    func isFuture(_ document: SourceDocument, utcOffset: Int) -> Bool {
        guard let date = document.date else { return false }
        return date.secondsSinceEpoch(defaultOffset: utcOffset) > Int64(now.timeIntervalSince1970)
    }
}

/// What a finished build tells the writer.
public struct BuildReport: Sendable {
    /// HTML pages written.
    public var pageCount: Int
    /// All files written, pages included.
    public var fileCount: Int
    public var warnings: [Diagnostic]
    /// Documents dated after now, left out (`--future` builds them).
    public var heldBack = 0
    /// The site's `language`, for what the commands say about it (`SiteMessages`).
    public var language = ""
    /// How long each phase of `generate` took, in order.
    public var phases: [(name: String, seconds: Double)] = []
}

/// Times the phases of a build, one lap each.
struct PhaseClock {
    private var last = ContinuousClock.now
    private(set) var phases: [(name: String, seconds: Double)] = []

    mutating func lap(_ name: String) {
        let now = ContinuousClock.now
        phases.append((name, (now - last).seconds))
        last = now
    }
}

/// Builds a site in named phases: load → render Markdown → assemble → render pages → write.
/// Only the first and the last touch the disk.
public enum SiteBuilder {
    /// Builds the site into `options.output`, writing each file as it is made.
    public static func build(_ options: BuildOptions) async throws(BuildFailure) -> BuildReport {
        let staging = try OutputWriter.Staging(replacing: OutputWriter.place(options.output, root: options.root))
        do {
            let generation = try await generate(options, writingTo: staging)
            var report = generation.report
            Teardown.inBackground(generation)
            let started = ContinuousClock.now
            try staging.commit()
            report.phases.append(("swap", (ContinuousClock.now - started).seconds))
            return report
        } catch {
            staging.discard()
            throw error
        }
    }

    /// Load: `site.yml`, `content/` and the theme.
    static func load(_ options: BuildOptions, reusing cache: LoadCache = LoadCache(),
                     into diagnostics: inout Diagnostics) async throws(BuildFailure) -> (SiteSource, Theme) {
        var source = try await ContentLoader.load(root: options.root, reusing: cache, into: &diagnostics)
        if let baseURL = options.baseURL {
            switch BaseURL.normalize(baseURL, allowingPath: false) {
            case .success(let url): source.config.baseURL = url
            case .failure(let problem):
                diagnostics.error(at: .whole("--base-url"), problem.description)
                throw BuildFailure(diagnostics.all)
            }
        }
        let theme = try ThemeLoader.load(name: source.config.theme, siteRoot: options.root,
                                         requestedAt: source.config.themeLocation, into: &diagnostics)
        return (source, theme)
    }

    /// How one document's Markdown is rendered on this site.
    /// A page's own `math:` (or Jekyll's `use_math:`) when it says; else the site's `math:`, where
    /// `auto` means: when the body has math.
    static func loadsMath(_ document: SourceDocument, config: SiteConfig, rendered hasMath: Bool) -> Bool {
        if let own = document.frontMatter["math"]?.flag ?? document.frontMatter["use_math"]?.flag { return own }
        switch config.math {
        case .always: return true
        case .never: return false
        case .auto: return hasMath
        }
    }

    /// The theme's words the Markdown stage writes or reads, for the site's language: the titles of
    /// GitHub alerts (`alert_note` …), the heading of last time's goals (`previous_goals`) and the
    /// label of a footnote's way back (`footnote_back`).
    static func markdownWords(_ theme: Theme, language: String) -> [String: String] {
        theme.labels(for: language).filter { $0.key.hasPrefix("alert_") || $0.key == "previous_goals" || $0.key == "footnote_back" }
    }

    static func markdownOptions(_ document: SourceDocument, config: SiteConfig, targets: LinkTargets?,
                                words: [String: String] = [:], includes: [String: String] = [:]) -> MarkdownOptions {
        var options = MarkdownOptions(
            frontMatterTitle: document.title,
            fileTitle: document.fileTitle,
            excerptSeparator: document.frontMatter["excerpt_separator"]?.scalarText ?? config.excerptSeparator,
            tocLevels: document.showsTOC ? document.tocLevels ?? config.tocLevels : nil,
            path: document.path, bodyFirstLine: document.bodyFirstLine, folder: document.folder,
            linkTargets: targets,
            pageHref: URLPath.encode(config.basePath + Permalinks.url(of: document, config: config)),
            goalHeadings: document.kind == .retrospective ? config.goalHeadings : [])
        options.allowsRawHTML = config.unsafeHTML
        // Math is recognised unless the page or the site turns it off (a page's `math: true` turns it back on).
        options.math = document.frontMatter["math"]?.flag ?? (config.math != .never)
        options.highlightsCode = config.highlight
        var titles: [String: String] = [:]
        for kind in ["note", "tip", "important", "warning", "caution"] { titles[kind] = words["alert_" + kind] }
        options.alertTitles = titles
        options.footnoteBackLabel = words["footnote_back"]
        // A retrospective's section of last time's goals (as `new retro` writes it) feeds the theme's box.
        if document.kind == .retrospective { options.previousGoalsHeading = words["previous_goals"] }
        if config.liquid { options.liquid = liquidContext(document, config: config, includes: includes) }
        if config.shortcodes { options.shortcodes = liquidContext(document, config: config) }
        return options
    }

    /// `site.*` and `page.*` as a Jekyll post's Liquid reads them.
    static func liquidContext(_ document: SourceDocument, config: SiteConfig, includes: [String: String] = [:]) -> LiquidContext {
        var page: [String: String] = [:]
        for (key, value) in document.frontMatter.values { page[key] = value.scalarText }
        page["title"] = document.title ?? document.fileTitle
        page["url"] = Permalinks.url(of: document, config: config)
        if let date = document.date { page["date"] = date.rfc3339(defaultOffset: config.utcOffset) }
        var site = ["url": config.origin, "baseurl": config.basePath, "title": config.title, "description": config.description,
                    "author": config.author, "lang": config.language]
        for (key, value) in config.params { site["params." + key] = value.scalarText }
        return LiquidContext(site: site, page: page, includes: includes)
    }

    /// Where relative links may land: every document that is built, by its path under `content/`, and every other file.
    static func linkTargets(_ documents: [SourceDocument], source: SiteSource) -> LinkTargets {
        let pages = documents.map { (String($0.path.dropFirst("content/".count)), Permalinks.url(of: $0, config: source.config)) }
        var targets = LinkTargets(documents: Dictionary(pages, uniquingKeysWith: { first, _ in first }),
                                  files: Set(source.assets.map(\.relativePath)), basePath: source.config.basePath)
        targets.origin = source.config.origin
        return targets
    }

    /// The theme's static files and the content's own files, added to the rendered pages.
    static func addFiles(_ pages: [OutputFile], theme: Theme, assets: [Asset], into diagnostics: inout Diagnostics) throws(BuildFailure) -> [OutputFile] {
        var files = pages
        var taken = Set(files.map(\.path))
        for asset in assets {
            if taken.insert(asset.relativePath).inserted {
                files.append(OutputFile(path: asset.relativePath, contents: .copy(of: asset.source)))
            } else {
                diagnostics.add(.error(at: .whole("content/" + asset.relativePath),
                                          "this file would overwrite the generated page \(asset.relativePath)"))
            }
        }
        for file in theme.staticFiles where taken.insert(file.path).inserted {
            switch file.source {
            case .bytes(let bytes): files.append(OutputFile(path: file.path, contents: .bytes(bytes)))
            case .file(let url): files.append(OutputFile(path: file.path, contents: .copy(of: url)))
            }
        }
        try diagnostics.stopIfErrors()
        return files.sorted { $0.path < $1.path }
    }

    /// A file may not stand where another file needs its folder (`permalink: /robots.txt` against
    /// the generated `robots.txt`). Checked before anything is written, at the line that chose the path.
    static func checkFolderClashes(jobs: [RenderPages.Job], paths: [String], site: Site, theme: Theme, assets: [Asset],
                                   into diagnostics: inout Diagnostics) throws(BuildFailure) {
        // Who writes each path, told only for a clash: where a document's URL comes from takes a look into its front matter.
        var documents: [String: Int] = [:]
        for (job, path) in zip(jobs, paths) {
            if case .document(let index) = job.subject { documents[path] = index }
        }
        let assetPaths = Set(assets.map(\.relativePath))
        func owner(_ path: String) -> SourceLocation? {
            if let index = documents[path] { return Assemble.urlLocation(of: site.documents[index].source) }
            return assetPaths.contains(path) ? .whole("content/" + path) : nil
        }
        let all = Set(paths).union(assetPaths).union(theme.staticFiles.map(\.path))
        folderClashes(all, owner: owner, into: &diagnostics)
        try diagnostics.stopIfErrors()
    }

    /// Output paths that need a folder where another output file is.
    static func folderClashes(_ paths: Set<String>, owner: (String) -> SourceLocation?, into diagnostics: inout Diagnostics) {
        var clashes: [(path: String, file: String)] = []
        for path in paths {
            var folder = Substring(path)
            while let slash = folder.lastIndex(of: "/") {
                folder = folder[..<slash]
                guard paths.contains(String(folder)) else { continue }
                clashes.append((path, String(folder)))
                break
            }
        }
        for (path, file) in clashes.sorted(by: { $0.path < $1.path }) {
            if let location = owner(path) {
                diagnostics.add(.error(at: location, "this document's page \(path) needs a folder \(file)/, but the site writes a file \(file) there: choose another 'permalink' or 'slug'"))
            } else {
                diagnostics.add(.error(at: owner(file) ?? .whole(file), "this file stands where the site needs a folder for \(path)"))
            }
        }
    }
}
