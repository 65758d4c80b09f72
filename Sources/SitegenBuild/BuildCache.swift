import Foundation
import SitegenContent
import SitegenCore
import SitegenMarkdown
import SitegenTemplates

/// What one generation keeps for the next (`serve`): files read, bodies rendered, pages made, each
/// under a digest of what it was made from. The pipeline asks it before making anything; it never
/// decides what a phase does. Only valid within the process that made it (digests use the process's hash seed).
public struct BuildCache: Sendable {
    var load = LoadCache()
    var markdown: [String: (key: RenderKey, rendered: Rendered)] = [:]
    /// A digest of what every render key is made from besides the document (site settings, the
    /// theme's words, Liquid includes): while it holds, a document's key is as it was.
    var markdownSettings: Int?
    var targets: LinkTargets?
    var pages: [String: (fingerprint: Int, file: OutputFile)] = [:]
    /// The files made with a page (the search index's shards and entries), by the page's path.
    var extra: [String: [OutputFile]] = [:]
    /// The site model, theme and link targets of the generation, for `quickPages`.
    var last: LastSite?
    /// Each document's entry of the search index, by its path, with the digest it was made from.
    var searchEntries: [String: (digest: Int, bytes: [UInt8])] = [:]
    /// Each document's grams in the search index, by its path, with the digest they were read from.
    var searchGrams: [String: SearchIndex.DocumentGrams] = [:]
    /// Highlighted code blocks, by language and code, across generations.
    var highlights = HighlightCache()
    /// The pages as jobs with what each read, for `patch`.
    var patchBase: PatchBase?

    public init() {}

    /// The cache for the generation after the one just made, and which output paths changed since this one.
    func next(source: SiteSource, markdown: MarkdownMemo.Result, site: Site, theme: Theme, pages: [SiteBuilder.MadePage],
              files: [OutputFile], searchEntries: [String: (digest: Int, bytes: [UInt8])],
              searchGrams: [String: SearchIndex.DocumentGrams], options: BuildOptions, patchBase: PatchBase?) -> (cache: BuildCache, changed: Set<String>) {
        var cache = BuildCache()
        cache.load = source.cache
        cache.markdown = markdown.cache
        cache.markdownSettings = markdown.settings
        cache.targets = markdown.targets
        cache.last = LastSite(site: site, theme: theme, targets: markdown.targets, options: options, includes: source.includes)
        cache.searchEntries = searchEntries
        cache.searchGrams = searchGrams
        cache.highlights = highlights
        cache.patchBase = patchBase
        var changed = Set<String>()
        for page in pages {
            let fingerprint = page.fingerprint ?? Self.fingerprint(of: page.file)
            cache.pages[page.file.path] = (fingerprint, page.file)
            guard !page.extra.isEmpty else { continue }
            cache.extra[page.file.path] = page.extra
            for file in page.extra { cache.pages[file.path] = (Self.fingerprint(of: file, madeWith: fingerprint), file) }
        }
        for file in files where cache.pages[file.path] == nil {
            // Theme static files and the content's own files: copied, never rendered; tracked to tell what changed.
            cache.pages[file.path] = (Self.fingerprint(of: file), file)
        }
        for (path, page) in cache.pages where self.pages[path]?.fingerprint != page.fingerprint { changed.insert(path) }
        return (cache, changed)
    }

    /// A file made with a page (the search index's shards and entries beside its `meta.json`): made
    /// together, they change together, each told apart by its path.
    static func fingerprint(of file: OutputFile, madeWith page: Int) -> Int {
        var hasher = Hasher()
        hasher.combine(page)
        hasher.combineUTF8(file.path)
        return hasher.finalize()
    }

    /// Bytes by their digest; a copied file by its path, modification time and size.
    static func fingerprint(of file: OutputFile) -> Int {
        var hasher = Hasher()
        switch file.contents {
        case .bytes(let bytes):
            bytes.withUnsafeBytes { hasher.combine(bytes: $0) }
        case .written:
            hasher.combineUTF8(file.path)
        case .copy(let url):
            let values = try? url.resourceValues(forKeys: [.contentModificationDateKey, .fileSizeKey])
            hasher.combine(url)
            hasher.combine(values?.contentModificationDate)
            hasher.combine(values?.fileSize)
        }
        return hasher.finalize()
    }
}

