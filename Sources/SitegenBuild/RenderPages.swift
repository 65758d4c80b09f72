import SitegenContent
import SitegenCore
import SitegenTemplates

/// The render phase: every page of the site through the theme's templates. Pure but for reading
/// nothing: the site and theme in, output files out.
enum RenderPages {
    /// One page to render: which template, which context, where it goes.
    struct Job: Sendable {
        enum Subject: Sendable, Hashable {
            case document(Int)
            case home(page: Int, of: Int)
            case tag(Int, page: Int, of: Int)
            case tagIndex
            case postList(page: Int, of: Int)
            case notFound
            case timeline
            case archive
            case search
            case atomFeed(tag: Int?)
            case jsonFeed
            case searchIndex
            case sitemap(urls: [String])
            case robots
            /// An old URL of a document (`redirect_from`, `aliases`): a page that sends the browser on.
            case redirect(document: Int)

            /// Whether the page shows every entry: one long job.
            var isSiteWide: Bool {
                switch self {
                case .timeline, .archive, .atomFeed(tag: nil), .jsonFeed, .searchIndex, .sitemap: return true
                default: return false
                }
            }
        }

        var template: String
        var subject: Subject
        var url: String
    }

    /// Which template each page uses; an unknown `layout` is an error naming the page.
    static func jobs(for site: Site, theme: Theme, into diagnostics: inout Diagnostics) throws(BuildFailure) -> [Job] {
        var jobs: [Job] = []
        for index in site.documents.indices {
            if let job = documentJob(index, site.documents[index], theme: theme, jekyllSite: site.config.liquid, into: &diagnostics) {
                jobs.append(job)
            }
        }
        let perPage = site.config.postsPerPage
        let homePages = pageCount(site.entries.count, perPage)
        for number in 1...homePages {
            jobs.append(Job(template: "home", subject: .home(page: number, of: homePages),
                            url: Pagination(base: "/", current: number, total: homePages).url(of: number)))
        }
        for (index, tag) in site.tags.enumerated() {
            let total = pageCount(tag.members.count, perPage)
            for number in 1...total {
                jobs.append(Job(template: "tag", subject: .tag(index, page: number, of: total),
                                url: Pagination(base: tag.url, current: number, total: total).url(of: number)))
            }
        }
        jobs.append(Job(template: "tags", subject: .tagIndex, url: "/tags/"))
        let postPages = pageCount(site.posts.count, perPage)
        for number in 1...postPages {
            jobs.append(Job(template: "list", subject: .postList(page: number, of: postPages),
                            url: Pagination(base: "/posts/", current: number, total: postPages).url(of: number)))
        }
        jobs.append(Job(template: "404", subject: .notFound, url: "/404.html"))
        jobs.append(Job(template: "retrospectives", subject: .timeline, url: "/retrospectives/"))
        jobs.append(Job(template: "archive", subject: .archive, url: "/archive/"))
        jobs.append(Job(template: "search", subject: .search, url: "/search/"))
        jobs.append(Job(template: "atom", subject: .atomFeed(tag: nil), url: "/feed.xml"))
        for (index, tag) in site.tags.enumerated() {
            jobs.append(Job(template: "atom", subject: .atomFeed(tag: index), url: tag.url + "feed.xml"))
        }
        jobs.append(Job(template: "", subject: .jsonFeed, url: "/feed.json"))
        jobs.append(Job(template: "", subject: .searchIndex, url: "/\(SearchIndex.folder)/meta.json"))
        // The sitemap lists every HTML page made so far but the 404 page; redirects come after it.
        let pages = jobs.filter { !$0.url.hasSuffix(".xml") && !$0.url.hasSuffix(".json") && $0.subject != .notFound }.map(\.url)
        jobs.append(Job(template: "sitemap", subject: .sitemap(urls: pages), url: "/sitemap.xml"))
        jobs.append(Job(template: "robots", subject: .robots, url: "/robots.txt"))
        for index in site.documents.indices {
            for alias in site.documents[index].aliases { jobs.append(Job(template: "", subject: .redirect(document: index), url: alias)) }
        }
        try diagnostics.stopIfErrors()
        return jobs
    }

