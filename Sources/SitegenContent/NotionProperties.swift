import Foundation
import SitegenCore

/// A Notion database page exported as Markdown has no front matter: its properties are lines under
/// its title, `날짜: 2024년 9월 30일`, `Tags: retro, weekly`, `Status: Done`, up to the first blank
/// line. They are read as front matter would be, and leave the body (as blank lines, so every later
/// line keeps its number).
public enum NotionProperties {
    /// What a site may say about property lines (`notion_properties`, `notion_date_keys`).
    public struct Options: Sendable, Hashable {
        public var enabled = true
        /// Keys whose value is the page's date, compared without case; the site's own come first.
        public var dateKeys = ["날짜", "date", "created", "작성일", "생성 일시", "생성일", "created time", "작성 일시", "일자"]
        public static let standard = Options()

        public init() {}
    }

    static let tagKeys: Set<String> = ["태그", "tags", "tag", "카테고리", "category", "categories", "multi-select"]
    static let statusKeys: Set<String> = ["status", "상태"]
    /// Status values that keep a page out of the site, like `draft: true`.
    static let draftStatuses: Set<String> = ["draft", "작성 중", "작성중", "초안", "not started", "시작 전", "in progress", "진행 중", "진행중", "todo", "to do"]

    /// The properties under the leading H1 of `body`, as front matter, and the body without them.
    /// Nil when the body has no such block. `isNotionFile` (a file name ending in a Notion id) lets
    /// any keys count; otherwise at least one date, tag or status key must be among them, so that a
    /// note's `Note: …` line stays prose.
    static func read(_ body: String, firstLine: Int, path: String, isNotionFile: Bool,
                     options: Options, into diagnostics: inout Diagnostics) -> (matter: FrontMatter, body: String)? {
        guard options.enabled else { return nil }
        // Only the top of the body can hold them: the rest stays one piece (a note may be megabytes).
        var lines = body.split(separator: "\n", maxSplits: 100, omittingEmptySubsequences: false)
        var index = 0
        while index < lines.count, lines[index].allSatisfy(\.isWhitespace) { index += 1 }
        guard index < lines.count, lines[index].hasPrefix("# ") else { return nil }
        index += 1
        while index < lines.count, lines[index].allSatisfy(\.isWhitespace) { index += 1 }
        var properties: [(line: Int, key: String, value: String)] = []
        while index < lines.count, let (key, value) = property(lines[index]) {
            properties.append((index, key, value))
            index += 1
        }
        // The block ends at a blank line or the end of the file; prose right after it means it was prose too.
        guard !properties.isEmpty, index == lines.count || lines[index].allSatisfy(\.isWhitespace) else { return nil }
        let known = properties.contains { isDateKey($0.key, options) || tagKeys.contains($0.key.lowercased()) || statusKeys.contains($0.key.lowercased()) }
        guard isNotionFile || known else { return nil }

        var matter = FrontMatter()
        for property in properties {
            let location = SourceLocation(path: path, line: firstLine + property.line, column: property.key.count + 3)
            add(property.key, property.value, at: location, to: &matter, diagnostics: &diagnostics, options: options)
        }
        for property in properties { lines[property.line] = "" }
        return (matter, lines.joined(separator: "\n"))
    }

    /// Adds one property to `matter` as front matter would say it: a date key's value as `date`,
    /// tags as `tags`, a status as `status` (and `draft: true` for a draft's), any other key as it is.
    /// A key `matter` already has is left alone: a page's own lines win over its database row.
    static func add(_ key: String, _ rawValue: String, at location: SourceLocation, to matter: inout FrontMatter,
                    diagnostics: inout Diagnostics, options: Options) {
        let name = key.lowercased()
        let value = rawValue.trimmingCharacters(in: .whitespaces)
        if isDateKey(key, options) {
            guard matter["date"] == nil, !value.isEmpty else { return }
            if let date = NotionDate.parse(value) {
                matter.values["date"] = .string(date)
                matter.locations["date"] = location
            } else {
                diagnostics.add(.warning(at: location, "cannot read '\(value)' as a date: write it as 2024년 9월 30일, September 30, 2024 or 2024-09-30"))
            }
        } else if tagKeys.contains(name) {
            guard matter["tags"] == nil else { return }
            let tags = value.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            matter.values["tags"] = .list(tags.map { .string($0) })
            matter.locations["tags"] = location
        } else if statusKeys.contains(name) {
            guard matter["status"] == nil else { return }
            matter.values["status"] = .string(value)
            matter.locations["status"] = location
            if draftStatuses.contains(value.lowercased()) { matter.values["draft"] = .bool(true) }
        } else if matter[key] == nil {
            matter.values[key] = .string(value)
            matter.locations[key] = location
        }
    }

