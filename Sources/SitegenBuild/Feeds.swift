import Foundation
import SitegenContent
import SitegenCore

/// The machine-read outputs: JSON Feed and the search index, encoded from typed values; Atom,
/// sitemap and robots.txt come from the theme's templates.
enum Feeds {
    /// How many entries a feed carries, newest first.
    static let entryLimit = 20

    /// Atom's `updated` of a feed with no dated entry: when sitegen first wrote such a feed. Fixed,
    /// so builds stay byte-identical; a feed reader shows no entries anyway.
    static let emptyFeedUpdated = "2026-01-01T00:00:00Z"

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
                let document = context.documentAt(index)
                let url = absolute(document.url, config)
                return JSONFeed.Item(
                    id: url, url: url, title: document.title,
                    content_html: document.rendered.html,
                    summary: (document.source.frontMatter["description"] ?? document.source.frontMatter["summary"])?.scalarText,
                    date_published: document.sortDate?.rfc3339(defaultOffset: config.utcOffset),
                    tags: site.tagNames(of: document))
            })
        return encode(feed)
    }

    /// One document's entry of the search index: `{"date","tags","text","title","url"}`, keys sorted
    /// as JSONEncoder sorts them. Written by hand: the index carries every body's text, and
    /// JSONEncoder spent most of a rebuild on it.
    static func searchEntry(_ document: PageDocument, site: Site) -> [UInt8] {
        var json = JSONText()
        json.bytes.reserveCapacity(document.rendered.plainText.utf8.count + 256)
        searchEntry(document, site: site, into: &json)
        return json.bytes
    }

    static func searchEntry(_ document: PageDocument, site: Site, into json: inout JSONText) {
        json.raw("{")
        if let date = document.sortDate?.isoDay {
            json.raw("\"date\":")
            json.string(date)
            json.raw(",")
        }
        json.raw("\"tags\":[")
        for (index, name) in site.tagNames(of: document).enumerated() {
            if index > 0 { json.raw(",") }
            json.string(name)
        }
        json.raw("],\"text\":")
        json.string(document.rendered.plainText)
        json.raw(",\"title\":")
        json.string(document.title)
        json.raw(",\"url\":")
        json.string(href(document.url, site.config))
        json.raw("}")
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

/// JSON written into bytes, strings escaped as JSONEncoder escapes them with `.withoutEscapingSlashes`.
struct JSONText {
    var bytes: [UInt8] = []

    mutating func raw(_ text: StaticString) {
        text.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    mutating func string(_ text: String) {
        bytes.append(UInt8(ascii: "\""))
        var text = text
        text.withUTF8 { utf8 in
            // Runs of bytes that need no escape are copied whole.
            var runStart = 0
            for (offset, byte) in utf8.enumerated() where byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") {
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<offset]))
                runStart = offset + 1
                escape(byte)
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart...]))
        }
        bytes.append(UInt8(ascii: "\""))
    }

    private mutating func escape(_ byte: UInt8) {
        switch byte {
        case UInt8(ascii: "\""): bytes += [UInt8(ascii: "\\"), UInt8(ascii: "\"")]
        case UInt8(ascii: "\\"): bytes += [UInt8(ascii: "\\"), UInt8(ascii: "\\")]
        case 0x08: bytes += [UInt8(ascii: "\\"), UInt8(ascii: "b")]
        case 0x09: bytes += [UInt8(ascii: "\\"), UInt8(ascii: "t")]
        case 0x0A: bytes += [UInt8(ascii: "\\"), UInt8(ascii: "n")]
        case 0x0C: bytes += [UInt8(ascii: "\\"), UInt8(ascii: "f")]
        case 0x0D: bytes += [UInt8(ascii: "\\"), UInt8(ascii: "r")]
        default:
            let hex = Array("0123456789abcdef".utf8)
            bytes += [UInt8(ascii: "\\"), UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"), hex[Int(byte >> 4)], hex[Int(byte & 0xF)]]
        }
    }
}