/// Everything a document's rendering depends on.
struct RenderKey: Hashable {
    /// The document's file (`SourceDocument.digest`): all of the document is a function of it.
    var document: Int
    var excerptSeparator: String
    var tocLevels: ClosedRange<Int>?
    var pageHref: String
    var goalHeadings: [String]
    var allowsRawHTML: Bool
    var liquid: LiquidContext?
    var shortcodes: LiquidContext?
    var math: Bool
    var highlightsCode: Bool
    var alertTitles: [String: String]
    var previousGoalsHeading: String?
    var footnoteBackLabel: String?

    init(_ document: SourceDocument, config: SiteConfig, words: [String: String], includes: [String: String]) {
        let options = SiteBuilder.markdownOptions(document, config: config, targets: nil, words: words, includes: includes)
        self.document = document.digest
        excerptSeparator = options.excerptSeparator
        tocLevels = options.tocLevels
        pageHref = options.pageHref ?? ""
        goalHeadings = options.goalHeadings
        allowsRawHTML = options.allowsRawHTML
        liquid = options.liquid
        shortcodes = options.shortcodes
        math = options.math
        highlightsCode = options.highlightsCode
        alertTitles = options.alertTitles
        previousGoalsHeading = options.previousGoalsHeading
        footnoteBackLabel = options.footnoteBackLabel
    }
}

/// The Markdown phase's side of the cache: a document is rendered again only when its render key
/// moved, or when one of its relative links would now land elsewhere.
struct MarkdownMemo: Sendable {
    var previous: [String: (key: RenderKey, rendered: Rendered)]
    var lastTargets: LinkTargets?
    var lastSettings: Int?
    let highlights: HighlightCache

    init(_ cache: BuildCache) {
        previous = cache.markdown
        lastTargets = cache.targets
        lastSettings = cache.markdownSettings
        highlights = cache.highlights
    }

    /// The documents with their renderings, how many were rendered, and what to keep.
    struct Result: Sendable {
        var documents: [(SourceDocument, Rendered)]
        var renderedCount: Int
        var targets: LinkTargets
        var cache: [String: (key: RenderKey, rendered: Rendered)] = [:]
        var settings: Int?
        /// The sizes of the site's images, as the renderings measured them.
        var images = ImageSizes(files: [:])
    }

    static func settings(config: SiteConfig, words: [String: String], includes: [String: String]) -> Int {
        var hasher = Hasher()
        hasher.combine(config)
        hasher.combine(words)
        hasher.combine(includes)
        return hasher.finalize()
    }

    func render(_ documents: [SourceDocument], config: SiteConfig, words: [String: String], includes: [String: String],
                targets: LinkTargets, images: ImageSizes, render: @escaping @Sendable (SourceDocument) -> Rendered) async -> Result {
        let sameTargets = targets == lastTargets
        // Keyed and compared on all cores: a key holds the document's options, compared field by field.
        let previous = self.previous
        let settings = Self.settings(config: config, words: words, includes: includes)
        let sameSettings = settings == lastSettings
        let checked = await documents.parallelMap { document -> (SourceDocument, RenderKey, Bool) in
            // A key is a function of the document and the settings: while both hold, it is the one kept.
            let kept = previous[document.path].flatMap { sameSettings && $0.key.document == document.digest ? $0.key : nil }
            let key = kept ?? RenderKey(document, config: config, words: words, includes: includes)
            guard let cached = previous[document.path], cached.key == key else { return (document, key, true) }
            // An image file the page shows was replaced by one of another size.
            if cached.rendered.measuredImages.contains(where: { images.size(of: $0.key) != $0.value }) { return (document, key, true) }
            let moved = !sameTargets && (cached.rendered.refersToSiteURLs
                || cached.rendered.resolvedLinks.contains { targets.resolve($0.url, from: document.folder) != $0.resolution })
            return (document, key, moved)
        }
        let keyed = checked.map { ($0.0, $0.1) }
        let stale = checked.filter(\.2).map { ($0.0, $0.1) }
        // Kept renderings carry their digest, which page fingerprints hash in place of the HTML.
        let fresh = await stale.parallelMap { document, _ in render(document).withDigest() }
        var cache: [String: (key: RenderKey, rendered: Rendered)] = [:]
        for (document, _) in keyed { cache[document.path] = previous[document.path] }
        for ((document, key), rendered) in zip(stale, fresh) { cache[document.path] = (key, rendered) }
        let rendered = keyed.compactMap { document, _ in cache[document.path].map { (document, $0.rendered) } }
        return Result(documents: rendered, renderedCount: stale.count, targets: targets, cache: cache, settings: settings)
    }
}

