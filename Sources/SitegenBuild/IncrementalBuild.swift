import Foundation
import SitegenContent
import SitegenCore
import SitegenMarkdown
import SitegenTemplates

/// What one generation keeps for the next: files read, bodies rendered, pages made. Only valid
/// within the process that made it (fingerprints use the process's hash seed).
public struct BuildCache: Sendable {
    var load = LoadCache()
    var rendered: SiteBuilder.RenderCache = [:]
    var pages: [String: (fingerprint: Int, file: OutputFile)] = [:]
    /// The site model, theme and link targets of the generation, for `quickPages`.
    var last: LastSite?
    /// Each document's entry of the search index, by its path, with the digest it was made from.
    var searchEntries: [String: (digest: Int, bytes: [UInt8])] = [:]

    public init() {}
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
}

/// A site made in memory.
public struct Generation: Sendable {
    /// Every output file, sorted by path.
    public var files: [OutputFile]
    public var report: BuildReport
    /// Hand this to the next `generate` to redo only what changed.
    public var cache: BuildCache
    /// How many documents' Markdown was rendered, and how many pages were made (through a template, or encoded), this time.
    public var renderedDocuments: Int
    public var renderedPages: Int
    /// Output paths whose bytes differ from the previous generation (all of them the first time).
    public var changedPaths: Set<String>
    /// The source file of each document page: output path → `content/…` path.
    public var sources: [String: String]
    /// The site's base path, `/blog` or "".
    public var basePath: String
}

extension SiteBuilder {
    /// Makes the site in memory, reusing from `cache` whatever the change did not touch. Given a
    /// staging folder, every file is written into it as soon as it is made and is kept as `.written`,
    /// without its bytes: a build then never holds the whole site in memory.
    public static func generate(_ options: BuildOptions, cache previous: BuildCache = BuildCache(),
                                writingTo staging: OutputWriter.Staging? = nil) async throws(BuildFailure) -> Generation {
        var clock = PhaseClock()
        let (source, theme) = try await load(options, reusing: previous.load)
        clock.lap("load")
        let (rendered, renderedCache, renderedCount, linkTargets) = await renderMarkdown(
            source, includeDrafts: options.includeDrafts, cache: previous.rendered, lastTargets: previous.last?.targets)
        clock.lap("markdown")
        // A document past the Markdown stage's limits is an error, not a page with a warning.
        if rendered.contains(where: { $0.1.diagnostics.hasErrors }) {
            throw BuildFailure(source.warnings + rendered.flatMap(\.1.diagnostics))
        }
        let site = try Assemble.site(config: source.config, documents: rendered)
        clock.lap("assemble")

        // Render pages: only those whose fingerprint moved. A build that writes as it goes keeps no
        // pages for a next time, so it makes every page and fingerprints none.
        let jobs = try RenderPages.jobs(for: site, theme: theme)
        let paths = jobs.map { RenderPages.outputPath(of: $0.url) }
        try checkFolderClashes(jobs: jobs, paths: paths, site: site, theme: theme, assets: source.assets)
        let keepsPages = staging == nil
        let digests = keepsPages ? PageDigests(site: site) : nil
        let fingerprints = digests.map { digests in
            jobs.map { digests.fingerprint(of: $0, template: theme.digests[$0.template] ?? 0, site: site) }
        } ?? Array(repeating: 0, count: jobs.count)
        // The site-wide pages (archive, timeline, feeds, search index, sitemap) are each one long job:
        // made first, so that no core is left waiting on one of them at the end.
        let stale = jobs.indices.filter { !keepsPages || previous.pages[paths[$0]]?.fingerprint != fingerprints[$0] }
            .sorted { (jobs[$0].subject.isSiteWide ? 0 : 1, $0) < (jobs[$1].subject.isSiteWide ? 0 : 1, $1) }
        let context = stale.count > site.documents.count / 4 ? await PageContext.summarizing(site, theme: theme) : PageContext(site: site, theme: theme)
        // A build that keeps nothing writes the search index in one go; `serve` keeps each document's entry.
        var searchEntries: [(digest: Int, bytes: [UInt8])] = []
        if let digests { searchEntries = await Self.searchEntries(site, digests: digests, cache: previous.searchEntries) }
        let searchBytes = keepsPages ? searchEntries.map(\.bytes) : nil
        let fresh: [OutputFile]
        do {
            fresh = try await stale.parallelMap { index -> OutputFile in
                let bytes: [UInt8]
                switch RenderPages.input(for: jobs[index], site: site, context: context, searchEntries: searchBytes) {
                case .bytes(let encoded):
                    bytes = encoded
                case .template(let template, let values):
                    bytes = Array((theme.render(template, context: values) ?? "").utf8)
                }
                let file = OutputFile(path: paths[index], contents: .bytes(bytes))
                guard let staging else { return file }
                try staging.write(file)
                return OutputFile(path: paths[index], contents: .written)
            }
        } catch {
            throw BuildFailure.from(error, at: .whole(options.output.path), "cannot write the site")
        }
        // Pages that are not stale have the same fingerprint as in `previous`, so they are there.
        var made = jobs.indices.map { index in (previous.pages[paths[index]]?.file ?? OutputFile(path: paths[index], contents: .written), fingerprints[index], false) }
        for (index, file) in zip(stale, fresh) { made[index] = (file, fingerprints[index], true) }
        var pages: [String: (fingerprint: Int, file: OutputFile)] = [:]
        var changed = Set<String>()
        for (file, fingerprint, _) in made {
            if previous.pages[file.path]?.fingerprint != fingerprint { changed.insert(file.path) }
            pages[file.path] = (fingerprint, file)
        }
        clock.lap("pages")
        var files = try addFiles(made.map(\.0), theme: theme, assets: source.assets)
        if let staging {
            do {
                files = try await files.parallelMap { file in
                    if case .written = file.contents { return file }
                    try staging.write(file)
                    return OutputFile(path: file.path, contents: .written)
                }
            } catch {
                throw BuildFailure.from(error, at: .whole(options.output.path), "cannot write the site")
            }
        }
        for file in files where pages[file.path] == nil {
            // Theme static files and the content's own files: copied, never rendered; tracked to tell what changed.
            let fingerprint = fingerprint(of: file)
            if previous.pages[file.path]?.fingerprint != fingerprint { changed.insert(file.path) }
            pages[file.path] = (fingerprint, file)
        }
        let warnings = (source.warnings + rendered.flatMap(\.1.diagnostics) + site.warnings).sorted()
        clock.lap("files")
        let report = BuildReport(pageCount: files.count { $0.path.hasSuffix(".html") }, fileCount: files.count, warnings: warnings,
                                 phases: clock.phases)
        var cache = BuildCache()
        cache.load = source.cache
        cache.rendered = renderedCache
        // A build that wrote its files as it went keeps no pages: there are no bytes to reuse.
        if keepsPages {
            cache.pages = pages
            cache.last = LastSite(site: site, theme: theme, targets: linkTargets, options: options)
            for (document, entry) in zip(site.documents, searchEntries) { cache.searchEntries[document.source.path] = entry }
        }
        var sources: [String: String] = [:]
        for (job, path) in zip(jobs, paths) {
            if case .document(let index) = job.subject { sources[path] = site.documents[index].source.path }
        }
        return Generation(files: files, report: report, cache: cache, renderedDocuments: renderedCount,
                          renderedPages: made.count { $0.2 }, changedPaths: changed, sources: sources, basePath: source.config.basePath)
    }

