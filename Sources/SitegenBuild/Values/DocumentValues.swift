import Mustache
import Synchronization
import SitegenContent
import SitegenCore
import SitegenTemplates

/// The typed values templates see. Each type lists its fields once, a name and how to read it:
/// Mustache's lookups (`child(named:)`) and the theme contract (`keys`, which `themes/README.md`
/// documents; a test holds the two together) both come from that list. A value that is missing is
/// `nil`, so `{{#key}}` tests for presence. Values are `Hashable` by all they hold (synthesized), so
/// what `serve` re-renders is decided by the values themselves: a page whose values and template
/// hash as before is the page it was.
protocol TemplateValue: MustacheParent, Sendable, Hashable {
    typealias Field = (name: String, value: @Sendable (Self) -> Any?)
    static var fields: [Field] { get }
    /// Every name `child(named:)` answers.
    static var keys: [String] { get }
}

extension TemplateValue {
    static var keys: [String] { fields.map(\.name) }

    /// The field called `name` of `value`: nil when there is no such field or it holds nothing.
    static func value(named name: String, of value: Self) -> Any? {
        for field in fields where field.name == name { return field.value(value) }
        return nil
    }

    func child(named name: String) -> Any? { Self.value(named: name, of: self) }
}

/// A value that pages read many times, held by reference. swift-mustache looks each name up through
/// `Any` casts (`as? MustacheParent`), and a cast of a large struct copies it — every field
/// retained, a box allocated — on every lookup of `site.…` or `page.…` and for every list entry;
/// a class instance is only retained. Made once: `site` per build, a summary per document.
final class Shared<Value: TemplateValue>: TemplateValue {
    let value: Value
    /// The value's hash, worked out the first time a page that shows it is fingerprinted: a summary
    /// is on up to six pages. Cold builds fingerprint nothing and never work it out.
    private let digest = Mutex<Int?>(nil)

    init(_ value: Value) { self.value = value }

    static func == (lhs: Shared, rhs: Shared) -> Bool { lhs === rhs || lhs.value == rhs.value }

    func hash(into hasher: inout Hasher) {
        hasher.combine(digest.withLock { digest in
            if let digest { return digest }
            let made = value.hashValue
            digest = made
            return made
        })
    }

    static var fields: [Field] { Value.fields.map { field in (field.name, { field.value($0.value) }) } }
    static var keys: [String] { Value.keys }

    func child(named name: String) -> Any? { value.child(named: name) }
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
    var mathAssetsURL: String
    var menu: [MenuEntryValues]
    var favicon: TemplateLink?
    var avatar: TemplateLink?
    var bio: String?
    var social: [SocialLinkValues]?

    static let fields: [Field] = [
        ("title", { $0.title }),
        ("description", { $0.description }),
        ("author", { $0.author }),
        ("language", { $0.language }),
        ("base_url", { $0.baseURL }),
        ("base_path", { $0.basePath }),
        ("home_url", { $0.homeURL }),
        ("tags_url", { $0.tagsURL }),
        ("posts_url", { $0.postsURL }),
        ("retrospectives_url", { $0.retrospectivesURL }),
        ("archive_url", { $0.archiveURL }),
        ("search_url", { $0.searchURL }),
        ("feed_url", { $0.feedURL }),
        ("json_feed_url", { $0.jsonFeedURL }),
        ("locale", { $0.locale }),
        ("labels", { $0.labels }),
        ("params", { $0.params }),
        ("comments", { $0.comments }),
        ("math_assets_url", { $0.mathAssetsURL }),
        ("menu", { $0.menu }),
        ("favicon", { $0.favicon }),
        ("avatar", { $0.avatar }),
        ("bio", { $0.bio }),
        ("social", { $0.social }),
        ("has_social", { $0.social == nil ? nil : true }),
        ("has_profile", { $0.avatar != nil || $0.bio != nil || $0.social != nil ? true : nil }),
    ]
}

/// Front matter or `params:` values as templates take them: text, numbers as written, flags, lists, mappings.
struct ParamValues: MustacheParent, Sendable, Hashable {
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

/// One of the author's addresses (`site.social`): the network as written, its name to show, the address.
struct SocialLinkValues: TemplateValue {
    var network: String
    var name: String
    var url: String

    static let fields: [Field] = [
        ("network", { $0.network }),
        ("name", { $0.name }),
        ("url", { $0.url }),
    ]
}

/// A post's cover picture from its front matter, shown above its text: `image:` (a path, or
/// Chirpy's `{path, alt}`), PaperMod's `cover: {image, alt, caption}`, Minimal Mistakes'
/// `header: {overlay_image | image, caption}`.
struct CoverValues: TemplateValue {
    var url: TemplateLink
    var alt: String
    var caption: String?

    static let fields: [Field] = [
        ("url", { $0.url }),
        ("alt", { $0.alt }),
        ("caption", { $0.caption }),
    ]
}

/// An entry of the site's navigation (`site.menu`).
struct MenuEntryValues: TemplateValue {
    var name: String
    var url: TemplateLink

