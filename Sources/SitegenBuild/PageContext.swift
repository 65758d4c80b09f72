import SitegenContent
import SitegenCore
import SitegenMarkdown
import SitegenTemplates

/// Builds the values templates see. Each key is documented in `themes/README.md`; empty values are
/// left out so that `{{#key}}` sections test for presence.
struct PageContext: Sendable {
    let site: Site
    /// Documents to show in place of the site's own, by index: `quickPages` edits one without copying the site.
    var edits: [Int: PageDocument] = [:]
    /// Every document's summary, made once when many pages are made: a document is listed on
    /// the home page, the post list, its tag pages, the archive and the feeds.
    var summaries: SummaryTable?

    /// A context whose summaries are made up front, on all cores.
    static func summarizing(_ site: Site) async -> PageContext {
        var context = PageContext(site: site)
        let made = await Array(site.documents.indices).parallelMap { [context] index in SummaryTable.Entry(context.makeSummary(index)) }
        context.summaries = SummaryTable(made.map(\.value))
        return context
    }

    func documentAt(_ index: Int) -> PageDocument { edits[index] ?? site.documents[index] }

    /// The `site` values, made per page: cheap, and it keeps this type a plain `Sendable` value.
    var siteValues: [String: Any] {
        let config = site.config
        var values: [String: Any] = [
            "title": config.title,
            "language": config.language,
            "base_path": config.basePath,
            "home_url": link("/"),
            "tags_url": link("/tags/"),
            "posts_url": link("/posts/"),
            "retrospectives_url": link("/retrospectives/"),
            "archive_url": link("/archive/"),
            "search_url": link("/search/"),
            "feed_url": link("/feed.xml"),
            "json_feed_url": link("/feed.json"),
            "locale": SiteLanguage.isKorean(config.language) ? "ko_KR" : config.language.replacingOccurrences(of: "-", with: "_"),
            "labels": Labels.forLanguage(config.language),
            "params": config.params.mapValues(templateValue),
        ]
        values["description"] = config.description.nilIfEmpty
        values["author"] = config.author.nilIfEmpty
        values["base_url"] = config.baseURL.nilIfEmpty
        if let comments = config.comments { values["comments"] = [comments.provider.rawValue: comments.settings] }
        return values
    }

    /// The context of one document's own page.
    func document(_ index: Int) -> [String: Any] {
        var page = summary(index)
        let document = documentAt(index)
        page["content"] = HTMLFragment(document.rendered.html, digest: document.rendered.digest)
        // A body that carries its own table of contents gets no second one from the theme.
        if !document.rendered.hasOwnTOC {
            page["toc_html"] = document.rendered.tocHTML.nilIfEmpty
            page["toc"] = document.rendered.toc.isEmpty ? nil : document.rendered.toc.map(tocValue)
        }
        page["title_id"] = document.rendered.titleID
        let matter = document.source.frontMatter
        // Jekyll's switches: a comment widget where the site has one, a math renderer where asked.
        page["comments"] = site.config.comments != nil && matter["comments"]?.flag == true
        page["math"] = matter["use_math"]?.flag == true || matter["math"]?.flag == true
        if let links = site.retrospectiveLinks[index] { retrospectiveValues(index, links: links, into: &page) }
        return ["site": siteValues, "page": page]
    }

    /// What a list shows of a document: title, url, date, tags, excerpt.
    func summary(_ index: Int) -> [String: Any] {
        if let summaries, edits[index] == nil { return summaries.values[index] }
        return makeSummary(index)
    }

    func makeSummary(_ index: Int) -> [String: Any] {
        let document = documentAt(index)
        let matter = document.source.frontMatter
        var page: [String: Any] = [
            "title": document.title,
            "url": link(document.url),
            "kind": document.kind.rawValue,
            "is_\(document.kind.rawValue)": true,
            "params": matter.values.mapValues(templateValue),
        ]
        page["permalink"] = site.config.origin.isEmpty ? nil : site.config.origin + href(document.url, site.config)
        page["subtitle"] = matter["subtitle"]?.scalarText?.nilIfEmpty
        page["description"] = (matter["description"] ?? matter["summary"])?.scalarText?.nilIfEmpty
        page["excerpt"] = document.rendered.excerptHTML.nilIfEmpty
        let statistics = document.rendered.statistics
        page["word_count"] = count(statistics.wordCount)
        page["reading_minutes"] = statistics.readingMinutes > 0 ? count(statistics.readingMinutes) : nil
        if let date = document.date {
            page["date"] = TemplateDate(year: date.year, month: date.month, day: date.day,
                                        iso: date.rfc3339(defaultOffset: site.config.utcOffset), language: site.config.language)
        }
        if let period = document.period { page["period"] = periodValue(period) }
        let tags = document.tagSlugs.compactMap { site.tagsBySlug[$0] }.map { tagValue(site.tags[$0]) }
        if !tags.isEmpty { page["tags"] = tags }
        page["has_tags"] = !tags.isEmpty
        return page
    }

