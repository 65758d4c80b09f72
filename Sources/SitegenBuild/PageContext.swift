import SitegenContent
import Synchronization
import SitegenCore
import SitegenMarkdown
import SitegenTemplates

/// Builds the values templates see. Each key is documented in `themes/README.md`; empty values are
/// left out so that `{{#key}}` sections test for presence.
struct PageContext: Sendable {
    let site: Site
    /// The theme's words in the site's language (`site.labels`).
    let labels: [String: String]
    /// Documents to show in place of the site's own, by index: `quickPages` edits one without copying the site.
    var edits: [Int: PageDocument] = [:]
    /// Every document's summary, made once when many pages are made: a document is listed on
    /// the home page, the post list, its tag pages, the archive and the feeds.
    var summaries: SummaryTable?
    /// Which documents one page's values read, kept by `serve` so that an edit remakes only the
    /// pages that show the edited document (`SiteBuilder.patch`). Every read of a document goes
    /// through `documentAt` or `summary`, which note it here.
    var reads: DocumentReads?

    /// The `site` values, the same on every page.
    let siteValues: Shared<SiteValues>
    /// Each tag's values, by its index in `site.tags`: a tag is shown on every page it is on.
    let tagValues: [Shared<TagValues>]

    init(site: Site, theme: Theme, edits: [Int: PageDocument] = [:]) {
        self.site = site
        let labels = theme.labels(for: site.config.language)
        self.labels = labels
        self.edits = edits
        self.siteValues = Shared(Self.siteValues(site, labels: labels))
        let config = site.config
        self.tagValues = site.tags.map { tag in
            Shared(TagValues(name: tag.name, slug: tag.slug, url: TemplateLink(href: href(tag.url, config), origin: config.origin),
                             count: TemplateCount(tag.members.count, language: config.language)))
        }
    }

    /// A context whose summaries are made up front, on all cores.
    static func summarizing(_ site: Site, theme: Theme) async -> PageContext {
        var context = PageContext(site: site, theme: theme)
        context.summaries = SummaryTable(await Array(site.documents.indices).parallelMap { [context] index in context.makeSummary(index) })
        return context
    }

    func documentAt(_ index: Int) -> PageDocument {
        reads?.note(index)
        return edits[index] ?? site.documents[index]
    }

    private static func siteValues(_ site: Site, labels: [String: String]) -> SiteValues {
        let config = site.config
        func link(_ path: String) -> TemplateLink { TemplateLink(href: href(path, config), origin: config.origin) }
        return SiteValues(
            title: config.title, description: config.description.nilIfEmpty, author: config.author.nilIfEmpty,
            language: config.language, baseURL: config.baseURL.nilIfEmpty, basePath: config.basePath,
            homeURL: link("/"), tagsURL: link("/tags/"), postsURL: link("/posts/"), retrospectivesURL: link("/retrospectives/"),
            archiveURL: link("/archive/"), searchURL: link("/search/"), feedURL: link("/feed.xml"), jsonFeedURL: link("/feed.json"),
            locale: SiteLanguage.isKorean(config.language) ? "ko_KR" : config.language.replacingOccurrences(of: "-", with: "_"),
            labels: labels, params: ParamValues(values: config.params),
            comments: config.comments.map { [$0.provider.rawValue: $0.settings] }, mathAssetsURL: MathAssets.baseURL(config),
            menu: menu(site, labels: labels), favicon: config.favicon.map(link),
            avatar: config.avatar.map { address($0, config) }, bio: config.bio,
            social: config.social.isEmpty ? nil : config.social.map(socialLink))
    }

    /// A network's address, its name as people write it, `mailto:` for an email.
    private static func socialLink(_ entry: SocialAddress) -> SocialLinkValues {
        let names = ["github": "GitHub", "gitlab": "GitLab", "linkedin": "LinkedIn", "x": "X", "twitter": "Twitter", "mastodon": "Mastodon",
                     "instagram": "Instagram", "facebook": "Facebook", "youtube": "YouTube", "velog": "velog", "tistory": "Tistory",
                     "email": "Email", "rss": "RSS", "website": "Website"]
        let key = entry.network.lowercased()
        let url = key == "email" && !entry.url.hasPrefix("mailto:") ? "mailto:" + entry.url : entry.url
        return SocialLinkValues(network: key, name: names[key] ?? entry.network, url: url)
    }

