import SitegenCore

/// What a document's relative links may point at: the other documents by their source path, and
/// the files copied beside them. Made once per build, shared by every render.
public struct LinkTargets: Sendable, Hashable {
    /// Source path under `content/` (NFC) → the site URL of the page it becomes.
    public var documents: [String: String]
    /// Other files under `content/`, copied to the same path.
    public var files: Set<String>
    /// The site's base path, `/blog` or "", put before every rewritten link.
    public var basePath: String
    /// The scheme and host the site is published at (`https://user.github.io`), or "": Jekyll posts
    /// write their own files as `{{ site.url }}{{ site.baseurl }}/assets/…`, absolute.
    public var origin = ""

    /// Pages by their Notion id (the 32 hex digits that end an exported file's name) → their URL:
    /// a link between exported pages still lands when the pages were sorted into other folders.
    public var notionPages: [String: String]

    public init(documents: [String: String] = [:], files: Set<String> = [], basePath: String = "") {
        self.documents = documents
        self.files = files
        self.basePath = basePath
        var notionPages: [String: String] = [:]
        for (path, url) in documents {
            let name = path.split(separator: "/").last.map(String.init) ?? path
            guard let dot = name.lastIndex(of: "."), let id = NotionID.of(name[..<dot]) else { continue }
            notionPages[id] = url
        }
        self.notionPages = notionPages
    }

    /// How a link in the document at `folder` (under `content/`) is written in the output.
    public enum Resolution: Sendable, Hashable {
        /// Not a relative link to a file of the site (absolute, external, in-page): left as written.
        case unchanged
        case rewritten(String)
        /// A relative link to a file that is not there; the text of the path it looked for.
        case missing(String)
    }

    public func resolve(_ url: String, from folder: String) -> Resolution {
        guard !url.isEmpty, !url.hasPrefix("/"), !url.hasPrefix("#"), !url.hasPrefix("?"), !URLPath.hasScheme(url) else { return .unchanged }
        var target = Substring(url)
        var fragment = ""
        if let hash = target.firstIndex(of: "#") {
            fragment = String(target[hash...])
            target = target[..<hash]
        }
        if let query = target.firstIndex(of: "?") { target = target[..<query] }
        let decoded = Self.filePath(target)
        guard let path = Self.join(folder, decoded) else { return .missing(decoded) }
        if let page = documents[path] {
            return .rewritten(URLPath.encode(basePath + page) + fragment)
        }
        if files.contains(path) {
            return .rewritten(URLPath.encode(basePath + "/" + path) + fragment)
        }
        if let page = notionPage(path) {
            return .rewritten(URLPath.encode(basePath + page) + fragment)
        }
        // A link to a file (it has an extension) should find one; `../about/` may mean a built URL.
        let name = path.split(separator: "/").last ?? ""
        return name.contains(".") ? .missing(path) : .unchanged
    }

    /// The file under `content/` a link as the page has it points at (`/blog/img/a%20b.png` →
    /// `img/a b.png`): a rewritten relative link, or a site-absolute one with or without the base
    /// path, or one written with the site's own origin before it.
    public func siteFile(at url: String) -> String? {
        let path = !origin.isEmpty && url.hasPrefix(origin + "/") ? url.dropFirst(origin.count) : Substring(url)
        guard path.hasPrefix("/"), !path.hasPrefix("//") else { return nil }
        let decoded = Self.filePath(path.prefix { $0 != "?" && $0 != "#" })
        if !basePath.isEmpty, decoded.hasPrefix(basePath + "/"), files.contains(String(decoded.dropFirst(basePath.count + 1))) {
            return String(decoded.dropFirst(basePath.count + 1))
        }
        let own = String(decoded.dropFirst())
        return files.contains(own) ? own : nil
    }

    /// A link's path (no query or fragment) as a file's name: percent-decoded where it decodes, NFC.
    private static func filePath(_ path: Substring) -> String {
        (URLPath.decode(String(path)) ?? String(path)).precomposedStringWithCanonicalMapping
    }

    /// The page a link to an exported Notion page (`…/Page title 0123…cdef.md`) means, wherever it now is.
    private func notionPage(_ path: String) -> String? {
        guard !notionPages.isEmpty, path.hasSuffix(".md"), let id = NotionID.of(path.dropLast(3)) else { return nil }
        return notionPages[id]
    }

    /// `posts` + `../images/a.png` → `images/a.png`; nil when it climbs out of `content/`.
    static func join(_ folder: String, _ relative: String) -> String? {
        URLPath.resolvingDots(folder + "/" + relative)?.joined(separator: "/")
    }
}
