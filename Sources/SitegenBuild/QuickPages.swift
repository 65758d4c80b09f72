import Foundation
import SitegenContent
import SitegenCore
import SitegenMarkdown
import SitegenTemplates

/// What `serve` needs to show an edited document's own page before the whole site is made again:
/// the last generation's site model, theme and link targets.
struct LastSite: Sendable {
    var site: Site
    var theme: Theme
    var targets: LinkTargets
    var options: BuildOptions
    var includes: [String: String]
    /// Each document's index in `site.documents`, by its path.
    var documentIndex: [String: Int]

    init(site: Site, theme: Theme, targets: LinkTargets, options: BuildOptions, includes: [String: String]) {
        self.includes = includes
        self.site = site
        self.theme = theme
        self.targets = targets
        self.options = options
        documentIndex = Dictionary(site.documents.indices.map { (site.documents[$0].source.path, $0) }, uniquingKeysWith: { first, _ in first })
    }
}

extension SiteBuilder {
    /// The own pages of the edited documents among `changed` (paths under the site root), made
    /// against the last generation's site: the page a writer is looking at is served again within
    /// milliseconds, while the full rebuild that follows makes every page that lists the document.
    ///
    /// Empty whenever the change could move anything else (`staysInPlace`, the patch's rule): a new
    /// or removed file, a change of date, URL, old URLs, kind, tags, draft state, period, layout or an
    /// undated document's title, a change to a template or `site.yml`, or an error. The full rebuild
    /// then decides alone. Pure but for reading the changed files.
    public static func quickPages(after changed: Set<String>, cache: BuildCache) -> [OutputFile] {
        guard let last = cache.last, !changed.isEmpty,
              changed.allSatisfy({ $0.hasPrefix("content/") && ContentLoader.markdownExtensions.contains(($0 as NSString).pathExtension.lowercased()) })
        else { return [] }
        let site = last.site
        var edits: [Int: PageDocument] = [:]
        for path in changed {
            // Problems found here are the full rebuild's to tell: it reads the same file and reports them.
            guard let index = last.documentIndex[path], let url = FileTree.locate(path, under: last.options.root) else { return [] }
            let (parsed, diagnostics) = ContentLoader.readDocument(url, relativePath: String(path.dropFirst("content/".count)),
                                                                   properties: site.config.notionProperties, defaults: site.config.defaults)
            let old = site.documents[index]
            guard let source = parsed, !diagnostics.hasErrors, source.digest != old.source.digest else { return [] }
            let rendered = renderBody(source, config: site.config, targets: last.targets, words: markdownWords(last.theme, language: site.config.language),
                                      includes: last.includes, highlights: cache.highlights, images: cache.patchBase?.images)
            let document = Assemble.document(source, rendered: rendered, config: site.config).withTags(old.tagSlugs)
            // The same rule as the patch's: nothing else may have moved.
            guard staysInPlace(document, old: old) else { return [] }
            edits[index] = document
        }
        let context = PageContext(site: site, theme: last.theme, edits: edits)
        return edits.keys.sorted().compactMap { index -> OutputFile? in
            var toldByTheRebuild = Diagnostics()
            guard let document = edits[index], let job = RenderPages.documentJob(index, document, theme: last.theme, jekyllSite: site.config.liquid,
                                                                                into: &toldByTheRebuild),
                  case .template(let template, let values) = RenderPages.input(for: job, site: site, context: context, searchEntries: nil),
                  let html = last.theme.render(template, values: values.templateData)
            else { return nil }
            return OutputFile(path: RenderPages.outputPath(of: job.url), contents: .bytes(Array(html.utf8)))
        }
    }
}