    /// A document's own page: its `layout`, else the template of its kind (`post`, `retrospective`,
    /// `page`) where the theme has one, else `document`, which the default theme draws all three with.
    /// On a site imported from Jekyll, a layout of the old theme (Hydejack's `about`, Minimal
    /// Mistakes' `splash`) is a warning and the page is drawn as its kind is; elsewhere an error.
    static func documentJob(_ index: Int, _ document: PageDocument, theme: Theme, jekyllSite: Bool = false,
                            into diagnostics: inout Diagnostics) -> Job? {
        var template = theme.hasTemplate(document.kind.rawValue) ? document.kind.rawValue : "document"
        if let layout = document.source.frontMatter["layout"]?.scalarText, !layout.isEmpty {
            if isPageTemplate(layout, in: theme) {
                template = layout
            } else if !jekyllGenericLayouts.contains(layout) {
                let names = theme.templates.keys.filter { isPageTemplate($0, in: theme) }.sorted()
                let location = document.source.frontMatter.location(of: "layout", in: document.source.path)
                guard jekyllSite else {
                    diagnostics.error(at: location, "unknown layout '\(layout)' for this page; the theme '\(theme.chain[0])' has: \(names.joined(separator: ", "))")
                    return nil
                }
                diagnostics.warning(at: location, "the Jekyll layout '\(layout)' is not in the theme '\(theme.chain[0])': the page is drawn with '\(template)'")
            }
        }
        return Job(template: template, subject: .document(index), url: document.url)
    }

    /// Layout names that mean "the usual template of this kind": Jekyll themes' and sitegen's own kinds.
    static let jekyllGenericLayouts: Set<String> = ["default", "post", "page", "single", "none", "retrospective"]

    static func isPageTemplate(_ name: String, in theme: Theme) -> Bool {
        theme.hasTemplate(name) && !name.contains("/") && name != "base" && name != "404"
    }

    static func pageCount(_ items: Int, _ perPage: Int) -> Int { max(1, (items + perPage - 1) / perPage) }

    /// What one job's page is made of: the values its template gets, or, for the JSON outputs, its bytes.
    enum Input {
        case template(String, any TemplateValue)
        case bytes([UInt8])
        /// The search index: joined from the documents' entries where they are kept, else made whole.
        case searchIndex(entries: [[UInt8]]?)
    }

    /// `searchEntries` are the documents' entries of the search index, in site order, when kept.
    static func input(for job: Job, site: Site, context: PageContext, searchEntries: [[UInt8]]?) -> Input {
        let values: any TemplateValue
        let perPage = site.config.postsPerPage
        switch job.subject {
        case .document(let index):
            values = context.document(index)
        case .home(let number, let total):
            let members = Array(Pagination.members(site.entries, page: number, perPage: perPage))
            values = context.list(title: site.config.title, members: members,
                                  pagination: Pagination(base: "/", current: number, total: total), isHome: true)
        case .tag(let index, let number, let total):
            let tag = site.tags[index]
            let members = Array(Pagination.members(tag.members, page: number, perPage: perPage))
            values = context.list(title: tag.name, members: members,
                                  pagination: Pagination(base: tag.url, current: number, total: total),
                                  tag: context.tagValues[index])
        case .tagIndex:
            values = context.tagIndex()
        case .postList(let number, let total):
            let members = Array(Pagination.members(site.posts, page: number, perPage: perPage))
            values = context.list(title: context.labels["all_posts"] ?? "Posts", members: members,
                                  pagination: Pagination(base: "/posts/", current: number, total: total))
        case .notFound:
            values = context.notFound()
        case .timeline:
            values = context.timeline()
        case .archive:
            values = context.archive()
        case .search:
            values = context.searchPage()
        case .atomFeed(let tag):
            values = context.atom(tag: tag, limit: Feeds.entryLimit)
        case .jsonFeed:
            return .bytes(Feeds.jsonFeed(site, context: context))
        case .searchIndex:
            return .searchIndex(entries: searchEntries)
        case .sitemap(let urls):
            values = context.sitemap(urls: urls)
        case .robots:
            values = context.robots()
        case .redirect(let index):
            return .bytes(Permalinks.redirectPage(to: context.documentAt(index), config: site.config))
        }
        return .template(job.template, values)
    }

    /// `/posts/회고/` → `posts/회고/index.html`; `/404.html` → `404.html`, `/feed.xml` → `feed.xml`.
    static func outputPath(of url: String) -> String {
        let trimmed = url.split(separator: "/").joined(separator: "/")
        if !url.hasSuffix("/") { return trimmed }
        return trimmed.isEmpty ? "index.html" : trimmed + "/index.html"
    }
}
