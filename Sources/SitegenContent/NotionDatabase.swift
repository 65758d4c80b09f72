import Foundation
import SitegenCore
import SwiftCSV

/// A Notion database as an export leaves it: `Retros 0123…cdef.csv` (or `…_all.csv`) beside the
/// folder `Retros 0123…cdef/` of its pages, one row a page, the first column its title. A page
/// without front matter takes the properties of its row that its own lines do not give.
public struct NotionDatabase: Sendable {
    /// One page's row: the other columns by header, and where the row is, for messages.
    public struct Row: Sendable, Hashable {
        public var path: String
        public var line: Int
        public var values: [Property]
    }

    public struct Property: Sendable, Hashable {
        public var key: String
        public var value: String
    }

    /// The CSV's path under `content/`, and the folder under `content/` whose pages it describes.
    public var path: String
    public var folder: String
    /// Rows by the page title they describe, lower-cased and NFC.
    var rows: [String: Row]

    /// The row of the page titled `title`, if the database has one.
    public func row(for title: String) -> Row? {
        rows[Self.key(title)]
    }

    static func key(_ title: String) -> String {
        title.precomposedStringWithCanonicalMapping.trimmingCharacters(in: .whitespaces).lowercased()
    }

    /// The folder (under `content/`) a CSV at `path` describes, when it is a Notion database export.
    public static func folder(ofCSV path: String) -> String? {
        guard path.lowercased().hasSuffix(".csv") else { return nil }
        var stem = String(path.dropLast(4))
        if stem.hasSuffix("_all") { stem.removeLast(4) }
        let name = stem.split(separator: "/").last.map(String.init) ?? stem
        return FileName.hasNotionID(name) ? stem : nil
    }

    /// Reads the CSV text of a database; nil (with a located warning) when it is not one.
    static func read(_ text: String, path: String, folder: String, into diagnostics: inout Diagnostics) -> NotionDatabase? {
        let table: EnumeratedCSV
        do {
            table = try EnumeratedCSV(string: text, delimiter: .comma, loadColumns: false)
        } catch {
            diagnostics.warning(at: SourceLocation(path: path), "cannot read this Notion database: \(error)")
            return nil
        }
        guard table.header.count >= 2 else { return nil }
        var rows: [String: Row] = [:]
        for (index, cells) in table.rows.enumerated() {
            guard let title = cells.first, !title.isEmpty else { continue }
            let values = zip(table.header.dropFirst(), cells.dropFirst()).map { Property(key: $0.trimmingCharacters(in: .whitespaces), value: $1) }
            rows[key(title)] = rows[key(title)] ?? Row(path: path, line: index + 2, values: values)
        }
        return NotionDatabase(path: path, folder: folder, rows: rows)
    }
}
