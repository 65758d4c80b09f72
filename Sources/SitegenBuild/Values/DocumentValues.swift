import Synchronization
import SitegenContent
import SitegenCore
import SitegenTemplates

/// The typed values templates see. Each type lists its fields once, a name and how to read it:
/// Mustache's lookups (`child(named:)`), the theme contract (`keys`, which `themes/README.md`
/// documents; a test holds the two together) and the fingerprint that decides what `serve`
/// re-renders all come from that list. A value that is missing is `.none`, so `{{#key}}` tests for
/// presence.
protocol TemplateValue: TemplateObject, TemplateDataConvertible {
    typealias Field = TemplateField<Self>
    static var fields: [Field] { get }
    /// Every name `child(named:)` answers.
    static var keys: [String] { get }
    /// A value whose keys this one answers too, after its own (a page's summary).
    var inherited: (any TemplateObject)? { get }
}

/// A named field of a value type, and how to read it.
struct TemplateField<Value>: Sendable {
    let name: String
    let read: @Sendable (Value) -> TemplateData

    init<Field: TemplateDataConvertible>(_ name: String, _ read: @escaping @Sendable (Value) -> Field) {
        self.name = name
        self.read = { read($0).templateData }
    }

    init(_ name: String, data read: @escaping @Sendable (Value) -> TemplateData) {
        self.name = name
        self.read = read
    }
}

extension TemplateValue {
    static var keys: [String] { fields.map(\.name) }
    var inherited: (any TemplateObject)? { nil }

    /// The field called `name` of `value`, else the inherited value's: `.none` when neither has it.
    func child(named name: String) -> TemplateData {
        // Lengths first: for names of up to 15 bytes the length is in the string itself, and most
        // fields differ in it, so `==`'s out-of-line comparison runs for few of them.
        let length = name.utf8.count
        for field in Self.fields where field.name.utf8.count == length && field.name == name {
            let value = field.read(self)
            if !value.isNone { return value }
            break
        }
        return inherited?.child(named: name) ?? .none
    }

    /// Every field as a template reads it, then the inherited value's.
    func fingerprint(into hasher: inout Hasher) {
        for field in Self.fields { field.read(self).fingerprint(into: &hasher) }
        inherited?.fingerprint(into: &hasher)
    }

    var templateText: String { String(describing: self) }
    var templateData: TemplateData { .object(self) }
}

/// A value that pages read many times, held by reference: a lookup that goes through it retains
/// one reference instead of copying every field of a large struct. Made once: `site` per build,
/// a summary per document.
final class Shared<Value: TemplateValue>: TemplateValue {
    let value: Value
    /// The value's fingerprint, worked out the first time a page that shows it is fingerprinted: a
    /// summary is on up to six pages. Cold builds fingerprint nothing and never work it out.
    private let digest = Mutex<Int?>(nil)

    init(_ value: Value) { self.value = value }

    func fingerprint(into hasher: inout Hasher) {
        hasher.combine(digest.withLock { digest in
            if let digest { return digest }
            var own = Hasher()
            value.fingerprint(into: &own)
            let made = own.finalize()
            digest = made
            return made
        })
    }

    static var fields: [Field] { Value.fields.map { field in Field(field.name, data: { field.read($0.value) }) } }
    static var keys: [String] { Value.keys }

    func child(named name: String) -> TemplateData { value.child(named: name) }
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
        .init("title") { $0.title },
        .init("description") { $0.description },
        .init("author") { $0.author },
        .init("language") { $0.language },
        .init("base_url") { $0.baseURL },
        .init("base_path") { $0.basePath },
        .init("home_url") { $0.homeURL },
        .init("tags_url") { $0.tagsURL },
        .init("posts_url") { $0.postsURL },
        .init("retrospectives_url") { $0.retrospectivesURL },
        .init("archive_url") { $0.archiveURL },
        .init("search_url") { $0.searchURL },
        .init("feed_url") { $0.feedURL },
        .init("json_feed_url") { $0.jsonFeedURL },
        .init("locale") { $0.locale },
        .init("labels") { $0.labels },
        .init("params") { $0.params },
        .init("comments") { $0.comments },
        .init("math_assets_url") { $0.mathAssetsURL },
        .init("menu") { $0.menu },
        .init("favicon") { $0.favicon },
        .init("avatar") { $0.avatar },
        .init("bio") { $0.bio },
        .init("social") { $0.social },
        .init("has_social") { $0.social == nil ? nil : true },
        .init("has_profile") { $0.avatar != nil || $0.bio != nil || $0.social != nil ? true : nil },
    ]
}

/// Front matter or `params:` values as templates take them: text, numbers as written, flags, lists, mappings.
struct ParamValues: TemplateObject, TemplateDataConvertible, Sendable, Hashable {
    var values: [String: FrontMatterValue]

    func child(named name: String) -> TemplateData {
        values[name].map(Self.value) ?? .none
    }

