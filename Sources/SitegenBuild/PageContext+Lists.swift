import SitegenContent
import SitegenCore
import SitegenTemplates

/// Contexts of the generated pages beyond the plain lists: timeline, archive, search, feeds, sitemap.
extension PageContext {

    /// `/retrospectives/`: years, newest first, each with its calendar and entries.
    func timeline() -> TimelineValues {
        let language = site.config.language
        let years = Timeline(site: site).years.map { group -> TimelineYearValues in
            var value = TimelineYearValues(year: group.year, label: labels["undated"] ?? "Undated", entries: group.members.map(summary))
            if let year = group.year {
                let periods = group.members.compactMap { index in documentAt(index).period.map { ($0, link(documentAt(index).url)) } }
                value.label = Period(.yearly, year: year).label(language: language)
                value.weeks = Timeline.weeks(of: year, periods: periods, language: language)
                value.months = Timeline.months(of: year, periods: periods, language: language)
                if value.weeks != nil || value.months != nil {
                    value.weeksWidth = Period(.weekly, year: year, first: 1).weeksInYear * (Timeline.weekCell + 1)
                    value.calendarHeight = value.weeks == nil ? 14 : 32
                }
            }
            return value
        }
        return TimelineValues(site: siteValues, page: ListPageValues(title: labels["timeline"] ?? "Retrospectives", url: link("/retrospectives/")),
                              years: years)
    }

    /// `/archive/`: every post and retrospective by year and month, newest first.
    func archive() -> ArchiveValues {
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
        let years = groups.map { group in
            ArchiveYearValues(year: group.year, months: group.months.map { month in
                ArchiveMonthValues(month: month.month, label: monthLabel(year: group.year, month: month.month), pages: month.members.map(summary))
            })
        }
        return ArchiveValues(site: siteValues, page: ListPageValues(title: labels["archive"] ?? "Archive", url: link("/archive/")),
                             years: years, undated: undated.map(summary))
    }

    /// The month alone (`6월`, `June`): the year is the heading above it.
    private func monthLabel(year: Int, month: Int) -> String {
        SiteLanguage.isKorean(site.config.language) ? "\(month)월" : MonthNames.english[month - 1]
    }

    /// `/search/`: the page; its script reads the index in `/search-index/` (see `SearchIndex`).
    func searchPage() -> PlainPageValues {
        PlainPageValues(site: siteValues, page: ListPageValues(title: labels["search"] ?? "Search", url: link("/search/"),
                                                               indexURL: link("/\(SearchIndex.folder)/")))
    }

    /// An Atom feed of the newest entries, or of one tag's.
    func atom(tag: Int?, limit: Int) -> AtomValues {
        // An entry with no date has nothing to put in Atom's required `updated`: it stays out of the
        // feeds (its "no date" warning says why) rather than claiming 1970.
        let members = (tag.map { site.tags[$0].members } ?? site.entries).filter { documentAt($0).sortDate != nil }
        let feedPath = tag.map { site.tags[$0].url + "feed.xml" } ?? "/feed.xml"
        let newest = members.first.flatMap { documentAt($0).sortDate }
        let feed = FeedValues(
            title: tag.map { "\(site.config.title) · \(site.tags[$0].name)" } ?? site.config.title,
            url: Feeds.absolute(feedPath, site.config),
            home: Feeds.absolute(tag.map { site.tags[$0].url } ?? "/", site.config),
            updated: newest?.rfc3339(defaultOffset: site.config.utcOffset) ?? Feeds.emptyFeedUpdated,
            subtitle: site.config.description.nilIfEmpty, author: site.config.author.nilIfEmpty)
        let entries = members.prefix(limit).map { index in
            let document = documentAt(index)
            // The site feed carries whole posts; a tag's feed their excerpts, so a post with four tags
            // is not escaped into five feeds.
            return FeedEntryValues(
                summary: summary(index), absoluteURL: Feeds.absolute(document.url, site.config),
                updated: document.sortDate?.rfc3339(defaultOffset: site.config.utcOffset) ?? feed.updated,
                content: tag == nil ? HTMLFragment(document.rendered.html, digest: document.rendered.digest) : nil)
        }
        return AtomValues(site: siteValues, feed: feed, entries: entries)
    }

    func sitemap(urls: [String]) -> SitemapValues {
        var lastModified: [String: String] = [:]
        for index in site.documents.indices {
            let document = documentAt(index)
            lastModified[document.url] = document.sortDate?.isoDay
        }
        return SitemapValues(site: siteValues, urls: urls.map { SitemapURLValues(loc: Feeds.absolute($0, site.config), lastmod: lastModified[$0]) })
    }

    func robots() -> SitemapValues {
        SitemapValues(site: siteValues, urls: [], sitemapURL: Feeds.absolute("/sitemap.xml", site.config))
    }
}
