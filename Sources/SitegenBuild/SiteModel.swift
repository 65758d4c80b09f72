import Foundation
import SitegenContent
import SitegenCore
import SitegenMarkdown

/// A document placed in the site: rendered, titled, given its URL and its tags. A class: every
/// phase after assembling reads documents many times over (lists, neighbours, feeds), and a copy
/// of a struct holding a whole file and its rendering retains every one of their parts.
public final class PageDocument: Sendable {
    public let source: SourceDocument
    public let rendered: Rendered
    public let title: String
    /// The site-relative URL path, Unicode, ending in `/`: `/posts/회고/`.
    public let url: String
    public let tagSlugs: [String]
    /// A retrospective's period, written or read from its title.
    public let period: Period?
    /// The goals it sets: front matter `goals`, else the items under its goal headings.
    public let goals: [Goal]
    /// Old URLs that redirect here (`redirect_from`, `aliases`), as site URLs.
    public let aliases: [String]

    init(source: SourceDocument, rendered: Rendered, title: String, url: String, tagSlugs: [String], period: Period?, goals: [Goal],
         aliases: [String] = []) {
        self.source = source
        self.rendered = rendered
        self.title = title
        self.url = url
        self.tagSlugs = tagSlugs
        self.period = period
        self.goals = goals
        self.aliases = aliases
    }

    /// The same document with these tags.
    func withTags(_ slugs: [String]) -> PageDocument {
        PageDocument(source: source, rendered: rendered, title: title, url: url, tagSlugs: slugs, period: period, goals: goals,
                     aliases: aliases)
    }

    public var kind: DocumentKind { source.kind }
    /// Its date: the written one, else the last day of its period (a retrospective's period dates it).
    public var date: DocumentDate? { source.date ?? period?.endDay }
    /// What it sorts by: its date.
    public var sortDate: DocumentDate? { date }
}

/// A tag and the documents that carry it, newest first.
public struct TagGroup: Sendable {
    public var name: String
    public var slug: String
    /// Indices into `Site.documents`.
    public var members: [Int]
    public var url: String { "/tags/\(slug)/" }
}

/// The whole site as the render phase sees it: every decision about order and URLs already made.
public struct Site: Sendable {
    public var config: SiteConfig
    /// Every document, newest first; undated ones last, by title.
    public var documents: [PageDocument]
    /// Indices of the posts and retrospectives, the documents the home page and feeds list.
    public var entries: [Int]
    /// Indices of the posts alone, newest first: the `/posts/` list.
    public var posts: [Int]
    /// Indices of the retrospectives, newest first.
    public var retrospectives: [Int]
    public var retrospectiveLinks: [Int: RetrospectiveLinks]
    /// Each post's older and newer post and up to three related posts (most tags shared, nearest in time).
    public var postLinks: [Int: PostLinks] = [:]
    /// Tags by slug, sorted by name.
    public var tags: [TagGroup]
    public var tagsBySlug: [String: Int]

    /// A document's tags as the site names them (the first spelling seen of each), in its order.
    func tagNames(of document: PageDocument) -> [String] {
        document.tagSlugs.compactMap { tagsBySlug[$0].map { tags[$0].name } }
    }
}

/// How one post stands among the others (indices into `Site.documents`).
public struct PostLinks: Sendable, Hashable {
    public var older: Int?
    public var newer: Int?
    public var related: [Int] = []
}

/// A file of the finished site.
public struct OutputFile: Sendable {
    public enum Contents: Sendable {
        case bytes([UInt8])
        case copy(of: URL)
        /// Already written into the output's staging folder by a streaming build, which keeps no bytes.
        case written
    }

    /// Its path under the output root, NFC: `posts/회고/index.html`.
    public var path: String
    public var contents: Contents

    public init(path: String, contents: Contents) {
        self.path = path
        self.contents = contents
    }
}
