import Foundation
import SitegenContent
import SitegenCore
import SitegenMarkdown

/// Where a document's page goes. Its own `permalink` line wins; then the site's pattern: Jekyll's
/// `permalink` (posts and retrospectives) or Hugo's `permalinks` (by section), each token read as
/// that generator reads it, so a blog brought over keeps the URLs search engines and other people
/// link to; else sitegen's own `/posts/<slug>/`. A URL whose last segment ends in `.html` is that
/// file; any other is a folder.
enum Permalinks {
    static func url(of document: SourceDocument, config: SiteConfig) -> String {
        if let permalink = document.frontMatter["permalink"]?.scalarText, !permalink.isEmpty {
            return normalized(permalink)
        }
        let section = document.path.dropFirst("content/".count).split(separator: "/").first.map(String.init) ?? ""
        if document.kind != .page, let pattern = config.sectionPermalinks[section] {
            return normalized(expand(pattern) { hugoToken($0, document: document, section: section) })
        }
        if document.kind != .page, let permalink = config.permalink {
            return normalized(expand(jekyllStyles[permalink] ?? permalink) { jekyllToken($0, document: document) })
        }
        let slug = config.hugoSlugs && document.frontMatter["slug"] == nil ? Slug.segment(bundleStem(document)) : document.slug
        switch document.kind {
        case .post: return "/posts/\(slug)/"
        case .retrospective: return "/retrospectives/\(slug)/"
        case .page:
            let folders = document.folder.split(separator: "/").map { Slug.segment(String($0)) }.filter { !$0.isEmpty }
            let isIndex = FileName.stem(document.path.split(separator: "/").last.map(String.init) ?? "").lowercased() == "index"
            let segments = isIndex ? folders : folders + [slug]
            return segments.isEmpty ? "/" : "/" + segments.joined(separator: "/") + "/"
        }
    }

    /// The old URLs of `redirect_from` (Jekyll's plugin) and `aliases` (Hugo), a text or a list each:
    /// a path from the site's root, or, without a leading `/`, from the folder of the page's own URL.
    static func aliases(of document: SourceDocument, url: String) -> [String] {
        var paths: [String] = []
        for key in ["redirect_from", "aliases"] {
            switch document.frontMatter[key] {
            case .list(let items)?: paths += items.compactMap(\.scalarText)
            case let value?: paths += value.scalarText.map { [$0] } ?? []
            case nil: continue
            }
        }
        let folder = url.hasSuffix("/") ? String(url.dropLast().split(separator: "/").dropLast().joined(separator: "/"))
                                        : String(url.split(separator: "/").dropLast().joined(separator: "/"))
        var seen = Set<String>()
        return paths.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            .map { $0.hasPrefix("/") ? normalized($0) : normalized("/" + folder + "/" + $0) }
            .filter { seen.insert($0).inserted }
    }

    /// The page left at an old URL: it sends browsers on at once and tells search engines where the
    /// page is now (canonical link, not indexed itself). Listed in no list, feed, sitemap or index.
    static func redirectPage(to document: PageDocument, config: SiteConfig) -> [UInt8] {
        let target = escapeHTML(href(document.url, config))
        let canonical = escapeHTML(config.origin.isEmpty ? href(document.url, config) : Feeds.absolute(document.url, config))
        let html = """
            <!DOCTYPE html>
            <html lang="\(escapeHTML(config.language))">
            <head>
            <meta charset="utf-8">
            <title>\(escapeHTML(document.title))</title>
            <link rel="canonical" href="\(canonical)">
            <meta name="robots" content="noindex">
            <meta http-equiv="refresh" content="0; url=\(target)">
            </head>
            <body>
            <p><a href="\(target)">\(escapeHTML(document.title))</a></p>
            </body>
            </html>

            """
        return Array(html.utf8)
    }

    /// Where a document's old URLs are written.
    static func aliasLocation(of document: SourceDocument) -> SourceLocation {
        for key in ["redirect_from", "aliases"] where document.frontMatter[key] != nil {
            return document.frontMatter.location(of: key, in: document.path)
        }
        return SourceLocation(path: document.path)
    }

    /// Hugo's name of a file: its whole name less the extension; a page bundle's (`my-post/index.md`), its folder's.
    static func bundleStem(_ document: SourceDocument) -> String {
        let parts = document.path.split(separator: "/").map(String.init)
        let stem = FileName.stem(parts.last ?? document.slug)
        return stem.lowercased() == "index" && parts.count > 2 ? parts[parts.count - 2] : stem
    }

    /// Jekyll's named styles.
    static let jekyllStyles = [
        "date": "/:categories/:year/:month/:day/:title:output_ext",
        "pretty": "/:categories/:year/:month/:day/:title/",
        "ordinal": "/:categories/:year/:y_day/:title:output_ext",
        "weekdate": "/:categories/:year/W:week/:short_day/:title:output_ext",
        "none": "/:categories/:title:output_ext",
    ]

    /// `/a//b/c.html` as a site URL: one leading slash, no empty or `.` segments, a folder's trailing slash.
    static func normalized(_ path: String) -> String {
        let segments = path.split(separator: "/").filter { $0 != "." }
        guard let last = segments.last else { return "/" }
        let joined = "/" + segments.joined(separator: "/")
        return isFile(last) ? joined : joined + "/"
    }

    static func isFile(_ segment: Substring) -> Bool {
        let lower = segment.lowercased()
        return lower.hasSuffix(".html") || lower.hasSuffix(".htm")
    }