    /// The cover front matter names (see `CoverValues`); nil when it names none.
    static func cover(_ matter: FrontMatter, config: SiteConfig) -> CoverValues? {
        var written: String?
        var alt = "", caption: String?
        switch matter["image"] {
        case .map(let map)?:
            written = map["path"]?.scalarText
            alt = map["alt"]?.scalarText ?? ""
        case let value?:
            written = value.scalarText
        case nil:
            if case .map(let map)? = matter["cover"] {
                written = map["image"]?.scalarText
                alt = map["alt"]?.scalarText ?? ""
                caption = map["caption"]?.scalarText
            } else if case .map(let map)? = matter["header"] {
                written = map["overlay_image"]?.scalarText ?? map["image"]?.scalarText
                caption = map["caption"]?.scalarText
            }
        }
        guard let written, !written.isEmpty else { return nil }
        let url = address(written.contains("://") || written.hasPrefix("/") ? written : "/" + written, config)
        return CoverValues(url: url, alt: alt, caption: caption?.nilIfEmpty)
    }

    /// The picture of a page's preview card: its cover, else the first image of its body.
    static func previewImage(cover: CoverValues?, firstImage: String?, config: SiteConfig) -> TemplateLink? {
        if let cover { return cover.url }
        guard let firstImage, !firstImage.isEmpty else { return nil }
        // The body's image is written as the page has it: an address elsewhere, or a site path with the base path.
        if firstImage.contains("://") { return TemplateLink(href: firstImage, origin: "") }
        return firstImage.hasPrefix("/") ? TemplateLink(href: firstImage, origin: config.origin) : nil
    }

    /// A link as `site.yml` or front matter writes it: an address elsewhere (`https://…`, `mailto:`)
    /// as it is, a path of the site under the base path.
    static func address(_ written: String, _ config: SiteConfig) -> TemplateLink {
        written.contains("://") || written.hasPrefix("mailto:")
            ? TemplateLink(href: written, origin: "") : TemplateLink(href: href(written, config), origin: config.origin)
    }

    /// `site.yml`'s `menu:`, else the theme's usual five links; and every page whose front matter says
    /// `menu: main` (its title, or `menu: {main: {name: …, weight: …}}`), by weight.
    private static func menu(_ site: Site, labels: [String: String]) -> [MenuEntryValues] {
        let config = site.config
        func link(_ path: String) -> TemplateLink { address(path, config) }
        var entries: [(weight: Int, entry: MenuEntryValues)] = []
        if let items = config.menu {
            let byPath = Dictionary(site.documents.map { (String($0.source.path.dropFirst("content/".count)), $0.url) }) { first, _ in first }
            for item in items {
                let path = item.page.map { byPath[$0] ?? "/" + $0 } ?? item.url ?? "/"
                entries.append((item.weight, MenuEntryValues(name: item.name, url: link(path))))
            }
        } else {
            for (weight, key, fallback, path) in [(10, "posts", "Posts", "/posts/"), (20, "retrospectives", "Retrospectives", "/retrospectives/"),
                                                  (30, "archive", "Archive", "/archive/"), (40, "tags", "Tags", "/tags/"),
                                                  (50, "search", "Search", "/search/")] {
                entries.append((weight, MenuEntryValues(name: labels[key] ?? fallback, url: link(path))))
            }
        }
        for document in site.documents {
            guard let value = document.source.frontMatter["menu"] else { continue }
            var name = document.title, weight = document.source.frontMatter["weight"].flatMap { if case .integer(let n) = $0 { n } else { nil } } ?? 100
            switch value {
            case .string(let menu) where menu == "main": break
            case .list(let menus) where menus.contains(where: { $0.scalarText == "main" }): break
            case .map(let menus):
                guard let main = menus["main"] else { continue }
                if case .map(let settings) = main {
                    if let written = settings["name"]?.scalarText { name = written }
                    if case .integer(let number)? = settings["weight"] { weight = number }
                }
            default: continue
            }
            entries.append((weight, MenuEntryValues(name: name, url: link(document.url))))
        }
        return entries.enumerated().sorted { ($0.element.weight, $0.offset) < ($1.element.weight, $1.offset) }.map(\.element.entry)
    }

