import SitegenCore

/// A link or image in the built site that leads nowhere.
public struct BrokenLink: Sendable, Hashable, Comparable {
    /// The output file that holds it: `posts/a/index.html`.
    public var page: String
    /// The link as written in the HTML.
    public var target: String
    public var reason: String

    public static func < (lhs: BrokenLink, rhs: BrokenLink) -> Bool {
        (lhs.page, lhs.target) < (rhs.page, rhs.target)
    }
}

/// Checks every internal link, image and anchor of a built site, from the HTML it wrote.
public enum LinkChecker {
    /// `pages` maps output paths of HTML files to their text; `files` lists every other output
    /// path; `basePath` is the site's (`/blog` or ""). External links are not followed.
    public static func check(pages: [String: String], files: Set<String>, basePath: String) -> [BrokenLink] {
        var ids: [String: Set<String>] = [:]
        for (path, html) in pages {
            ids[path] = Set(attributeValues(named: ["id", "name"], in: html))
        }
        var broken: [BrokenLink] = []
        for (page, html) in pages {
            for link in attributeValues(named: ["href", "src"], in: html) {
                if let reason = problem(with: link, on: page, ids: ids, files: files, basePath: basePath) {
                    broken.append(BrokenLink(page: page, target: link, reason: reason))
                }
            }
        }
        return broken.sorted()
    }

    static func problem(with link: String, on page: String, ids: [String: Set<String>], files: Set<String>, basePath: String) -> String? {
        let value = decodeEntities(link)
        if value.isEmpty || value.hasPrefix("//") || URLPath.hasScheme(value) { return nil }
        var path = Substring(value)
        var fragment: Substring = ""
        if let hash = path.firstIndex(of: "#") {
            fragment = path[path.index(after: hash)...]
            path = path[..<hash]
        }
        if let query = path.firstIndex(of: "?") { path = path[..<query] }
        let target: String
        if path.isEmpty {
            target = page
        } else {
            guard let decoded = URLPath.decode(String(path)) else { return "not a valid percent-encoded path" }
            var sitePath: String
            if decoded.hasPrefix("/") {
                guard basePath.isEmpty || decoded == basePath || decoded.hasPrefix(basePath + "/") else {
                    return "outside the site's base path \(basePath)/"
                }
                sitePath = String(decoded.dropFirst(basePath.count))
            } else {
                let folder = page.split(separator: "/").dropLast().joined(separator: "/")
                sitePath = "/" + folder + "/" + decoded
            }
            guard let resolved = resolve(sitePath, ids: ids, files: files) else { return "no such page or file" }
            target = resolved
        }
        guard !fragment.isEmpty, let anchors = ids[target] else { return nil }
        let id = URLPath.decode(String(fragment)) ?? String(fragment)
        return anchors.contains(id) || anchors.contains(id.precomposedStringWithCanonicalMapping) ? nil : "no element with id '\(id)' on \(target)"
    }

    /// The output file a site path names: the file itself, or the `index.html` of a folder.
    static func resolve(_ sitePath: String, ids: [String: Set<String>], files: Set<String>) -> String? {
        guard let joined = URLPath.resolvingDots(sitePath)?.joined(separator: "/") else { return nil }
        let candidates = sitePath.hasSuffix("/") || joined.isEmpty
            ? [joined.isEmpty ? "index.html" : joined + "/index.html"]
            : [joined, joined + "/index.html"]
        return candidates.first { ids[$0] != nil || files.contains($0) }
    }

    /// The values of the named attributes, in order: `href="…"` and `href='…'`.
    static func attributeValues(named names: Set<String>, in html: String) -> [String] {
        var values: [String] = []
        let bytes = Array(html.utf8)
        var i = 0
        while i < bytes.count {
            guard bytes[i] == UInt8(ascii: "="), i + 1 < bytes.count,
                  bytes[i + 1] == UInt8(ascii: "\"") || bytes[i + 1] == UInt8(ascii: "'") else { i += 1; continue }
            var start = i
            while start > 0, isNameByte(bytes[start - 1]) { start -= 1 }
            let name = String(decoding: bytes[start..<i], as: UTF8.self).lowercased()
            let quote = bytes[i + 1]
            var end = i + 2
            while end < bytes.count, bytes[end] != quote { end += 1 }
            if start > 0, bytes[start - 1] == UInt8(ascii: " ") || bytes[start - 1] == UInt8(ascii: "\n"), names.contains(name) {
                values.append(String(decoding: bytes[(i + 2)..<min(end, bytes.count)], as: UTF8.self))
            }
            i = end + 1
        }
        return values
    }

    private static func isNameByte(_ byte: UInt8) -> Bool {
        (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x30 && byte <= 0x39) || byte == UInt8(ascii: "-")
    }

    private static func decodeEntities(_ value: String) -> String {
        guard value.contains("&") else { return value }
        return value.replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&amp;", with: "&")
    }
}