/// The page phase's side of the cache. A page's fingerprint is the digest of its template (with
/// its partials and parents) and of the typed values it is rendered from, read field by field as
/// a template reads them (`TemplateObject.fingerprint`): no list of what pages depend on is kept by hand.
struct PageMemo: Sendable {
    var previous: [String: (fingerprint: Int, file: OutputFile)]
    var previousSearchEntries: [String: (digest: Int, bytes: [UInt8])]
    var previousExtra: [String: [OutputFile]]
    var previousGrams: [String: SearchIndex.DocumentGrams]

    init(_ cache: BuildCache) {
        previous = cache.pages
        previousExtra = cache.extra
        previousGrams = cache.searchGrams
        previousSearchEntries = cache.searchEntries
    }

    static func fingerprint(of input: RenderPages.Input, template: Int, searchKey: Int?) -> Int {
        var hasher = Hasher()
        switch input {
        case .template(let name, let values):
            hasher.combine(template)
            hasher.combineUTF8(name)
            values.fingerprint(into: &hasher)
        case .bytes(let bytes):
            bytes.withUnsafeBytes { hasher.combine(bytes: $0) }
        case .searchIndex:
            hasher.combine(searchKey)
        }
        return hasher.finalize()
    }

    /// The file made last time at `path`, if it was made from the same.
    func page(at path: String, fingerprint: Int) -> OutputFile? {
        guard let page = previous[path], page.fingerprint == fingerprint else { return nil }
        return page.file
    }

    /// Every document's entry of the search index, made again only where what it shows changed:
    /// keyed by the document's file and its summary values (title, URL, date, tags).
    func searchEntries(_ site: Site, context: PageContext) async -> SearchEntries {
        let made = await Array(site.documents.indices).parallelMap { index -> (digest: Int, bytes: [UInt8]) in
            let document = site.documents[index]
            let digest = Self.searchEntryDigest(document, summary: context.summary(index))
            if let cached = previousSearchEntries[document.source.path], cached.digest == digest { return cached }
            return (digest, Feeds.searchEntry(document, site: site))
        }
        var key = Hasher()
        for entry in made { key.combine(entry.digest) }
        var byPath: [String: (digest: Int, bytes: [UInt8])] = [:]
        for (document, entry) in zip(site.documents, made) { byPath[document.source.path] = entry }
        return SearchEntries(bytes: made.map(\.bytes), key: key.finalize(), byPath: byPath)
    }

    /// What a document's search entry is made from: its file, its rendering and what lists show of it.
    static func searchEntryDigest(_ document: PageDocument, summary: Shared<SummaryValues>) -> Int {
        var hasher = Hasher()
        hasher.combine(document.source.digest)
        hasher.combine(document.rendered.digest)
        summary.fingerprint(into: &hasher)
        return hasher.finalize()
    }

    struct SearchEntries: Sendable {
        /// In site order.
        var bytes: [[UInt8]]
        /// A digest of all of them: the search index's fingerprint.
        var key: Int
        var byPath: [String: (digest: Int, bytes: [UInt8])]
    }
}
