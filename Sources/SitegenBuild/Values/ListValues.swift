import SitegenTemplates

/// `page` on a generated page (a list, the tag index, the timeline, the archive, search, 404).
struct ListPageValues: TemplateValue {
    var title: String
    var url: TemplateLink
    var isHome = false
    var tag: Shared<TagValues>?
    var indexURL: TemplateLink?

    static let fields: [Field] = [
        ("title", { $0.title }),
        ("url", { $0.url }),
        ("is_home", { $0.isHome ? true : nil }),
        ("tag", { $0.tag }),
        ("index_url", { $0.indexURL }),
    ]
}

/// Where a paginated list stands.
struct PaginationValues: TemplateValue {
    var current: Int
    var total: Int
    var prevURL: TemplateLink?
    var nextURL: TemplateLink?

    static let fields: [Field] = [
        ("current", { $0.current }),
        ("total", { $0.total }),
        ("prev_url", { $0.prevURL }),
        ("next_url", { $0.nextURL }),
    ]
}

/// The context of `home`, `list` and `tag`.
struct ListValues: TemplateValue {
    var site: Shared<SiteValues>
    var page: ListPageValues
    var pages: [Shared<SummaryValues>]
    var pagination: PaginationValues?

    static let fields: [Field] = [
        ("site", { $0.site }),
        ("page", { $0.page }),
        ("pages", { $0.pages.isEmpty ? nil : $0.pages }),
        ("has_pages", { !$0.pages.isEmpty }),
        ("pagination", { $0.pagination }),
    ]
}

/// The context of `tags`, the tag index.
struct TagIndexValues: TemplateValue {
    var site: Shared<SiteValues>
    var page: ListPageValues
    var tags: [Shared<TagValues>]

    static let fields: [Field] = [
        ("site", { $0.site }),
        ("page", { $0.page }),
        ("tags", { $0.tags.isEmpty ? nil : $0.tags }),
        ("has_tags", { !$0.tags.isEmpty }),
    ]
}

/// A page with no values of its own beyond `site` and `page`: search, 404.
struct PlainPageValues: TemplateValue {
    var site: Shared<SiteValues>
    var page: ListPageValues

    static let fields: [Field] = [
        ("site", { $0.site }),
        ("page", { $0.page }),
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
        ("x", { $0.x }),
        ("width", { $0.width }),
        ("filled", { $0.filled }),
        ("level", { $0.level }),
        ("label", { $0.label }),
        ("url", { $0.url }),
        ("short", { $0.short }),
        ("center", { $0.center }),
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
        ("year", { $0.year }),
        ("label", { $0.label }),
        ("entries", { $0.entries }),
        ("weeks", { $0.weeks }),
        ("months", { $0.months }),
        ("weeks_width", { $0.weeksWidth }),
        ("calendar_height", { $0.calendarHeight }),
    ]
}

/// The context of `retrospectives`, the timeline.
struct TimelineValues: TemplateValue {
    var site: Shared<SiteValues>
    var page: ListPageValues
    var years: [TimelineYearValues]

    static let fields: [Field] = [
        ("site", { $0.site }),
        ("page", { $0.page }),
        ("years", { $0.years.isEmpty ? nil : $0.years }),
        ("has_years", { !$0.years.isEmpty }),
    ]
}

/// A month of the archive.
struct ArchiveMonthValues: TemplateValue {
    var month: Int
    var label: String
    var pages: [Shared<SummaryValues>]

    static let fields: [Field] = [
        ("month", { $0.month }),
        ("label", { $0.label }),
        ("pages", { $0.pages }),
    ]
}

/// A year of the archive.
struct ArchiveYearValues: TemplateValue {
    var year: Int
    var months: [ArchiveMonthValues]

    static let fields: [Field] = [
        ("year", { $0.year }),
        ("months", { $0.months }),
    ]
}

/// The context of `archive`.
struct ArchiveValues: TemplateValue {
    var site: Shared<SiteValues>
    var page: ListPageValues
    var years: [ArchiveYearValues]
    var undated: [Shared<SummaryValues>]

    static let fields: [Field] = [
        ("site", { $0.site }),
        ("page", { $0.page }),
        ("years", { $0.years.isEmpty ? nil : $0.years }),
        ("undated", { $0.undated.isEmpty ? nil : $0.undated }),
        ("has_undated", { !$0.undated.isEmpty }),
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
        ("title", { $0.title }),
        ("url", { $0.url }),
        ("home", { $0.home }),
        ("updated", { $0.updated }),
        ("subtitle", { $0.subtitle }),
        ("author", { $0.author }),
    ]
}

/// An entry of a feed: a summary, with its absolute URL, its `updated`, and in the site's feed its body.
struct FeedEntryValues: TemplateValue {
    var summary: Shared<SummaryValues>
    var absoluteURL: String
    var updated: String
    var content: HTMLFragment?

    static let fields: [Field] = [
        ("absolute_url", { $0.absoluteURL }),
        ("updated", { $0.updated }),
        ("content", { $0.content }),
    ]

    /// Its own fields, and its summary's.
    static var keys: [String] { SummaryValues.keys + fields.map(\.name) }

    func child(named name: String) -> Any? {
        Self.value(named: name, of: self) ?? summary.child(named: name)
    }
}

/// The context of `atom`.
struct AtomValues: TemplateValue {
    var site: Shared<SiteValues>
    var feed: FeedValues
    var entries: [FeedEntryValues]

    static let fields: [Field] = [
        ("site", { $0.site }),
        ("feed", { $0.feed }),
        ("entries", { $0.entries }),
    ]
}

/// A URL of the sitemap.
struct SitemapURLValues: TemplateValue {
    var loc: String
    var lastmod: String?

    static let fields: [Field] = [
        ("loc", { $0.loc }),
        ("lastmod", { $0.lastmod }),
    ]
}

/// The context of `sitemap` and of `robots`.
struct SitemapValues: TemplateValue {
    var site: Shared<SiteValues>
    var urls: [SitemapURLValues]
    var sitemapURL: String?

    static let fields: [Field] = [
        ("site", { $0.site }),
        ("urls", { $0.urls }),
        ("sitemap_url", { $0.sitemapURL }),
    ]
}
