import Foundation
import SitegenContent
import SitegenCore
import SitegenMarkdown
import SitegenTemplates

/// What `patch` starts from, kept by every generation made with a cache (`serve`): the pages as
/// jobs, which documents each page's values read, the summaries and the files.
struct PatchBase: Sendable {
    var jobs: [RenderPages.Job]
    var paths: [String]
    /// By job: the documents its values read, ascending.
    var reads: [[Int32]]
    /// By document: the jobs whose values read it.
    var readers: [[Int32]]
    var summaries: SummaryTable
    /// The `site` values' fingerprint: an edit that changes them (a page in the menu) changes every page.
    var siteFingerprint: Int
    /// Every file, sorted by path, and each one's place in `files`.
    var files: [OutputFile]
    var fileIndex: [String: Int]
    var report: BuildReport
    var images: ImageSizes
    var bodies: [String: Body]

    init(jobs: [RenderPages.Job], paths: [String], pages: [SiteBuilder.MadePage], context: PageContext, files: [OutputFile],
         report: BuildReport, images: ImageSizes, bodies: [String: Body]) {
        self.jobs = jobs
        self.paths = paths
        reads = pages.map(\.reads)
        var readers = [[Int32]](repeating: [], count: context.site.documents.count)
        for (job, page) in pages.enumerated() {
            for document in page.reads { readers[Int(document)].append(Int32(job)) }
        }
        self.readers = readers
        summaries = context.summaries ?? SummaryTable([])
        siteFingerprint = Self.fingerprint(context.siteValues)
        self.files = files
        fileIndex = Dictionary(files.enumerated().map { ($1.path, $0) }, uniquingKeysWith: { first, _ in first })
        self.report = report
        self.images = images
        self.bodies = bodies
    }

    static func fingerprint(_ values: some TemplateObject) -> Int {
        var hasher = Hasher()
        values.fingerprint(into: &hasher)
        return hasher.finalize()
    }

    /// Job `job` now reads `documents`.
    mutating func record(_ job: Int, reads documents: [Int32]) {
        let old = reads[job]
        guard old != documents else { return }
        let (before, after) = (Set(old), Set(documents))
        for document in before.subtracting(after) { readers[Int(document)].removeAll { $0 == Int32(job) } }
        for document in after.subtracting(before) { readers[Int(document)].append(Int32(job)) }
        reads[job] = documents
    }
}

extension SiteBuilder {
    /// `serve`'s rebuild after edits that leave every document where it was: the edited files
    /// are read and rendered again, put into the last generation's site model, and only the pages
    /// whose values read an edited document are made again (then written only where their
    /// fingerprint moved), with the search index's shards that hold a changed gram. The result is
    /// what `generate` would make from the same files; a test holds the two together.
    ///
    /// Nil whenever the edit could move anything else, and `generate` decides alone: a new or
    /// removed file, anything but a built Markdown document, a change of date, URL, old URLs, kind,
    /// tags, draft state, period, layout, or of an undated document's title (which orders it), a
    /// change to the menu, an error, or no generation to start from.
    public static func patch(after changed: Set<String>, cache: BuildCache) async -> Generation? {
        guard let last = cache.last, let base = cache.patchBase, !changed.isEmpty else { return nil }
        var clock = PhaseClock()
        guard let edits = readEdits(changed, last: last, cache: cache) else { return nil }
        clock.lap("load")

        let words = markdownWords(last.theme, language: last.site.config.language)
        let rendered = await edits.parallelMap { edit -> Rendered in
            renderBody(edit.source, config: last.site.config, targets: last.targets, words: words, includes: last.includes,
                       highlights: cache.highlights, images: base.images).withDigest()
        }
        clock.lap("markdown")

        var site = last.site
        for (edit, rendering) in zip(edits, rendered) {
            let old = site.documents[edit.index]
            let document = Assemble.document(edit.source, rendered: rendering, config: site.config).withTags(old.tagSlugs)
            guard !rendering.diagnostics.hasErrors, Self.staysInPlace(document, old: old) else { return nil }
            site.documents[edit.index] = document
        }
        var context = PageContext(site: site, theme: last.theme)
        guard PatchBase.fingerprint(context.siteValues) == base.siteFingerprint else { return nil }
        var summaries = base.summaries.values
        for edit in edits { summaries[edit.index] = context.makeSummary(edit.index) }
        context.summaries = SummaryTable(summaries)
        clock.lap("assemble")

        var next = cache
        var patchBase = base
        let made = await remakePages(Set(edits.flatMap { base.readers[$0.index] }), base: base, site: site, context: context,
                                     theme: last.theme, cache: cache)
        var changedPaths = Set<String>()
        var renderedPages = 0
        for page in made {
            patchBase.record(page.job, reads: page.reads)
            next.pages[page.file.path] = (page.fingerprint, page.file)
            guard page.isNew else { continue }
            renderedPages += 1
            if let at = base.fileIndex[page.file.path], !Self.sameBytes(base.files[at], page.file) {
                patchBase.files[at] = page.file
                changedPaths.insert(page.file.path)
            }
        }
        guard let search = patchSearchIndex(edits.map(\.index), site: site, context: context, base: base, cache: cache) else { return nil }
        for file in search.files {
            guard let at = base.fileIndex[file.path] else { return nil }
            guard !Self.sameBytes(base.files[at], file) else { continue }
            patchBase.files[at] = file
            changedPaths.insert(file.path)
        }
        next.pages.merge(search.fingerprints) { _, new in new }
        next.extra[search.metaPath] = search.extra
        clock.lap("pages")

        // What the edited files said before is no longer said; what they say now is.
        var warnings = Set(base.report.warnings)
        for (edit, rendering) in zip(edits, rendered) {
            let relative = String(edit.source.path.dropFirst("content/".count))
            warnings.subtract(cache.load.diagnostics(of: relative)?.all ?? [])
            warnings.subtract(cache.markdown[edit.source.path]?.rendered.diagnostics.all ?? [])
            next.load.keep(relative, stamp: edit.stamp, document: edit.source, diagnostics: edit.diagnostics)
            next.markdown[edit.source.path] = (RenderKey(edit.source, config: site.config, words: words, includes: last.includes), rendering)
            next.searchEntries[edit.source.path] = search.entries[edit.index]
            next.searchGrams[edit.source.path] = search.grams[edit.index]
        }
        for (edit, rendering) in zip(edits, rendered) { warnings.formUnion(edit.diagnostics.all + rendering.diagnostics.all) }
        var report = base.report
        report.warnings = Diagnostics(Array(warnings)).sorted
        report.phases = clock.phases
        patchBase.report = report
        for edit in edits {
            // A document's own page is at its URL, which the patch kept.
            let document = site.documents[edit.index]
            patchBase.bodies[RenderPages.outputPath(of: document.url)] = Body(source: document.source.path, html: document.rendered.html,
                                                                               links: document.rendered.links)
        }
        patchBase.summaries = context.summaries ?? base.summaries
        next.last?.site = site
        next.patchBase = patchBase
        return Generation(files: patchBase.files, report: report, cache: next, renderedDocuments: edits.count, renderedPages: renderedPages,
                          changedPaths: changedPaths, bodies: patchBase.bodies, basePath: site.config.basePath)
    }

