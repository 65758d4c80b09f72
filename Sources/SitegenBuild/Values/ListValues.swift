import SitegenTemplates

/// `page` on a generated page (a list, the tag index, the timeline, the archive, search, 404).
struct ListPageValues: TemplateValue {
    var title: String
    var url: TemplateLink
    var isHome = false
    var tag: TagValues?
    var indexURL: TemplateLink?

    static let keys = ["title", "url", "is_home", "tag", "index_url"]

    func child(named name: String) -> Any? {
        switch name {
        case "title": return title
        case "url": return url
        case "is_home": return isHome ? true : nil
        case "tag": return tag
        case "index_url": return indexURL
        default: return nil
        }
    }
}

/// Where a paginated list stands.
struct PaginationValues: TemplateValue {
    var current: Int
    var total: Int
    var prevURL: TemplateLink?
    var nextURL: TemplateLink?

    static let keys = ["current", "total", "prev_url", "next_url"]

    func child(named name: String) -> Any? {
        switch name {
        case "current": return current
        case "total": return total
        case "prev_url": return prevURL
        case "next_url": return nextURL
        default: return nil
        }
    }
}

/// The context of `home`, `list` and `tag`.
struct ListValues: TemplateValue {
    var site: SiteValues
    var page: ListPageValues
    var pages: [SummaryValues]
    var pagination: PaginationValues?

    static let keys = ["site", "page", "pages", "has_pages", "pagination"]

    func child(named name: String) -> Any? {
        switch name {
        case "site": return site
        case "page": return page
        case "pages": return pages.isEmpty ? nil : pages
        case "has_pages": return !pages.isEmpty
        case "pagination": return pagination
        default: return nil
        }
    }
}

/// The context of `tags`, the tag index.
struct TagIndexValues: TemplateValue {
    var site: SiteValues
    var page: ListPageValues
    var tags: [TagValues]

    static let keys = ["site", "page", "tags", "has_tags"]

    func child(named name: String) -> Any? {
        switch name {
        case "site": return site
        case "page": return page
        case "tags": return tags.isEmpty ? nil : tags
        case "has_tags": return !tags.isEmpty
        default: return nil
        }
    }
}

/// A page with no values of its own beyond `site` and `page`: search, 404.
struct PlainPageValues: TemplateValue {
    var site: SiteValues
    var page: ListPageValues

    static let keys = ["site", "page"]

    func child(named name: String) -> Any? {
        switch name {
        case "site": return site
        case "page": return page
        default: return nil
        }
    }
}

/// One cell of the timeline's calendar.
struct CalendarCellValues: TemplateValue {
    var x: Int
    var width: Int
    var filled: Bool
    var level: Int
    var label: String

    static let keys = ["x", "width", "filled", "level", "label"]

    func child(named name: String) -> Any? {
        switch name {
        case "x": return x
        case "width": return width
        case "filled": return filled
        case "level": return level
        case "label": return label
        default: return nil
        }
    }
}

/// A year of the timeline.
struct TimelineYearValues: TemplateValue {
    var year: Int?
    var label: String
    var entries: [SummaryValues]
    var weeks: [CalendarCellValues]?
    var months: [CalendarCellValues]?
    var weeksWidth: Int?

    static let keys = ["year", "label", "entries", "weeks", "months", "weeks_width"]

    func child(named name: String) -> Any? {
        switch name {
        case "year": return year
        case "label": return label
        case "entries": return entries
        case "weeks": return weeks
        case "months": return months
        case "weeks_width": return weeksWidth
        default: return nil
        }
    }
}

/// The context of `retrospectives`, the timeline.
struct TimelineValues: TemplateValue {
    var site: SiteValues
    var page: ListPageValues
    var years: [TimelineYearValues]

    static let keys = ["site", "page", "years", "has_years"]

    func child(named name: String) -> Any? {
        switch name {
        case "site": return site
        case "page": return page
        case "years": return years.isEmpty ? nil : years
        case "has_years": return !years.isEmpty
        default: return nil
        }
    }
}

/// A month of the archive.
struct ArchiveMonthValues: TemplateValue {
    var month: Int
    var label: String
    var pages: [SummaryValues]

    static let keys = ["month", "label", "pages"]

    func child(named name: String) -> Any? {
        switch name {
        case "month": return month
        case "label": return label
        case "pages": return pages
        default: return nil
        }
    }
}

/// A year of the archive.
struct ArchiveYearValues: TemplateValue {
    var year: Int
    var months: [ArchiveMonthValues]

    static let keys = ["year", "months"]

    func child(named name: String) -> Any? {
        switch name {
        case "year": return year
        case "months": return months
        default: return nil
        }
    }
}

/// The context of `archive`.
struct ArchiveValues: TemplateValue {
    var site: SiteValues
    var page: ListPageValues
    var years: [ArchiveYearValues]
    var undated: [SummaryValues]

    static let keys = ["site", "page", "years", "undated", "has_undated"]

    func child(named name: String) -> Any? {
        switch name {
        case "site": return site
        case "page": return page
        case "years": return years.isEmpty ? nil : years
        case "undated": return undated.isEmpty ? nil : undated
        case "has_undated": return !undated.isEmpty
        default: return nil
        }
    }
}

/// The feed itself, in `atom`.
struct FeedValues: TemplateValue {
    var title: String
    var url: String
    var home: String
    var updated: String
    var subtitle: String?
    var author: String?

    static let keys = ["title", "url", "home", "updated", "subtitle", "author"]

    func child(named name: String) -> Any? {
        switch name {
        case "title": return title
        case "url": return url
        case "home": return home
        case "updated": return updated
        case "subtitle": return subtitle
        case "author": return author
        default: return nil
        }
    }
}

/// An entry of a feed: a summary, with its absolute URL, its `updated`, and in the site's feed its body.
struct FeedEntryValues: TemplateValue {
    var summary: SummaryValues
    var absoluteURL: String
    var updated: String
    var content: HTMLFragment?

    static let keys = SummaryValues.keys + ["absolute_url", "updated", "content"]

    func child(named name: String) -> Any? {
        switch name {
        case "absolute_url": return absoluteURL
        case "updated": return updated
        case "content": return content
        default: return summary.child(named: name)
        }
    }
}

/// The context of `atom`.
struct AtomValues: TemplateValue {
    var site: SiteValues
    var feed: FeedValues
    var entries: [FeedEntryValues]

    static let keys = ["site", "feed", "entries"]

    func child(named name: String) -> Any? {
        switch name {
        case "site": return site
        case "feed": return feed
        case "entries": return entries
        default: return nil
        }
    }
}

/// A URL of the sitemap.
struct SitemapURLValues: TemplateValue {
    var loc: String
    var lastmod: String?

    static let keys = ["loc", "lastmod"]

    func child(named name: String) -> Any? {
        switch name {
        case "loc": return loc
        case "lastmod": return lastmod
        default: return nil
        }
    }
}

/// The context of `sitemap` and of `robots`.
struct SitemapValues: TemplateValue {
    var site: SiteValues
    var urls: [SitemapURLValues]
    var sitemapURL: String?

    static let keys = ["site", "urls", "sitemap_url"]

    func child(named name: String) -> Any? {
        switch name {
        case "site": return site
        case "urls": return urls
        case "sitemap_url": return sitemapURL
        default: return nil
        }
    }
}