    /// Every document's entry of the search index, made again only where the document or the site changed.
    static func searchEntries(_ site: Site, digests: PageDigests,
                              cache: [String: (digest: Int, bytes: [UInt8])]) async -> [(digest: Int, bytes: [UInt8])] {
        let keyed = site.documents.indices.map { index in
            var hasher = Hasher()
            hasher.combine(digests.site)
            hasher.combine(digests.documents[index])
            return (index, hasher.finalize())
        }
        return await keyed.parallelMap { index, digest in
            if let cached = cache[site.documents[index].source.path], cached.digest == digest { return cached }
            return (digest, Feeds.searchEntry(site.documents[index], site: site))
        }
    }

    typealias RenderCache = [String: (key: RenderKey, rendered: Rendered)]

    /// Render Markdown: every document not in `cache`, changed since, or whose relative links now
    /// land elsewhere. Returns the documents with their renderings, the new cache, and how many were rendered.
    static func renderMarkdown(_ source: SiteSource, includeDrafts: Bool, cache previous: RenderCache,
                               lastTargets: LinkTargets? = nil) async -> ([(SourceDocument, Rendered)], RenderCache, Int, LinkTargets) {
        let documents = source.documents.filter { includeDrafts || !$0.isDraft }
        let targets = linkTargets(documents, source: source)
        let sameTargets = targets == lastTargets
        let keyed = documents.map { document in (document, renderKey(document, config: source.config)) }
        let stale = keyed.filter { document, key in
            guard let cached = previous[document.path], cached.key == key else { return true }
            return !sameTargets && cached.rendered.resolvedLinks.contains { targets.resolve($0.url, from: document.folder) != $0.resolution }
        }
        let fresh = await stale.parallelMap { document, _ in
            MarkdownRenderer.render(document.body, options: markdownOptions(document, config: source.config, targets: targets))
        }
        var cache: RenderCache = [:]
        for (document, _) in keyed { cache[document.path] = previous[document.path] }
        for ((document, key), rendered) in zip(stale, fresh) { cache[document.path] = (key, rendered) }
        let rendered = keyed.compactMap { document, _ in cache[document.path].map { (document, $0.rendered) } }
        return (rendered, cache, stale.count, targets)
    }

    static func renderKey(_ document: SourceDocument, config: SiteConfig) -> RenderKey {
        let options = markdownOptions(document, config: config, targets: nil)
        return RenderKey(document: document.digest, excerptSeparator: options.excerptSeparator, tocLevels: options.tocLevels,
                         pageHref: options.pageHref ?? "", goalHeadings: options.goalHeadings, allowsRawHTML: options.allowsRawHTML)
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
