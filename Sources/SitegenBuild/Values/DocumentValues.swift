import Mustache
import SitegenContent
import SitegenCore
import SitegenTemplates

/// The typed values templates see. Each type answers Mustache's lookups by name (`child(named:)`)
/// and lists its names in `keys`, which `themes/README.md` documents (a test holds the two
/// together). A value that is missing is `nil`, so `{{#key}}` tests for presence.
protocol TemplateValue: MustacheParent, Sendable {
    /// Every name `child(named:)` answers, as the theme contract documents them.
    static var keys: [String] { get }
}

/// `site`: on every page.
struct SiteValues: TemplateValue {
    var title: String
    var description: String?
    var author: String?
    var language: String
    var baseURL: String?
    var basePath: String
    var homeURL, tagsURL, postsURL, retrospectivesURL, archiveURL, searchURL, feedURL, jsonFeedURL: TemplateLink
    var locale: String
    var labels: [String: String]
    var params: ParamValues
    var comments: [String: [String: String]]?

    static let keys = ["title", "description", "author", "language", "base_url", "base_path", "home_url", "tags_url", "posts_url",
                       "retrospectives_url", "archive_url", "search_url", "feed_url", "json_feed_url", "locale", "labels", "params", "comments"]

    func child(named name: String) -> Any? {
        switch name {
        case "title": return title
        case "description": return description
        case "author": return author
        case "language": return language
        case "base_url": return baseURL
        case "base_path": return basePath
        case "home_url": return homeURL
        case "tags_url": return tagsURL
        case "posts_url": return postsURL
        case "retrospectives_url": return retrospectivesURL
        case "archive_url": return archiveURL
        case "search_url": return searchURL
        case "feed_url": return feedURL
        case "json_feed_url": return jsonFeedURL
        case "locale": return locale
        case "labels": return labels
        case "params": return params
        case "comments": return comments
        default: return nil
        }
    }
}

/// Front matter or `params:` values as templates take them: text, numbers as written, flags, lists, mappings.
struct ParamValues: MustacheParent, Sendable {
    var values: [String: FrontMatterValue]

    func child(named name: String) -> Any? {
        values[name].flatMap(Self.value)
    }

    static func value(_ value: FrontMatterValue) -> Any? {
        switch value {
        case .string(let s): return s
        case .integer(let i): return i
        case .number(_, let written): return written
        case .bool(let b): return b
        case .null: return nil
        case .list(let items): return items.map { Self.value($0) as Any }
        case .map(let map): return ParamValues(values: map)
        }
    }
}

/// A tag: on pages, lists and the tag index.
struct TagValues: TemplateValue {
    var name: String
    var slug: String
    var url: TemplateLink
    var count: TemplateCount

    static let keys = ["name", "slug", "url", "count"]

    func child(named key: String) -> Any? {
        switch key {
        case "name": return name
        case "slug": return slug
        case "url": return url
        case "count": return count
        default: return nil
        }
    }
}

/// A retrospective's period.
struct PeriodValues: TemplateValue {
    var label: String
    var text: String
    var cadence: String
    var cadenceLabel: String
    var start: String
    var end: String

    static let keys = ["label", "text", "cadence", "cadence_label", "start", "end"]

    func child(named name: String) -> Any? {
        switch name {
        case "label": return label
        case "text": return text
        case "cadence": return cadence
        case "cadence_label": return cadenceLabel
        case "start": return start
        case "end": return end
        default: return nil
        }
    }
}

/// A goal of a retrospective.
struct GoalValues: TemplateValue {
    var text: String
    var done: Bool

    static let keys = ["text", "done"]

    func child(named name: String) -> Any? {
        switch name {
        case "text": return text
        case "done": return done
        default: return nil
        }
    }
}

/// An entry of a table of contents, with the entries under it.
struct TOCValues: TemplateValue {
    var id: String
    var text: String
    var url: String
    var children: [TOCValues]?

    static let keys = ["id", "text", "url", "children"]

    func child(named name: String) -> Any? {
        switch name {
        case "id": return id
        case "text": return text
        case "url": return url
        case "children": return children
        default: return nil
        }
    }
}

/// A link to another document: a retrospective's neighbours, and the one whose goals it inherits (with `items`).
struct ReferenceValues: TemplateValue {
    var title: String
    var url: TemplateLink
    var period: PeriodValues?
    var items: [GoalValues]?

    static let keys = ["title", "url", "period", "items"]

    func child(named name: String) -> Any? {
        switch name {
        case "title": return title
        case "url": return url
        case "period": return period
        case "items": return items
        default: return nil
        }
    }
}

/// What a list shows of a document (`pages[]`, `entries[]`), and the start of its own page's values.
struct SummaryValues: TemplateValue {
    var title: String
    var url: TemplateLink
    var kind: DocumentKind
    var params: ParamValues
    var permalink: String?
    var subtitle: String?
    var description: String?
    var excerpt: String?
    var wordCount: TemplateCount
    var readingMinutes: TemplateCount?
    var date: TemplateDate?
    var period: PeriodValues?
    var tags: [TagValues]

    static let keys = ["title", "url", "kind", "is_post", "is_retrospective", "is_page", "params", "permalink", "subtitle",
                       "description", "excerpt", "word_count", "reading_minutes", "date", "period", "tags", "has_tags"]

    func child(named name: String) -> Any? {
        switch name {
        case "title": return title
        case "url": return url
        case "kind": return kind.rawValue
        case "is_post": return kind == .post ? true : nil
        case "is_retrospective": return kind == .retrospective ? true : nil
        case "is_page": return kind == .page ? true : nil
        case "params": return params
        case "permalink": return permalink
        case "subtitle": return subtitle
        case "description": return description
        case "excerpt": return excerpt
        case "word_count": return wordCount
        case "reading_minutes": return readingMinutes
        case "date": return date
        case "period": return period
        case "tags": return tags.isEmpty ? nil : tags
        case "has_tags": return !tags.isEmpty
        default: return nil
        }
    }
}

/// `page` on a document's own page: its summary, and its body, table of contents and retrospective links.
struct PageValues: TemplateValue {
    var summary: SummaryValues
    var content: HTMLFragment
    var tocHTML: String?
    var toc: [TOCValues]?
    var titleID: String?
    var comments: Bool
    var math: Bool
    var previous, next, previousSameCadence, nextSameCadence, yearAgo: ReferenceValues?
    var goals: [GoalValues]?
    var previousGoals: ReferenceValues?

    static let keys = SummaryValues.keys + ["content", "toc_html", "toc", "title_id", "comments", "math", "previous", "next",
                                            "previous_same_cadence", "next_same_cadence", "year_ago", "goals", "previous_goals"]

    func child(named name: String) -> Any? {
        switch name {
        case "content": return content
        case "toc_html": return tocHTML
        case "toc": return toc
        case "title_id": return titleID
        case "comments": return comments
        case "math": return math
        case "previous": return previous
        case "next": return next
        case "previous_same_cadence": return previousSameCadence
        case "next_same_cadence": return nextSameCadence
        case "year_ago": return yearAgo
        case "goals": return goals
        case "previous_goals": return previousGoals
        default: return summary.child(named: name)
        }
    }
}

/// The context of a document's own page.
struct DocumentPageValues: TemplateValue {
    var site: SiteValues
    var page: PageValues

    static let keys = ["site", "page"]

    func child(named name: String) -> Any? {
        switch name {
        case "site": return site
        case "page": return page
        default: return nil
        }
    }
}