    /// The context of one document's own page.
    func document(_ index: Int) -> DocumentPageValues {
        let document = documentAt(index)
        let matter = document.source.frontMatter
        // A body that carries its own table of contents gets no second one from the theme.
        let ownTOC = document.rendered.hasOwnTOC
        var page = PageValues(
            summary: summary(index),
            content: HTMLFragment(document.rendered.html, digest: document.rendered.digest),
            tocHTML: ownTOC ? nil : document.rendered.tocHTML.nilIfEmpty,
            toc: ownTOC || document.rendered.toc.isEmpty ? nil : document.rendered.toc.map(tocValue),
            titleID: document.rendered.titleID,
            // Jekyll's switches: a comment widget where the site has one, a math renderer where asked.
            comments: site.config.comments != nil && matter["comments"]?.flag == true,
            math: SiteBuilder.loadsMath(document.source, config: site.config, rendered: document.rendered.usesMath),
            mermaid: document.rendered.usesMermaid)
        if let links = site.retrospectiveLinks[index] { retrospectiveValues(index, links: links, into: &page) }
        page.cover = Self.cover(matter, config: site.config)
        page.image = Self.previewImage(cover: page.cover, firstImage: document.rendered.firstImage, config: site.config)
        page.editURL = site.config.repoURL.map { $0 + document.source.path.split(separator: "/").map { URLPath.encode(String($0)) }.joined(separator: "/") }
        if let links = site.postLinks[index] {
            page.olderPost = links.older.map(reference)
            page.newerPost = links.newer.map(reference)
            page.related = links.related.isEmpty ? nil : links.related.map(reference)
        }
        return DocumentPageValues(site: siteValues, page: Shared(page))
    }

    /// What a list shows of a document: title, url, date, tags, excerpt.
    func summary(_ index: Int) -> Shared<SummaryValues> {
        reads?.note(index)
        if let summaries, edits[index] == nil { return summaries.values[index] }
        return makeSummary(index)
    }

    func makeSummary(_ index: Int) -> Shared<SummaryValues> {
        let document = documentAt(index)
        let matter = document.source.frontMatter
        let statistics = document.rendered.statistics
        return Shared(SummaryValues(
            title: document.title, url: link(document.url), kind: document.kind, params: ParamValues(values: matter.values),
            permalink: site.config.origin.isEmpty ? nil : site.config.origin + href(document.url, site.config),
            subtitle: matter["subtitle"]?.scalarText?.nilIfEmpty,
            description: (matter["description"] ?? matter["summary"])?.scalarText?.nilIfEmpty,
            excerpt: document.rendered.excerptHTML.nilIfEmpty,
            wordCount: count(statistics.wordCount),
            readingMinutes: statistics.readingMinutes > 0 ? count(statistics.readingMinutes) : nil,
            date: document.date.map { date in
                TemplateDate(year: date.year, month: date.month, day: date.day,
                             iso: date.rfc3339(defaultOffset: site.config.utcOffset), language: site.config.language)
            },
            period: document.period.map(periodValue),
            tags: document.tagSlugs.compactMap { site.tagsBySlug[$0] }.map { tagValues[$0] }))
    }

    func list(title: String, members: [Int], pagination: Pagination, isHome: Bool = false, tag: Shared<TagValues>? = nil) -> ListValues {
        var paginator = PaginationValues(current: pagination.current, total: pagination.total)
        if pagination.current > 1 { paginator.prevURL = link(pagination.url(of: pagination.current - 1)) }
        if pagination.current < pagination.total { paginator.nextURL = link(pagination.url(of: pagination.current + 1)) }
        return ListValues(site: siteValues,
                          page: ListPageValues(title: title, url: link(pagination.url(of: pagination.current)), isHome: isHome, tag: tag),
                          pages: members.map(summary), pagination: pagination.total > 1 ? paginator : nil)
    }

    func tagIndex() -> TagIndexValues {
        TagIndexValues(site: siteValues, page: ListPageValues(title: labels["all_tags"] ?? "Tags", url: link("/tags/")),
                       tags: tagValues)
    }