    private static func isDateKey(_ key: String, _ options: Options) -> Bool {
        options.dateKeys.contains { $0.lowercased() == key.lowercased() }
    }

    /// `Key: value`: a short key of words (no Markdown: not a list item, quote, heading, link or table).
    static func property(_ line: Substring) -> (String, String)? {
        guard let colon = line.firstIndex(of: ":") else { return nil }
        let key = line[..<colon]
        let after = line[line.index(after: colon)...]
        guard !key.isEmpty, key.count <= 40, after.isEmpty || after.first == " " else { return nil }
        guard let first = key.first, first.isLetter || first.isNumber else { return nil }
        guard key.allSatisfy({ $0.isLetter || $0.isNumber || $0 == " " || $0 == "-" || $0 == "_" || $0 == "/" || $0 == "(" || $0 == ")" }),
              key.last != " " else { return nil }
        return (String(key), String(after.dropFirst()))
    }
}

/// Dates as Notion exports them, into the form `DocumentDate` reads: `2024년 9월 30일` and with
/// `오후 10:00`, `September 30, 2024` and with `10:00 PM`, ISO days; a range (`… → …`) gives its start.
enum NotionDate {
    static func parse(_ text: String) -> String? {
        var text = text.trimmingCharacters(in: .whitespaces)
        if let arrow = text.range(of: "→") { text = text[..<arrow.lowerBound].trimmingCharacters(in: .whitespaces) }
        if let date = DocumentDate(parsing: text.replacingOccurrences(of: "/", with: "-")) { return format(date) }
        return korean(text) ?? english(text)
    }

    private static func format(_ date: DocumentDate) -> String {
        date.isoDay + String(format: " %02d:%02d", date.hour, date.minute)
    }

    /// `2024년 9월 30일`, `2024년 9월 30일 오후 10:00`, `2024년 9월 30일 22:00`.
    private static func korean(_ text: String) -> String? {
        let parts = text.split(separator: " ")
        guard parts.count >= 3, parts[0].hasSuffix("년"), parts[1].hasSuffix("월"), parts[2].hasSuffix("일"),
              let year = Int(parts[0].dropLast()), let month = Int(parts[1].dropLast()), let day = Int(parts[2].dropLast()) else { return nil }
        var rest = Array(parts.dropFirst(3))
        var afternoon: Bool?
        if let marker = rest.first, marker == "오전" || marker == "오후" {
            afternoon = marker == "오후"
            rest.removeFirst()
        }
        return make(year: year, month: month, day: day, time: rest.first.map(String.init), afternoon: afternoon, extra: rest.count)
    }

    static let months = MonthNames.english.map { $0.lowercased() }

    /// `September 30, 2024`, `Sep 30, 2024 10:00 PM`.
    private static func english(_ text: String) -> String? {
        let parts = text.replacingOccurrences(of: ",", with: " ").split(separator: " ")
        guard parts.count >= 3 else { return nil }
        let name = parts[0].lowercased()
        guard name.count >= 3, let month = months.firstIndex(where: { $0.hasPrefix(name) }),
              let day = Int(parts[1]), let year = Int(parts[2]) else { return nil }
        var rest = Array(parts.dropFirst(3))
        var afternoon: Bool?
        if let marker = rest.last?.uppercased(), marker == "AM" || marker == "PM" {
            afternoon = marker == "PM"
            rest.removeLast()
        }
        return make(year: year, month: month + 1, day: day, time: rest.first.map(String.init), afternoon: afternoon, extra: rest.count)
    }

    private static func make(year: Int, month: Int, day: Int, time: String?, afternoon: Bool?, extra: Int) -> String? {
        guard extra <= 1 else { return nil }
        var hour = 0
        var minute = 0
        if let time {
            let pieces = time.split(separator: ":")
            guard pieces.count == 2, let h = Int(pieces[0]), let m = Int(pieces[1]), (0...23).contains(h), (0...59).contains(m) else { return nil }
            (hour, minute) = (h, m)
            if let afternoon {
                guard (1...12).contains(hour) else { return nil }
                hour = hour % 12 + (afternoon ? 12 : 0)
            }
        }
        guard let date = DocumentDate(parsing: String(format: "%04d-%02d-%02d %02d:%02d", year, month, day, hour, minute)) else { return nil }
        return format(date)
    }
}
