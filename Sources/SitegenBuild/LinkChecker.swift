import SitegenCore

/// A link or image in the built site that leads nowhere.
public struct BrokenLink: Sendable, Hashable, Comparable {
    /// The output file that holds it: `posts/a/index.html`.
    public var page: String
    /// The link as written in the HTML.
    public var target: String
    public var reason: String
    /// Where the writer wrote it, when it came from a body; nil for the theme's.
    public var location: SourceLocation?

    public static func < (lhs: BrokenLink, rhs: BrokenLink) -> Bool {
        (lhs.page, lhs.target) < (rhs.page, rhs.target)
    }
}

/// Checks every internal link, image and anchor of a built site, from the HTML it wrote.
public enum LinkChecker {
    /// A link on a page, and where it was written when that is known.
    public struct PageLink: Sendable {
        public var target: String
        public var location: SourceLocation?

        public init(target: String, location: SourceLocation? = nil) {
            self.target = target
            self.location = location
        }
    }

    /// `pages` maps output paths of HTML files to their text; `links` gives each page's links (read
    /// from its HTML where not given); `files` lists every other output path; `basePath` is the
    /// site's (`/blog` or ""). Anchors are the `id`s and `name`s of each page. External links are not followed.
    public static func check(pages: [String: String], links: [String: [PageLink]] = [:], files: Set<String>, basePath: String) -> [BrokenLink] {
        var ids: [String: Set<String>] = [:]
        for (path, html) in pages {
            ids[path] = Set(HTMLAttributes.values(named: ["id", "name"], in: html).map(\.value))
        }
        var broken: [BrokenLink] = []
        for (page, html) in pages {
            let found = links[page] ?? HTMLAttributes.values(named: ["href", "src"], in: html).map { PageLink(target: $0.value) }
            for link in found {
                if let reason = problem(with: link.target, on: page, ids: ids, files: files, basePath: basePath) {
                    broken.append(BrokenLink(page: page, target: link.target, reason: reason, location: link.location))
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

    private static func decodeEntities(_ value: String) -> String {
        guard value.contains("&") else { return value }
        return value.replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&amp;", with: "&")
    }
}
