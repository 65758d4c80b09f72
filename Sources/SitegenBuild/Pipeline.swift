import Foundation
import SitegenContent
import SitegenCore
import SitegenMarkdown
import SitegenTemplates

/// A site made in memory.
public struct Generation: Sendable {
    /// Every output file, sorted by path.
    public var files: [OutputFile]
    public var report: BuildReport
    /// Hand this to the next `generate` to redo only what changed (empty when none was given).
    public var cache: BuildCache
    /// How many documents' Markdown was rendered, and how many pages were made (through a template, or encoded), this time.
    public var renderedDocuments: Int
    public var renderedPages: Int
    /// Output paths whose bytes differ from the previous generation (all of them the first time).
    public var changedPaths: Set<String>
    /// Each document page's body, by output path: its source file, its HTML and its links with their lines.
    public var bodies: [String: Body]
    /// The site's base path, `/blog` or "".
    public var basePath: String
}

/// A document page's body as the Markdown stage made it.
public struct Body: Sendable {
    /// `content/…` path.
    public var source: String
    public var html: String
    public var links: [BodyLink]
}

extension SiteBuilder {
    /// The build, phase by phase: load → Markdown → assemble → pages → files, each a function of
    /// what the one before made. Given a cache (`serve`), the load, Markdown and page phases go
    /// through it: it hands back what the last generation made wherever the inputs hash as they did.
    /// Without one (`build`, `check`), nothing is fingerprinted. Given a staging folder, each file is
    /// written there as soon as it is made and kept as `.written`, so the site is never all in memory.
    /// Problems go into one collector that every phase adds to; a phase that meets an error throws
    /// all of them, and the warnings of a finished build are the report's, sorted there.
    public static func generate(_ options: BuildOptions, cache previous: BuildCache? = nil,
                                writingTo staging: OutputWriter.Staging? = nil) async throws(BuildFailure) -> Generation {
        var clock = PhaseClock()
        var diagnostics = Diagnostics()
        var (source, theme) = try await load(options, reusing: previous?.load ?? LoadCache(), into: &diagnostics)
        clock.lap("load")

        let markdown = await renderMarkdown(source, theme: theme, options: options, memo: previous.map(MarkdownMemo.init))
        // Without a cache, the rendered documents are the only ones kept, and without their bodies.
        let heldBack = options.includeFuture ? 0
            : source.documents.count { (options.includeDrafts || !$0.isDraft) && options.isFuture($0, utcOffset: source.config.utcOffset) }
        if previous == nil { source.documents = [] }
        clock.lap("markdown")

        let site = try await assemble(source, rendered: markdown.documents, into: &diagnostics)
        clock.lap("assemble")

        let jobs = try RenderPages.jobs(for: site, theme: theme, into: &diagnostics)
        let paths = jobs.map { RenderPages.outputPath(of: $0.url) }
        try checkFolderClashes(jobs: jobs, paths: paths, site: site, theme: theme, assets: source.assets, into: &diagnostics)
        let (pages, searchEntries, searchGrams, context) = try await makePages(jobs, paths: paths, site: site, theme: theme,
                                                                               memo: previous.map(PageMemo.init), writingTo: staging, output: options.output)
        clock.lap("pages")

        let katex = try MathAssets.files(for: source.config, besides: source.assets, into: &diagnostics)
        let files = try await addFiles(pages.flatMap { [$0.file] + $0.extra } + katex, theme: theme, assets: source.assets, writingTo: staging, output: options.output,
                                       into: &diagnostics)
        clock.lap("files")

        var report = BuildReport(pageCount: files.count { $0.path.hasSuffix(".html") }, fileCount: files.count, warnings: diagnostics.sorted,
                                 phases: clock.phases)
        report.heldBack = heldBack
        report.language = site.config.language
        var bodies: [String: Body] = [:]
        for (job, path) in zip(jobs, paths) {
            guard case .document(let index) = job.subject else { continue }
            let document = site.documents[index]
            bodies[path] = Body(source: document.source.path, html: document.rendered.html, links: document.rendered.links)
        }
        let base = previous.map { _ in
            PatchBase(jobs: jobs, paths: paths, pages: pages, context: context, files: files, report: report, images: markdown.images, bodies: bodies)
        }
        let kept = previous?.next(source: source, markdown: markdown, site: site, theme: theme, pages: pages, files: files,
                                  searchEntries: searchEntries?.byPath ?? [:], searchGrams: searchGrams, options: options, patchBase: base)
        let generation = Generation(files: files, report: report, cache: kept?.cache ?? BuildCache(), renderedDocuments: markdown.renderedCount,
                                    renderedPages: pages.count(where: \.isNew), changedPaths: kept?.changed ?? Set(files.map(\.path)),
                                    bodies: bodies, basePath: source.config.basePath)
        // A build that keeps nothing lets its model go on another thread; `serve` keeps most of it
        // in the cache and trims the heap after each rebuild, so there it goes here as before.
        if previous == nil { Teardown.inBackground((source, markdown, site, pages, context)) }
        return generation
    }

