import SitegenContent
import SitegenCore
import SitegenTemplates

/// Contexts of the generated pages beyond the plain lists: timeline, archive, search, feeds, sitemap.
extension PageContext {
    var labels: [String: String] { Labels.forLanguage(site.config.language) }

    /// `/retrospectives/`: years, newest first, each with its calendar and entries.
    func timeline() -> [String: Any] {
        let language = site.config.language
        let years: [[String: Any]] = Timeline(site: site).years.map { group in
            var value: [String: Any] = ["entries": group.members.map(summary)]
            if let year = group.year {
                let periods = group.members.compactMap { documentAt($0).period }
                value["year"] = year
                value["label"] = Period(.yearly, year: year).label(language: language)
                value["weeks"] = Timeline.weeks(of: year, periods: periods, language: language)
                value["months"] = Timeline.months(of: year, periods: periods, language: language)
                value["weeks_width"] = Period(.weekly, year: year, first: 1).weeksInYear * (Timeline.weekCell + 1)
                value["months_width"] = 12 * (Timeline.monthCell + 2)
            } else {
                value["label"] = labels["undated"] ?? "Undated"
            }
            return value
        }
        var context: [String: Any] = ["site": siteValues, "page": ["title": labels["timeline"] ?? "Retrospectives", "url": link("/retrospectives/")]]
        if !years.isEmpty { context["years"] = years }
        context["has_years"] = !years.isEmpty
        return context
    }

    /// `/archive/`: every post and retrospective by year and month, newest first.
    func archive() -> [String: Any] {
        var groups: [(year: Int, months: [(month: Int, members: [Int])])] = []
        var undated: [Int] = []
        for index in site.entries {
            guard let date = documentAt(index).sortDate else {
                undated.append(index)
                continue
            }
            if groups.last?.year != date.year { groups.append((date.year, [])) }
            let y = groups.count - 1
            if groups[y].months.last?.month != date.month { groups[y].months.append((date.month, [])) }
            groups[y].months[groups[y].months.count - 1].members.append(index)
        }
        let years: [[String: Any]] = groups.map { group in
            ["year": group.year, "months": group.months.map { month -> [String: Any] in
                ["month": month.month, "label": monthLabel(year: group.year, month: month.month), "pages": month.members.map(summary)]
            }]
        }
        var context: [String: Any] = ["site": siteValues, "page": ["title": labels["archive"] ?? "Archive", "url": link("/archive/")]]
        if !years.isEmpty { context["years"] = years }
        if !undated.isEmpty { context["undated"] = undated.map(summary) }
        context["has_undated"] = !undated.isEmpty
        return context
    }

    private func monthLabel(year: Int, month: Int) -> String {
        Period(.monthly, year: year, first: month).label(language: site.config.language)
    }

    /// `/search/`: the page; its script reads `/search.json`.
    func searchPage() -> [String: Any] {
        ["site": siteValues, "page": ["title": labels["search"] ?? "Search", "url": link("/search/"), "index_url": link("/search.json")]]
    }

    /// An Atom feed of the newest entries, or of one tag's.
    func atom(tag: Int?, limit: Int) -> [String: Any] {
        // An entry with no date has nothing to put in Atom's required `updated`: it stays out of the
        // feeds (its "no date" warning says why) rather than claiming 1970.
        let members = (tag.map { site.tags[$0].members } ?? site.entries).filter { documentAt($0).sortDate != nil }
        let feedPath = tag.map { site.tags[$0].url + "feed.xml" } ?? "/feed.xml"
        let newest = members.first.flatMap { documentAt($0).sortDate }
        var feed: [String: Any] = [
            "title": tag.map { "\(site.config.title) · \(site.tags[$0].name)" } ?? site.config.title,
            "url": Feeds.absolute(feedPath, site.config),
            "home": Feeds.absolute(tag.map { site.tags[$0].url } ?? "/", site.config),
            "updated": newest?.rfc3339(defaultOffset: site.config.utcOffset) ?? Feeds.emptyFeedUpdated,
        ]
        feed["subtitle"] = site.config.description.nilIfEmpty
        feed["author"] = site.config.author.nilIfEmpty
        let entries: [[String: Any]] = members.prefix(limit).map { index in
            let document = documentAt(index)
            var entry = summary(index)
            entry["absolute_url"] = Feeds.absolute(document.url, site.config)
            // The site feed carries whole posts; a tag's feed their excerpts, so a post with four tags
            // is not escaped into five feeds.
            if tag == nil { entry["content"] = HTMLFragment(document.rendered.html, digest: document.rendered.digest) }
            entry["updated"] = document.sortDate?.rfc3339(defaultOffset: site.config.utcOffset) ?? feed["updated"]
            return entry
        }
        return ["site": siteValues, "feed": feed, "entries": entries]
    }

    func sitemap(urls: [String]) -> [String: Any] {
        var lastModified: [String: String] = [:]
        for document in site.documents { lastModified[document.url] = document.sortDate?.isoDay }
        let entries: [[String: Any]] = urls.map { url in
            var entry: [String: Any] = ["loc": Feeds.absolute(url, site.config)]
            entry["lastmod"] = lastModified[url]
            return entry
        }
        return ["site": siteValues, "urls": entries]
    }

    func robots() -> [String: Any] {
        ["site": siteValues, "sitemap_url": Feeds.absolute("/sitemap.xml", site.config)]
    }
}