    /// Replaces each `:token` (letters and `_`) with what `value` gives; an unknown token stays as written.
    static func expand(_ pattern: String, _ value: (String) -> String?) -> String {
        var result = ""
        var index = pattern.startIndex
        while index < pattern.endIndex {
            let character = pattern[index]
            guard character == ":" else {
                result.append(character)
                index = pattern.index(after: index)
                continue
            }
            var end = pattern.index(after: index)
            while end < pattern.endIndex, pattern[end].isASCII, pattern[end].isLetter || pattern[end] == "_" { end = pattern.index(after: end) }
            // The longest known token wins: `:title:output_ext`, `:i_month`.
            var name = String(pattern[pattern.index(after: index)..<end])
            while !name.isEmpty, value(name) == nil { name.removeLast() }
            if name.isEmpty {
                result.append(":")
                index = pattern.index(after: index)
            } else {
                result += value(name) ?? ""
                index = pattern.index(index, offsetBy: name.count + 1)
            }
        }
        return result
    }

    private static let dayNames = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]

    /// Jekyll's placeholders. `:title` keeps the case and most punctuation of the file name's
    /// title (or `slug`); `:slug` is that lower-cased, every run of other characters one `-`.
    static func jekyllToken(_ name: String, document: SourceDocument) -> String? {
        let raw = document.frontMatter["slug"]?.scalarText.flatMap { $0.isEmpty ? nil : $0 } ?? document.fileTitle
        switch name {
        case "title": return jekyllSlug(raw, pretty: true)
        case "slug": return jekyllSlug(raw, pretty: false).lowercased()
        case "categories": return categories(of: document).joined(separator: "/")
        case "output_ext": return ".html"
        default: return dateToken(name, document.date)
        }
    }

    /// Hugo's placeholders: `:slug` is `slug` or else the title, `:title` the title, both made URL
    /// segments; `:filename` the file's name as it is.
    static func hugoToken(_ name: String, document: SourceDocument, section: String) -> String? {
        let title = document.title ?? document.fileTitle
        switch name {
        case "slug": return Slug.segment(document.frontMatter["slug"]?.scalarText.flatMap { $0.isEmpty ? nil : $0 } ?? title)
        case "title": return Slug.segment(title)
        case "filename": return bundleStem(document)
        case "section": return section
        case "monthname": return document.date.map { MonthNames.english[$0.month - 1].lowercased() }
        default: return dateToken(name, document.date)
        }
    }

    /// The date placeholders both generators share, and Jekyll's others.
    static func dateToken(_ name: String, _ date: DocumentDate?) -> String? {
        guard let date else {
            return ["year", "month", "day", "i_month", "i_day", "short_year", "y_day", "short_month", "long_month",
                    "week", "short_day", "hour", "minute", "second"].contains(name) ? "" : nil
        }
        switch name {
        case "year": return date.year.zeroPadded(4)
        case "month": return date.month.zeroPadded()
        case "day": return date.day.zeroPadded()
        case "i_month": return String(date.month)
        case "i_day": return String(date.day)
        case "short_year": return (date.year % 100).zeroPadded()
        case "y_day":
            let days = DocumentDate.daysFromCivil(year: date.year, month: date.month, day: date.day)
            return (days - DocumentDate.daysFromCivil(year: date.year, month: 1, day: 1) + 1).zeroPadded(3)
        case "short_month": return MonthNames.englishShort[date.month - 1]
        case "long_month": return MonthNames.english[date.month - 1]
        case "week": return Period.isoWeek(of: date).week.zeroPadded()
        case "short_day":
            // 1970-01-01 was a Thursday (index 3 from Monday).
            let days = DocumentDate.daysFromCivil(year: date.year, month: date.month, day: date.day)
            return dayNames[((days % 7) + 7 + 3) % 7]
        case "hour": return date.hour.zeroPadded()
        case "minute": return date.minute.zeroPadded()
        case "second": return date.second.zeroPadded()
        default: return nil
        }
    }

    /// Jekyll's slugify: every run of characters that are not letters, marks or digits (in pretty
    /// mode, nor `._~!$&'()+,;=@`) becomes one `-`, none at either end.
    static func jekyllSlug(_ text: String, pretty: Bool) -> String {
        let kept: Set<Character> = pretty ? Set("._~!$&'()+,;=@") : []
        var result = ""
        var dash = false
        for character in text.precomposedStringWithCanonicalMapping {
            let isWord = character.unicodeScalars.allSatisfy {
                $0.properties.isAlphabetic || $0.properties.generalCategory == .decimalNumber
                    || [.nonspacingMark, .spacingMark, .enclosingMark].contains($0.properties.generalCategory)
            }
            if isWord || kept.contains(character) {
                if dash, !result.isEmpty { result += "-" }
                dash = false
                result.append(character)
            } else {
                dash = true
            }
        }
        return result
    }

    /// Jekyll's `categories` (a list, or words separated by spaces) or `category`, lower-cased, each once.
    static func categories(of document: SourceDocument) -> [String] {
        var names: [String] = []
        for key in ["categories", "category"] {
            switch document.frontMatter[key] {
            case .list(let items)?: names += items.compactMap(\.scalarText)
            case let value?: names += (value.scalarText ?? "").split(separator: " ").map(String.init)
            case nil: continue
            }
        }
        var seen = Set<String>()
        return names.map { $0.lowercased() }.filter { !$0.isEmpty && seen.insert($0).inserted }
    }
}