    /// The first three phases alone: the site model and its theme, for what reads a site without
    /// making pages (`new retro` looks for the last goals).
    static func model(_ options: BuildOptions, into diagnostics: inout Diagnostics) async throws(BuildFailure) -> (SiteSource, Site, Theme) {
        let (source, theme) = try await load(options, into: &diagnostics)
        let markdown = await renderMarkdown(source, theme: theme, options: options, memo: nil)
        return (source, try await assemble(source, rendered: markdown.documents, into: &diagnostics), theme)
    }

    /// Markdown: every built document's body, on all cores; through the memo, only those whose
    /// file or options changed, or whose relative links now land elsewhere.
    static func renderMarkdown(_ source: SiteSource, theme: Theme, options: BuildOptions, memo: MarkdownMemo?) async -> MarkdownMemo.Result {
        let documents = source.documents.filter { options.builds($0, utcOffset: source.config.utcOffset) }
        let targets = linkTargets(documents, source: source)
        let titles = markdownWords(theme, language: source.config.language)
        memo?.highlights.nextGeneration()
        let images = ImageSizes(files: Dictionary(source.assets.map { ($0.relativePath, $0.source) }, uniquingKeysWith: { first, _ in first }))
        let render = { @Sendable (document: SourceDocument) in
            renderBody(document, config: source.config, targets: targets, words: titles, includes: source.includes,
                       highlights: memo?.highlights, images: images)
        }
        if let memo {
            var result = await memo.render(documents, config: source.config, words: titles, includes: source.includes, targets: targets,
                                           images: images, render: render)
            result.images = images
            return result
        }
        let rendered = await documents.parallelMap(render)
        // A build that keeps nothing needs a body only to render it; its text, most of a site's bytes, is let go.
        let released = documents.map { document in
            var document = document
            document.body = ""
            return document
        }
        return MarkdownMemo.Result(documents: Array(zip(released, rendered)), renderedCount: documents.count, targets: targets, images: images)
    }

    /// One document's body through the Markdown stage, with the options the site renders it with:
    /// the build's step for every document, and `serve`'s for a saved one.
    static func renderBody(_ document: SourceDocument, config: SiteConfig, targets: LinkTargets, words: [String: String],
                           includes: [String: String], highlights: HighlightCache?, images: ImageSizes?) -> Rendered {
        var options = markdownOptions(document, config: config, targets: targets, words: words, includes: includes)
        options.highlightCache = highlights
        options.imageSizes = images
        return MarkdownRenderer.render(document.body, options: options)
    }

    /// Assemble: the site model. The renderings' problems (made on many cores, each carried by its
    /// rendering) join the collector here; a document past the Markdown stage's limits is an error,
    /// not a page with a warning.
    static func assemble(_ source: SiteSource, rendered: [(SourceDocument, Rendered)],
                         into diagnostics: inout Diagnostics) async throws(BuildFailure) -> Site {
        for (_, rendering) in rendered { diagnostics += rendering.diagnostics }
        try diagnostics.stopIfErrors()
        return try await Assemble.site(config: source.config, documents: rendered, into: &diagnostics)
    }

    /// A page of the site, new or reused.
    struct MadePage: Sendable {
        var file: OutputFile
        /// What its values hashed to, when fingerprinted.
        var fingerprint: Int?
        var isNew: Bool
        /// The files made with it: the search index's shards and entries beside its `meta.json`.
        var extra: [OutputFile] = []
        /// The documents its values read (`serve` only), ascending.
        var reads: [Int32] = []
    }

