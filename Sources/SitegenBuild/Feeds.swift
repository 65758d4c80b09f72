import Foundation
import SitegenContent
import SitegenCore

/// The machine-read outputs: JSON Feed and the search index, encoded from typed values; Atom,
/// sitemap and robots.txt come from the theme's templates.
enum Feeds {
    /// How many entries a feed carries, newest first.
    static let entryLimit = 20

    /// JSON Feed 1.1 of the newest entries, with full content and absolute URLs.
    static func jsonFeed(_ site: Site, context: PageContext) -> [UInt8] {
        let config = site.config
        let feed = JSONFeed(
            title: config.title,
            home_page_url: absolute("/", config),
            feed_url: absolute("/feed.json", config),
            description: config.description.nilIfEmpty,
            language: config.language,
            authors: config.author.isEmpty ? nil : [.init(name: config.author)],
            items: site.entries.prefix(entryLimit).map { index in
                let document = site.documents[index]
                let url = absolute(document.url, config)
                return JSONFeed.Item(
                    id: url, url: url, title: document.title,
                    content_html: document.rendered.html,
                    summary: (document.source.frontMatter["description"] ?? document.source.frontMatter["summary"])?.scalarText,
                    date_published: document.sortDate?.rfc3339(defaultOffset: config.utcOffset),
                    tags: document.tagSlugs.compactMap { site.tagsBySlug[$0].map { site.tags[$0].name } })
            })
        return encode(feed)
    }

    /// Every entry and page with its text, for the search page.
    static func searchIndex(_ site: Site) -> [UInt8] {
        let entries = site.documents.map { document in
            SearchEntry(title: document.title, url: href(document.url, site.config), date: document.sortDate?.isoDay,
                        tags: document.tagSlugs.compactMap { site.tagsBySlug[$0].map { site.tags[$0].name } },
                        text: document.rendered.plainText)
        }
        return encode(entries)
    }

    static func absolute(_ path: String, _ config: SiteConfig) -> String {
        config.origin + href(path, config)
    }

    private static func encode<T: Encodable>(_ value: T) -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return Array((try? encoder.encode(value)) ?? Data("{}".utf8))
    }
}

/// https://www.jsonfeed.org/version/1.1/
private struct JSONFeed: Encodable {
    struct Author: Encodable { var name: String }

    struct Item: Encodable {
        var id: String
        var url: String
        var title: String
        var content_html: String
        var summary: String?
        var date_published: String?
        var tags: [String]
    }

    var version = "https://jsonfeed.org/version/1.1"
    var title: String
    var home_page_url: String
    var feed_url: String
    var description: String?
    var language: String
    var authors: [Author]?
    var items: [Item]
}

private struct SearchEntry: Encodable {
    var title: String
    var url: String
    var date: String?
    var tags: [String]
    var text: String
}
