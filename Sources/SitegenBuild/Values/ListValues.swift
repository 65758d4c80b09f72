import SitegenTemplates

/// `page` on a generated page (a list, the tag index, the timeline, the archive, search, 404).
struct ListPageValues: TemplateValue {
    var title: String
    var url: TemplateLink
    var isHome = false
    var tag: Shared<TagValues>?
    var indexURL: TemplateLink?

    static let fields: [Field] = [
        .init("title") { $0.title },
        .init("url") { $0.url },
        .init("is_home") { $0.isHome ? true : nil },
        .init("tag") { $0.tag },
        .init("index_url") { $0.indexURL },
    ]
}

/// Where a paginated list stands.
struct PaginationValues: TemplateValue {
    var current: Int
    var total: Int
    var prevURL: TemplateLink?
    var nextURL: TemplateLink?

    static let fields: [Field] = [
        .init("current") { $0.current },
        .init("total") { $0.total },
        .init("prev_url") { $0.prevURL },
        .init("next_url") { $0.nextURL },
    ]
}

/// The context of `home`, `list` and `tag`.
struct ListValues: TemplateValue {
    var site: Shared<SiteValues>
    var page: ListPageValues
    var pages: [Shared<SummaryValues>]
    var pagination: PaginationValues?

    static let fields: [Field] = [
        .init("site") { $0.site },
        .init("page") { $0.page },
        .init("pages") { $0.pages.isEmpty ? nil : $0.pages },
        .init("has_pages") { !$0.pages.isEmpty },
        .init("pagination") { $0.pagination },
    ]
}

/// The context of `tags`, the tag index.
struct TagIndexValues: TemplateValue {
    var site: Shared<SiteValues>
    var page: ListPageValues
    var tags: [Shared<TagValues>]

    static let fields: [Field] = [
        .init("site") { $0.site },
        .init("page") { $0.page },
        .init("tags") { $0.tags.isEmpty ? nil : $0.tags },
        .init("has_tags") { !$0.tags.isEmpty },
    ]
}

/// A page with no values of its own beyond `site` and `page`: search, 404.
struct PlainPageValues: TemplateValue {
    var site: Shared<SiteValues>
    var page: ListPageValues

    static let fields: [Field] = [
        .init("site") { $0.site },
        .init("page") { $0.page },
    ]
}

/// One cell of the timeline's calendar.
struct CalendarCellValues: TemplateValue {
    var x: Int
    var width: Int
    var filled: Bool
    var level: Int
    var label: String
    /// The retrospective that covers the cell (the newest, if several).
    var url: TemplateLink?
    /// A month's name to write in its cell (`3월`, `Mar`), and where its middle is.
    var short: String?
    var center: Int

    static let fields: [Field] = [
        .init("x") { $0.x },
        .init("width") { $0.width },
        .init("filled") { $0.filled },
        .init("level") { $0.level },
        .init("label") { $0.label },
        .init("url") { $0.url },
        .init("short") { $0.short },
        .init("center") { $0.center },
    ]
}

/// A year of the timeline.
struct TimelineYearValues: TemplateValue {
    var year: Int?
    var label: String
    var entries: [Shared<SummaryValues>]
    var weeks: [CalendarCellValues]?
    var months: [CalendarCellValues]?
    var weeksWidth: Int?
    /// The calendar's height: both rows, or the months alone when no weekly retrospective is in the year.
    var calendarHeight: Int?

    static let fields: [Field] = [
        .init("year") { $0.year },
        .init("label") { $0.label },
        .init("entries") { $0.entries },
        .init("weeks") { $0.weeks },
        .init("months") { $0.months },
        .init("weeks_width") { $0.weeksWidth },
        .init("calendar_height") { $0.calendarHeight },
    ]
}

/// The context of `retrospectives`, the timeline.
struct TimelineValues: TemplateValue {
    var site: Shared<SiteValues>
    var page: ListPageValues
    var years: [TimelineYearValues]

    static let fields: [Field] = [
        .init("site") { $0.site },
        .init("page") { $0.page },
        .init("years") { $0.years.isEmpty ? nil : $0.years },
        .init("has_years") { !$0.years.isEmpty },
    ]
}

/// A month of the archive.
struct ArchiveMonthValues: TemplateValue {
    var month: Int
    var label: String
    var pages: [Shared<SummaryValues>]

    static let fields: [Field] = [
        .init("month") { $0.month },
        .init("label") { $0.label },
        .init("pages") { $0.pages },
    ]
}

/// A year of the archive.
struct ArchiveYearValues: TemplateValue {
    var year: Int
    var months: [ArchiveMonthValues]

    static let fields: [Field] = [
        .init("year") { $0.year },
        .init("months") { $0.months },
    ]
}

/// The context of `archive`.
struct ArchiveValues: TemplateValue {
    var site: Shared<SiteValues>
    var page: ListPageValues
    var years: [ArchiveYearValues]
    var undated: [Shared<SummaryValues>]

    static let fields: [Field] = [
        .init("site") { $0.site },
        .init("page") { $0.page },
        .init("years") { $0.years.isEmpty ? nil : $0.years },
        .init("undated") { $0.undated.isEmpty ? nil : $0.undated },
        .init("has_undated") { !$0.undated.isEmpty },
    ]
}

/// The feed itself, in `atom`.
struct FeedValues: TemplateValue {
    var title: String
    var url: String
    var home: String
    var updated: String
    var subtitle: String?
    var author: String?

    static let fields: [Field] = [
        .init("title") { $0.title },
        .init("url") { $0.url },
        .init("home") { $0.home },
        .init("updated") { $0.updated },
        .init("subtitle") { $0.subtitle },
        .init("author") { $0.author },
    ]
}

/// An entry of a feed: a summary, with its absolute URL, its `updated`, and in the site's feed its body.
struct FeedEntryValues: TemplateValue {
    var summary: Shared<SummaryValues>
    var absoluteURL: String
    var updated: String
    var content: HTMLFragment?

    static let fields: [Field] = [
        .init("absolute_url") { $0.absoluteURL },
        .init("updated") { $0.updated },
        .init("content") { $0.content },
    ]

    /// Its own fields, and its summary's.
    static var keys: [String] { SummaryValues.keys + fields.map(\.name) }

    var inherited: (any TemplateObject)? { summary }
}

/// The context of `atom`.
struct AtomValues: TemplateValue {
    var site: Shared<SiteValues>
    var feed: FeedValues
    var entries: [FeedEntryValues]

    static let fields: [Field] = [
        .init("site") { $0.site },
        .init("feed") { $0.feed },
        .init("entries") { $0.entries },
    ]
}

/// A URL of the sitemap.
struct SitemapURLValues: TemplateValue {
    var loc: String
    var lastmod: String?

    static let fields: [Field] = [
        .init("loc") { $0.loc },
        .init("lastmod") { $0.lastmod },
    ]
}

/// The context of `sitemap` and of `robots`.
struct SitemapValues: TemplateValue {
    var site: Shared<SiteValues>
    var urls: [SitemapURLValues]
    var sitemapURL: String?

    static let fields: [Field] = [
        .init("site") { $0.site },
        .init("urls") { $0.urls },
        .init("sitemap_url") { $0.sitemapURL },
    ]
}