    /// A retrospective's neighbours, its goals, and the goals it inherits.
    func retrospectiveValues(_ index: Int, links: RetrospectiveLinks, into page: inout PageValues) {
        // The overall neighbours are shown only where they differ from those of the same cadence.
        page.previous = links.previous == links.previousSameCadence ? nil : links.previous.map(reference)
        page.next = links.next == links.nextSameCadence ? nil : links.next.map(reference)
        page.previousSameCadence = links.previousSameCadence.map(reference)
        page.nextSameCadence = links.nextSameCadence.map(reference)
        page.yearAgo = links.yearAgo.map(reference)
        let goals = documentAt(index).goals
        if !goals.isEmpty { page.goals = goals.map(goalValue) }
        // The goals box: last time's goals, ticked as this retrospective's own section of them says
        // (`new retro` writes it; the Markdown stage took it out of the body, so the box is the one place).
        let ticks = documentAt(index).rendered.previousGoalTicks
        if let earlier = links.previousSameCadence, !documentAt(earlier).goals.isEmpty {
            var inherited = reference(earlier)
            inherited.items = documentAt(earlier).goals.map { goal in
                let tick = ticks?.first { GoalHeading.normalized($0.text) == GoalHeading.normalized(goal.text) }
                return GoalValues(text: goal.text, done: tick?.done ?? goal.done)
            }
            page.previousGoals = inherited
        } else if let ticks, !ticks.isEmpty {
            // No earlier goals to match: the section's own items, so that nothing written is lost.
            var own = (links.previousSameCadence ?? links.previous).map(reference)
                ?? ReferenceValues(title: documentAt(index).title, url: link(documentAt(index).url))
            own.items = ticks.map(goalValue)
            page.previousGoals = own
        }
    }

    /// What a link to another document needs: title, url, period.
    func reference(_ index: Int) -> ReferenceValues {
        let document = documentAt(index)
        return ReferenceValues(title: document.title, url: link(document.url), period: document.period.map(periodValue))
    }

    func periodValue(_ period: Period) -> PeriodValues {
        PeriodValues(label: period.label(language: site.config.language), text: period.description, cadence: period.cadence.rawValue,
                     cadenceLabel: labels["cadence_\(period.cadence.rawValue)"] ?? period.cadence.rawValue,
                     start: period.startDay.isoDay, end: period.endDay.isoDay)
    }

    func goalValue(_ goal: Goal) -> GoalValues {
        GoalValues(text: goal.text, done: goal.done)
    }

    /// The context of the 404 page.
    func notFound() -> PlainPageValues {
        PlainPageValues(site: siteValues, page: ListPageValues(title: labels["not_found"] ?? "Not found", url: link("/404.html")))
    }

    func link(_ path: String) -> TemplateLink {
        TemplateLink(href: href(path, site.config), origin: site.config.origin)
    }

    func count(_ value: Int) -> TemplateCount {
        TemplateCount(value, language: site.config.language)
    }

    private func tocValue(_ entry: TOCEntry) -> TOCValues {
        TOCValues(id: entry.id, text: entry.text, url: "#" + URLPath.encode(entry.id),
                  children: entry.children.isEmpty ? nil : entry.children.map(tocValue))
    }
}

/// The documents one page read, by index (see `PageContext.reads`).
final class DocumentReads: Sendable {
    private let indices = Mutex<[Int32]>([])

    func note(_ index: Int) { indices.withLock { $0.append(Int32(index)) } }

    /// Each document read, once, in ascending order.
    var all: [Int32] {
        indices.withLock { Array(Set($0)).sorted() }
    }
}

/// Every document's summary, made once and then only read, by many tasks at once.
struct SummaryTable: Sendable {
    let values: [Shared<SummaryValues>]

    init(_ values: [Shared<SummaryValues>]) { self.values = values }
}

/// A page of a paginated list: page 1 at the list's own URL, page N at `<list>page/N/`.
struct Pagination {
    var base: String
    var current: Int
    var total: Int

    func url(of number: Int) -> String { number <= 1 ? base : "\(base)page/\(number)/" }

    /// The members list page `number` shows, `perPage` to a page.
    static func members(_ all: [Int], page number: Int, perPage: Int) -> ArraySlice<Int> {
        all.dropFirst((number - 1) * perPage).prefix(perPage)
    }
}

/// An `href` for a site path: under the site's base path, percent-encoded.
func href(_ path: String, _ config: SiteConfig) -> String {
    URLPath.encode(config.basePath + path)
}

extension String {
    var nilIfEmpty: String? { isEmpty ? nil : self }
}