    static let fields: [Field] = [
        ("name", { $0.name }),
        ("url", { $0.url }),
    ]
}

/// A tag: on pages, lists and the tag index.
struct TagValues: TemplateValue {
    var name: String
    var slug: String
    var url: TemplateLink
    var count: TemplateCount

    static let fields: [Field] = [
        ("name", { $0.name }),
        ("slug", { $0.slug }),
        ("url", { $0.url }),
        ("count", { $0.count }),
    ]
}

/// A retrospective's period.
struct PeriodValues: TemplateValue {
    var label: String
    var text: String
    var cadence: String
    var cadenceLabel: String
    var start: String
    var end: String

    static let fields: [Field] = [
        ("label", { $0.label }),
        ("text", { $0.text }),
        ("cadence", { $0.cadence }),
        ("cadence_label", { $0.cadenceLabel }),
        ("start", { $0.start }),
        ("end", { $0.end }),
    ]
}

/// A goal of a retrospective.
struct GoalValues: TemplateValue {
    var text: String
    var done: Bool

    static let fields: [Field] = [
        ("text", { $0.text }),
        ("done", { $0.done }),
    ]
}

/// An entry of a table of contents, with the entries under it.
struct TOCValues: TemplateValue {
    var id: String
    var text: String
    var url: String
    var children: [TOCValues]?

    static let fields: [Field] = [
        ("id", { $0.id }),
        ("text", { $0.text }),
        ("url", { $0.url }),
        ("children", { $0.children }),
    ]
}

/// A link to another document: a retrospective's neighbours, and the one whose goals it inherits (with `items`).
struct ReferenceValues: TemplateValue {
    var title: String
    var url: TemplateLink
    var period: PeriodValues?
    var items: [GoalValues]?

    static let fields: [Field] = [
        ("title", { $0.title }),
        ("url", { $0.url }),
        ("period", { $0.period }),
        ("items", { $0.items }),
    ]
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
    var tags: [Shared<TagValues>]

    static let fields: [Field] = [
        ("title", { $0.title }),
        ("url", { $0.url }),
        ("kind", { $0.kind.rawValue }),
        ("is_post", { $0.kind == .post ? true : nil }),
        ("is_retrospective", { $0.kind == .retrospective ? true : nil }),
        ("is_page", { $0.kind == .page ? true : nil }),
        ("params", { $0.params }),
        ("permalink", { $0.permalink }),
        ("subtitle", { $0.subtitle }),
        ("description", { $0.description }),
        ("excerpt", { $0.excerpt }),
        ("word_count", { $0.wordCount }),
        ("reading_minutes", { $0.readingMinutes }),
        ("date", { $0.date }),
        ("period", { $0.period }),
        ("tags", { $0.tags.isEmpty ? nil : $0.tags }),
        ("has_tags", { !$0.tags.isEmpty }),
    ]
}

/// `page` on a document's own page: its summary, and its body, table of contents and retrospective links.
struct PageValues: TemplateValue {
    var summary: Shared<SummaryValues>
    var content: HTMLFragment
    var tocHTML: String?
    var toc: [TOCValues]?
    var titleID: String?
    var comments: Bool
    var math: Bool
    var mermaid: Bool
    var previous, next, previousSameCadence, nextSameCadence, yearAgo: ReferenceValues?
    var olderPost, newerPost: ReferenceValues?
    var image: TemplateLink?
    var cover: CoverValues?
    var editURL: String?
    var related: [ReferenceValues]?
    var goals: [GoalValues]?
    var previousGoals: ReferenceValues?

    static let fields: [Field] = [
        ("content", { $0.content }),
        ("toc_html", { $0.tocHTML }),
        ("toc", { $0.toc }),
        ("title_id", { $0.titleID }),
        ("comments", { $0.comments }),
        ("math", { $0.math }),
        ("mermaid", { $0.mermaid }),
        ("previous", { $0.previous }),
        ("next", { $0.next }),
        ("previous_same_cadence", { $0.previousSameCadence }),
        ("next_same_cadence", { $0.nextSameCadence }),
        ("year_ago", { $0.yearAgo }),
        ("image", { $0.image }),
        ("cover", { $0.cover }),
        ("edit_url", { $0.editURL }),
        ("older_post", { $0.olderPost }),
        ("newer_post", { $0.newerPost }),
        ("related", { $0.related }),
        ("has_related", { $0.related == nil ? nil : true }),
        ("goals", { $0.goals }),
        ("previous_goals", { $0.previousGoals }),
    ]

    /// Its own fields, and its summary's.
    static var keys: [String] { SummaryValues.keys + fields.map(\.name) }

    func child(named name: String) -> Any? {
        Self.value(named: name, of: self) ?? summary.child(named: name)
    }
}

/// The context of a document's own page.
struct DocumentPageValues: TemplateValue {
    var site: Shared<SiteValues>
    var page: Shared<PageValues>

    static let fields: [Field] = [
        ("site", { $0.site }),
        ("page", { $0.page }),
    ]
}