    func tagValue(_ tag: TagGroup) -> [String: Any] {
        ["name": tag.name, "slug": tag.slug, "url": link(tag.url), "count": count(tag.members.count)]
    }

    func list(title: String, members: [Int], pagination: Pagination, extra: [String: Any] = [:]) -> [String: Any] {
        var page: [String: Any] = ["title": title, "url": link(pagination.url(of: pagination.current))]
        for (key, value) in extra { page[key] = value }
        var paginator: [String: Any] = ["current": pagination.current, "total": pagination.total]
        if pagination.current > 1 { paginator["prev_url"] = link(pagination.url(of: pagination.current - 1)) }
        if pagination.current < pagination.total { paginator["next_url"] = link(pagination.url(of: pagination.current + 1)) }
        var context: [String: Any] = ["site": siteValues, "page": page]
        let entries = members.map(summary)
        if !entries.isEmpty { context["pages"] = entries }
        context["has_pages"] = !entries.isEmpty
        if pagination.total > 1 { context["pagination"] = paginator }
        return context
    }

    func tagIndex() -> [String: Any] {
        var context: [String: Any] = ["site": siteValues, "page": ["title": Labels.forLanguage(site.config.language)["all_tags"] ?? "Tags",
                                                                    "url": link("/tags/")]]
        if !site.tags.isEmpty { context["tags"] = site.tags.map(tagValue) }
        context["has_tags"] = !site.tags.isEmpty
        return context
    }

    /// A retrospective's neighbours, its goals, and the goals it inherits.
    func retrospectiveValues(_ index: Int, links: RetrospectiveLinks, into page: inout [String: Any]) {
        let neighbour = { (other: Int?) -> [String: Any]? in other.map(self.reference) }
        // The overall neighbours are shown only where they differ from those of the same cadence.
        page["previous"] = links.previous == links.previousSameCadence ? nil : neighbour(links.previous)
        page["next"] = links.next == links.nextSameCadence ? nil : neighbour(links.next)
        page["previous_same_cadence"] = neighbour(links.previousSameCadence)
        page["next_same_cadence"] = neighbour(links.nextSameCadence)
        page["year_ago"] = neighbour(links.yearAgo)
        let goals = documentAt(index).goals
        if !goals.isEmpty { page["goals"] = goals.map(goalValue) }
        if let earlier = links.previousSameCadence, !documentAt(earlier).goals.isEmpty {
            var inherited = reference(earlier)
            inherited["items"] = documentAt(earlier).goals.map(goalValue)
            page["previous_goals"] = inherited
        }
    }

    /// What a link to another document needs: title, url, date, period.
    func reference(_ index: Int) -> [String: Any] {
        let document = documentAt(index)
        var value: [String: Any] = ["title": document.title, "url": link(document.url)]
        if let period = document.period { value["period"] = periodValue(period) }
        return value
    }

    func periodValue(_ period: Period) -> [String: Any] {
        let labels = Labels.forLanguage(site.config.language)
        return ["label": period.label(language: site.config.language), "text": period.description,
                "cadence": period.cadence.rawValue, "cadence_label": labels["cadence_\(period.cadence.rawValue)"] ?? period.cadence.rawValue,
                "start": period.startDay.isoDay, "end": period.endDay.isoDay]
    }

    func goalValue(_ goal: Goal) -> [String: Any] {
        ["text": goal.text, "done": goal.done]
    }

    /// The context of the 404 page.
    func notFound() -> [String: Any] {
        ["site": siteValues, "page": ["title": Labels.forLanguage(site.config.language)["not_found"] ?? "Not found", "url": link("/404.html")]]
    }

    func link(_ path: String) -> TemplateLink {
        TemplateLink(href: href(path, site.config), origin: site.config.origin)
    }

    func count(_ value: Int) -> TemplateCount {
        TemplateCount(value, language: site.config.language)
    }

    private func tocValue(_ entry: TOCEntry) -> [String: Any] {
        var value: [String: Any] = ["id": entry.id, "text": entry.text, "url": "#" + URLPath.encode(entry.id)]
        if !entry.children.isEmpty { value["children"] = entry.children.map(tocValue) }
        return value
    }
}

/// Template values made once and then only read, by many tasks at once.
final class SummaryTable: @unchecked Sendable {
    // @unchecked: `values` is set in `init` and never changed; it holds plain values (strings,
    // numbers, arrays and dictionaries of them, and our `Sendable` template types).
    let values: [[String: Any]]

    init(_ values: [[String: Any]]) { self.values = values }

    /// One value carried out of a parallel task.
    struct Entry: @unchecked Sendable {
        let value: [String: Any]
        init(_ value: [String: Any]) { self.value = value }
    }
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

/// A front matter value as templates take it.
func templateValue(_ value: FrontMatterValue) -> Any {
    switch value {
    case .string(let s): return s
    case .integer(let i): return i
    case .number(_, let written): return written
    case .bool(let b): return b
    case .null: return Optional<String>.none as Any
    case .list(let items): return items.map(templateValue)
    case .map(let map): return map.mapValues(templateValue)
    }
}

extension String {
    var nilIfEmpty: String? { isEmpty ? nil : self }
}
