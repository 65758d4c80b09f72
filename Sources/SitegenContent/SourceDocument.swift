import Foundation
import SitegenCore

/// What a Markdown file in `content/` is to the site.
public enum DocumentKind: String, Sendable, Hashable, CaseIterable {
    case post
    case retrospective
    case page
}

/// One Markdown file, read and split: its front matter understood, its body not yet rendered.
public struct SourceDocument: Sendable, Hashable {
    /// The path relative to the site root, NFC: `content/posts/2022-12-31-회고.md`.
    public var path: String
    public var kind: DocumentKind
    public var frontMatter: FrontMatter
    /// The front matter's title, when it has one.
    public var title: String?
    /// The title the file name gives: no date prefix, no Notion id.
    public var fileTitle: String
    public var date: DocumentDate?
    public var tags: [String]
    public var slug: String
    public var isDraft: Bool
    public var body: String
    public var bodyFirstLine: Int
    /// The folder under `content/` that holds the file: `posts`, `notes/2022`, or "".
    public var folder: String
    /// Front matter `toc_levels`, overriding the site's.
    public var tocLevels: ClosedRange<Int>?
    /// False when front matter says `toc: false`.
    public var showsTOC: Bool
    /// Front matter `period` of a retrospective.
    public var declaredPeriod: Period?
    /// Front matter `goals`: the goals this retrospective sets, instead of those under its goal headings.
    public var declaredGoals: [String]?
    /// A digest of the file's path and text: everything above is a function of these two.
    public var digest: Int
}

extension SourceDocument {
    /// Understands one file's text. `relativePath` is its path under `content/`, NFC.
    /// Returns the document (nil when it has errors); every diagnostic about it goes to `diagnostics`.
    /// Without front matter, a Notion page's property lines (`날짜: 2024년 9월 30일`) stand in for it.
    /// and so does its row of a Notion database (`database`), for what its own lines do not say.
    public static func parse(text: String, relativePath: String, properties: NotionProperties.Options = .standard,
                             database: NotionDatabase? = nil, defaults: [FrontMatterDefault] = [],
                             into found: inout Diagnostics) -> SourceDocument? {
        let path = "content/" + relativePath
        var diagnostics = Diagnostics()
        defer { found += diagnostics }
        guard var block = FrontMatterBlock.split(text, path: path, into: &diagnostics) else { return nil }
        var matter = FrontMatter()
        if let yaml = block.yaml {
            guard let decoded = FrontMatter.decode(yaml: yaml, firstLine: block.yamlFirstLine, path: path, into: &diagnostics) else { return nil }
            matter = decoded
        }
        let components = relativePath.split(separator: "/").map(String.init)
        let fileName = components.last ?? relativePath
        let stem = FileName.stem(fileName)
        let folder = components.dropLast().joined(separator: "/")
        if block.yaml == nil,
           let read = NotionProperties.read(block.body, firstLine: block.bodyFirstLine, path: path,
                                            isNotionFile: FileName.hasNotionID(stem), options: properties, into: &diagnostics) {
            matter = read.matter
            block.body = read.body
        }
        if block.yaml == nil, properties.enabled,
           let row = database?.row(for: FileName.title(stem)) {
            for property in row.values {
                NotionProperties.add(property.key, property.value, at: SourceLocation(path: row.path, line: row.line),
                                     to: &matter, diagnostics: &diagnostics, options: properties)
            }
        }

        // `defaults` of site.yml fill what the document's own front matter does not say.
        for rule in defaults where rule.covers(relativePath) {
            for (key, value) in rule.values where matter.values[key] == nil { matter.values[key] = value }
        }

        func scalar(_ key: String) -> String? {
            guard let value = matter[key] else { return nil }
            guard let text = value.scalarText else {
                if value != .null {
                    diagnostics.add(.error(at: matter.location(of: key, in: path),
                                              "'\(key)' must be text, found \(value.kindName)"))
                }
                return nil
            }
            return text
        }


        var date = FileName.datePrefix(stem)
        if let written = scalar("date"), !written.trimmingCharacters(in: .whitespaces).isEmpty {
            if let parsed = DocumentDate(parsing: written) {
                date = parsed
            } else {
                diagnostics.add(.error(at: matter.location(of: "date", in: path),
                                          "'\(written)' is not a date: write it as 2022-12-31 or 2022-12-31 10:00:00 +0900"))
            }
        }
        let tags = readTags(matter, path: path, diagnostics: &diagnostics)
        let title = scalar("title").flatMap { $0.isEmpty ? nil : $0 }
        let fileTitle = FileName.title(stem)
        let slugText = scalar("slug").flatMap { $0.isEmpty ? nil : $0 } ?? fileTitle
        let slug = Slug.segment(slugText)
        if slug.isEmpty {
            diagnostics.add(.error(at: matter.locations["slug"] ?? SourceLocation(path: path),
                                      "'\(slugText)' gives an empty URL segment: set 'slug:' to letters or numbers"))
        }
        let kind = kind(declared: scalar("type"), folder: folder)
        let isDraft = matter["draft"]?.flag == true || matter["published"]?.flag == false
        for key in ["layout", "excerpt_separator", "summary", "description", "subtitle"] { _ = scalar(key) }
        var tocLevels: ClosedRange<Int>?
        if let value = matter["toc_levels"] {
            tocLevels = TOCLevels.parse(value)
            if tocLevels == nil {
                diagnostics.add(.error(at: matter.location(of: "toc_levels", in: path),
                                          "'toc_levels' must be a range of heading levels such as 2-3"))
            }
        }
        let showsTOC = matter["toc"]?.flag ?? true
        var declaredPeriod: Period?
        if let text = scalar("period") {
            declaredPeriod = Period(parsing: text)
            if declaredPeriod == nil {
                diagnostics.add(.error(at: matter.location(of: "period", in: path),
                                          "'\(text)' is not a period: write 2022, 2023-Q2, 2023-06, 2021-W19 or 2021-W19..2021-W21"))
            }
        }
        var declaredGoals: [String]?
        if let value = matter["goals"] {
            switch value {
            case .list(let items): declaredGoals = items.compactMap(\.scalarText)
            case .string(let text): declaredGoals = [text]
            default: diagnostics.add(.error(at: matter.location(of: "goals", in: path), "'goals' must be a list of goals"))
            }
        }

        if text.allSatisfy(\.isWhitespace) {
            diagnostics.add(.warning(at: SourceLocation(path: path), "the file is empty: it makes a page with a title only"))
        }
        guard !diagnostics.hasErrors else { return nil }
        let document = SourceDocument(
            path: path, kind: kind, frontMatter: matter, title: title, fileTitle: fileTitle, date: date,
            tags: tags, slug: slug, isDraft: isDraft, body: block.body, bodyFirstLine: block.bodyFirstLine,
            folder: folder, tocLevels: tocLevels, showsTOC: showsTOC, declaredPeriod: declaredPeriod,
            declaredGoals: declaredGoals, digest: digest(path: path, text: text))
        return document
    }