    static func value(_ value: FrontMatterValue) -> TemplateData {
        switch value {
        case .string(let s): return .text(s)
        case .integer(let i): return .int(i)
        case .number(_, let written): return .text(written)
        case .bool(let b): return .bool(b)
        case .null: return .none
        case .list(let items): return .list(items.map(Self.value))
        case .map(let map): return .object(ParamValues(values: map))
        }
    }

    var templateText: String { String(describing: values) }
    var templateData: TemplateData { .object(self) }
}

/// One of the author's addresses (`site.social`): the network as written, its name to show, the address.
struct SocialLinkValues: TemplateValue {
    var network: String
    var name: String
    var url: String

    static let fields: [Field] = [
        .init("network") { $0.network },
        .init("name") { $0.name },
        .init("url") { $0.url },
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
        .init("url") { $0.url },
        .init("alt") { $0.alt },
        .init("caption") { $0.caption },
    ]
}

/// An entry of the site's navigation (`site.menu`).
struct MenuEntryValues: TemplateValue {
    var name: String
    var url: TemplateLink

    static let fields: [Field] = [
        .init("name") { $0.name },
        .init("url") { $0.url },
    ]
}

/// A tag: on pages, lists and the tag index.
struct TagValues: TemplateValue {
    var name: String
    var slug: String
    var url: TemplateLink
    var count: TemplateCount

    static let fields: [Field] = [
        .init("name") { $0.name },
        .init("slug") { $0.slug },
        .init("url") { $0.url },
        .init("count") { $0.count },
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
        .init("label") { $0.label },
        .init("text") { $0.text },
        .init("cadence") { $0.cadence },
        .init("cadence_label") { $0.cadenceLabel },
        .init("start") { $0.start },
        .init("end") { $0.end },
    ]
}

/// A goal of a retrospective.
struct GoalValues: TemplateValue {
    var text: String
    var done: Bool

    static let fields: [Field] = [
        .init("text") { $0.text },
        .init("done") { $0.done },
    ]
}

/// An entry of a table of contents, with the entries under it.
struct TOCValues: TemplateValue {
    var id: String
    var text: String
    var url: String
    var children: [TOCValues]?

    static let fields: [Field] = [
        .init("id") { $0.id },
        .init("text") { $0.text },
        .init("url") { $0.url },
        .init("children") { $0.children },
    ]
}

/// A link to another document: a retrospective's neighbours, and the one whose goals it inherits (with `items`).
struct ReferenceValues: TemplateValue {
    var title: String
    var url: TemplateLink
    var period: PeriodValues?
    var items: [GoalValues]?

    static let fields: [Field] = [
        .init("title") { $0.title },
        .init("url") { $0.url },
        .init("period") { $0.period },
        .init("items") { $0.items },
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
        .init("title") { $0.title },
        .init("url") { $0.url },
        .init("kind") { $0.kind.rawValue },
        .init("is_post") { $0.kind == .post ? true : nil },
        .init("is_retrospective") { $0.kind == .retrospective ? true : nil },
        .init("is_page") { $0.kind == .page ? true : nil },
        .init("params") { $0.params },
        .init("permalink") { $0.permalink },
        .init("subtitle") { $0.subtitle },
        .init("description") { $0.description },
        .init("excerpt") { $0.excerpt },
        .init("word_count") { $0.wordCount },
        .init("reading_minutes") { $0.readingMinutes },
        .init("date") { $0.date },
        .init("period") { $0.period },
        .init("tags") { $0.tags.isEmpty ? nil : $0.tags },
        .init("has_tags") { !$0.tags.isEmpty },
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
        .init("content") { $0.content },
        .init("toc_html") { $0.tocHTML },
        .init("toc") { $0.toc },
        .init("title_id") { $0.titleID },
        .init("comments") { $0.comments },
        .init("math") { $0.math },
        .init("mermaid") { $0.mermaid },
        .init("previous") { $0.previous },
        .init("next") { $0.next },
        .init("previous_same_cadence") { $0.previousSameCadence },
        .init("next_same_cadence") { $0.nextSameCadence },
        .init("year_ago") { $0.yearAgo },
        .init("image") { $0.image },
        .init("cover") { $0.cover },
        .init("edit_url") { $0.editURL },
        .init("older_post") { $0.olderPost },
        .init("newer_post") { $0.newerPost },
        .init("related") { $0.related },
        .init("has_related") { $0.related == nil ? nil : true },
        .init("goals") { $0.goals },
        .init("previous_goals") { $0.previousGoals },
    ]

    /// Its own fields, and its summary's.
    static var keys: [String] { SummaryValues.keys + fields.map(\.name) }

    var inherited: (any TemplateObject)? { summary }
}

/// The context of a document's own page. A class: the root of a page's context is read on every
/// lookup of `site.…` and `page.…`, and copying a struct of the two would retain `site`, which every
/// page on every core shares, each time.
final class DocumentPageValues: TemplateValue {
    let site: Shared<SiteValues>
    let page: Shared<PageValues>

    init(site: Shared<SiteValues>, page: Shared<PageValues>) {
        self.site = site
        self.page = page
    }

    static let fields: [Field] = [
        .init("site") { $0.site },
        .init("page") { $0.page },
    ]
}