    /// Pages: each job's values through its template (or, for the JSON outputs, its bytes), on all
    /// cores, written as they are made when there is a staging folder. Through the memo, a page
    /// whose template and values hash as before is not made again.
    static func makePages(_ jobs: [RenderPages.Job], paths: [String], site: Site, theme: Theme, memo: PageMemo?,
                          writingTo staging: OutputWriter.Staging?, output: URL) async throws(BuildFailure)
        -> ([MadePage], PageMemo.SearchEntries?, [String: SearchIndex.DocumentGrams], PageContext) {
        let context = await PageContext.summarizing(site, theme: theme)
        let searchEntries = await memo?.searchEntries(site, context: context)
        // The site-wide pages (archive, timeline, feeds, search index, sitemap) are each one long job:
        // made first, so that no core is left waiting on one of them at the end.
        let searchJob = jobs.firstIndex { $0.subject == .searchIndex }
        let order = jobs.indices.filter { $0 != searchJob }
            .sorted { (jobs[$0].subject.isSiteWide ? 0 : 1, $0) < (jobs[$1].subject.isSiteWide ? 0 : 1, $1) }
        var made: [(Int, MadePage)]
        var searchGrams: [String: SearchIndex.DocumentGrams] = [:]
        do {
            made = try await order.parallelMap { index -> (Int, MadePage) in
                // Kept for the next rebuild: which documents this page shows (see `patch`).
                var context = context
                context.reads = memo == nil ? nil : DocumentReads()
                let input = RenderPages.input(for: jobs[index], site: site, context: context, searchEntries: searchEntries?.bytes)
                let fingerprint = memo.map { _ in PageMemo.fingerprint(of: input, template: theme.digests[jobs[index].template] ?? 0,
                                                            searchKey: searchEntries?.key) }
                var page: MadePage
                if let fingerprint, let reused = memo?.page(at: paths[index], fingerprint: fingerprint) {
                    page = MadePage(file: reused, fingerprint: fingerprint, isNew: false)
                } else {
                    var file = OutputFile(path: paths[index], contents: .bytes(render(input, theme: theme)))
                    if let staging {
                        try staging.write(file)
                        file.contents = .written
                    }
                    page = MadePage(file: file, fingerprint: fingerprint, isNew: true)
                }
                page.reads = context.reads?.all ?? []
                return (index, page)
            }
            if let searchJob {
                let index = try await searchIndex(at: paths[searchJob], site: site, entries: searchEntries, memo: memo, writingTo: staging)
                made.append((searchJob, index.page))
                searchGrams = index.grams
            }
        } catch {
            throw BuildFailure.from(error, at: .whole(output.path), "cannot write the site")
        }
        var pages = [MadePage?](repeating: nil, count: jobs.count)
        for (index, page) in made { pages[index] = page }
        return (pages.compactMap { $0 }, searchEntries, searchGrams, context)
    }

    /// A page's bytes: its values through its template, or the bytes made without one.
    static func render(_ input: RenderPages.Input, theme: Theme) -> [UInt8] {
        switch input {
        case .bytes(let encoded): return encoded
        case .searchIndex: return []
        case .template(let template, let values): return theme.renderBytes(template, values: values.templateData) ?? []
        }
    }

    /// The search index's files (see `SearchIndex`): made again only when an entry changed, and
    /// then only the changed documents' grams are read again.
    static func searchIndex(at path: String, site: Site, entries: PageMemo.SearchEntries?, memo: PageMemo?,
                            writingTo staging: OutputWriter.Staging?) async throws -> (page: MadePage, grams: [String: SearchIndex.DocumentGrams]) {
        if let entries, let memo, let kept = memo.previous[path], kept.fingerprint == entries.key, let extra = memo.previousExtra[path] {
            return (MadePage(file: kept.file, fingerprint: entries.key, isNew: false, extra: extra), memo.previousGrams)
        }
        let digests = entries.map { entries in site.documents.map { entries.byPath[$0.source.path]?.digest ?? 0 } }
        let made = try await SearchIndex.files(site, entries: entries?.bytes, digests: digests, previous: memo?.previousGrams ?? [:]) { file in
            guard let staging else { return file }
            try staging.write(file)
            return OutputFile(path: file.path, contents: .written)
        }
        return (MadePage(file: made.files[0], fingerprint: entries?.key, isNew: true, extra: Array(made.files.dropFirst())), made.grams)
    }

    /// Files: the pages with the theme's static files and the content's own files, written to the staging folder if any.
    static func addFiles(_ pages: [OutputFile], theme: Theme, assets: [Asset], writingTo staging: OutputWriter.Staging?,
                         output: URL, into diagnostics: inout Diagnostics) async throws(BuildFailure) -> [OutputFile] {
        let files = try addFiles(pages, theme: theme, assets: assets, into: &diagnostics)
        guard let staging else { return files }
        do {
            return try await files.parallelMap { file in
                if case .written = file.contents { return file }
                try staging.write(file)
                return OutputFile(path: file.path, contents: .written)
            }
        } catch {
            throw BuildFailure.from(error, at: .whole(output.path), "cannot write the site")
        }
    }
}