    static func digest(path: String, text: String) -> Int {
        var hasher = Hasher()
        hasher.combineUTF8(path)
        hasher.combineUTF8(text)
        return hasher.finalize()
    }

    private static func kind(declared: String?, folder: String) -> DocumentKind {
        if let declared, let kind = DocumentKind(rawValue: declared.lowercased()) { return kind }
        let top = folder.split(separator: "/").first.map(String.init) ?? ""
        switch top {
        case "posts": return .post
        case "retrospectives": return .retrospective
        default: return .page
        }
    }

    /// Tags as a YAML list or a comma-separated string; anything else is an error.
    private static func readTags(_ matter: FrontMatter, path: String, diagnostics: inout Diagnostics) -> [String] {
        guard let value = matter["tags"] else { return [] }
        let names: [String]
        switch value {
        case .null:
            names = []
        case .string(let text):
            names = text.split(separator: ",").map(String.init)
        case .list(let items):
            var collected: [String] = []
            for item in items {
                guard let text = item.scalarText else {
                    diagnostics.add(.error(at: matter.location(of: "tags", in: path),
                                              "each tag must be text, found \(item.kindName)"))
                    return []
                }
                collected.append(text)
            }
            names = collected
        default:
            diagnostics.add(.error(at: matter.location(of: "tags", in: path),
                                      "'tags' must be a list ([회고, Diary]) or a comma-separated string, found \(value.kindName)"))
            return []
        }
        var seen = Set<String>()
        return names.map { $0.trimmingCharacters(in: .whitespaces).precomposedStringWithCanonicalMapping }
            .filter { !$0.isEmpty && seen.insert($0.lowercased()).inserted }
    }
}

/// What a file name tells: `2022-12-31-slug.md`, `Page title 0123…cdef.md`.
public enum FileName {
    /// The name without its extension.
    public static func stem(_ name: String) -> String {
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return name }
        return String(name[..<dot])
    }

    /// The date of a `YYYY-MM-DD-` prefix.
    public static func datePrefix(_ stem: String) -> DocumentDate? {
        guard stem.utf8.count >= 11 else { return nil }
        let prefix = String(stem.prefix(10))
        guard stem.dropFirst(10).first == "-" else { return nil }
        return DocumentDate(parsing: prefix)
    }

    /// Whether the stem ends in a Notion page id: ` 0123…cdef` (32 hex digits).
    public static func hasNotionID(_ stem: String) -> Bool {
        NotionID.of(stem) != nil
    }

    /// The stem less a date prefix and a trailing Notion id (32 hex digits), trimmed.
    public static func title(_ stem: String) -> String {
        var title = Substring(stem)
        if datePrefix(stem) != nil { title = title.dropFirst(11) }
        if NotionID.of(title) != nil { title = title.dropLast(32) }
        // By hand: the set was made and the text went through NSString for each file.
        var scalars = title.unicodeScalars
        while let first = scalars.first, Self.trimmed(first) { scalars.removeFirst() }
        while let last = scalars.last, Self.trimmed(last) { scalars.removeLast() }
        return scalars.isEmpty ? stem : String(scalars)
    }

    /// Foundation's `CharacterSet.whitespaces` (tab and the space separators), `-` and `_`.
    private static func trimmed(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "-" || scalar == "_" || scalar == "\t" || scalar.properties.generalCategory == .spaceSeparator
    }
}