    /// One edited file, read and parsed as the load phase reads it.
    struct Edit: Sendable {
        var index: Int
        var source: SourceDocument
        var stamp: FileStamp
        var diagnostics: Diagnostics
    }

    /// The edited files, each a built Markdown document of the last generation, read again; nil when
    /// one is not, cannot be read, has an error, or belongs to a Notion database (whose CSV gives it properties).
    static func readEdits(_ changed: Set<String>, last: LastSite, cache: BuildCache) -> [Edit]? {
        let config = last.site.config
        var edits: [Edit] = []
        for path in changed.sorted() {
            guard path.hasPrefix("content/"), ContentLoader.markdownExtensions.contains((path as NSString).pathExtension.lowercased()),
                  let index = last.documentIndex[path]
            else { return nil }
            let relative = String(path.dropFirst("content/".count))
            let folder = relative.split(separator: "/").dropLast().joined(separator: "/")
            guard !cache.load.hasDatabase(for: folder) else { return nil }
            guard let url = FileTree.locate(path, under: last.options.root), let stamp = FileStamp(regularFileAt: url.path) else { return nil }
            let (parsed, diagnostics) = ContentLoader.readDocument(url, relativePath: relative, properties: config.notionProperties,
                                                                   defaults: config.defaults)
            guard let source = parsed, !diagnostics.hasErrors, source.path == path, last.options.builds(source, utcOffset: config.utcOffset)
            else { return nil }
            edits.append(Edit(index: index, source: source, stamp: stamp, diagnostics: diagnostics))
        }
        return edits
    }

    /// Whether the edited document keeps its place: the same URLs, order, tags, period and template.
    static func staysInPlace(_ document: PageDocument, old: PageDocument) -> Bool {
        let (new, was) = (document.source, old.source)
        return new.date == was.date && new.kind == was.kind && new.tags == was.tags && new.isDraft == was.isDraft
            && new.declaredPeriod == was.declaredPeriod && document.url == old.url && document.aliases == old.aliases
            && document.period == old.period && (old.date != nil || document.title == old.title)
            && new.frontMatter["layout"] == was.frontMatter["layout"]
    }

    /// A page made again by `patch`.
    struct RemadePage: Sendable {
        var job: Int
        var file: OutputFile
        var fingerprint: Int
        var isNew: Bool
        var reads: [Int32]
    }

    /// The pages of `jobs` (indices into the base's jobs) from their values now; a page whose
    /// fingerprint is as before is handed back as it was.
    static func remakePages(_ jobs: Set<Int32>, base: PatchBase, site: Site, context: PageContext, theme: Theme,
                            cache: BuildCache) async -> [RemadePage] {
        await jobs.sorted().parallelMap { job -> RemadePage in
            let index = Int(job)
            var context = context
            context.reads = DocumentReads()
            let input = RenderPages.input(for: base.jobs[index], site: site, context: context, searchEntries: nil)
            let fingerprint = PageMemo.fingerprint(of: input, template: theme.digests[base.jobs[index].template] ?? 0, searchKey: nil)
            let path = base.paths[index]
            let reads = context.reads?.all ?? []
            if let kept = cache.pages[path], kept.fingerprint == fingerprint {
                return RemadePage(job: index, file: kept.file, fingerprint: fingerprint, isNew: false, reads: reads)
            }
            let file = OutputFile(path: path, contents: .bytes(render(input, theme: theme)))
            return RemadePage(job: index, file: file, fingerprint: fingerprint, isNew: true, reads: reads)
        }
    }

    static func sameBytes(_ a: OutputFile, _ b: OutputFile) -> Bool {
        if case .bytes(let x) = a.contents, case .bytes(let y) = b.contents { return x == y }
        return false
    }
}
