import SitegenCore

/// Bounds on one document's Markdown, checked before libcmark-gfm sees it. Debian's
/// 0.29.0.gfm.6 parses tables in time and memory that grow with rows × columns and fills short
/// rows with empty cells (fixed upstream in 0.29.0.gfm.12/13, CVE-2023-37463): a 40 KB table of
/// 5,000 × 5,000 cells took minutes and gigabytes. A blog post's tables hold hundreds of cells.
public enum InputLimits {
    /// Bytes of Markdown in one document (a long Notion export is a few MB).
    public static let documentBytes = 32 << 20
    /// Table cells in one document, counting the empty cells a short row is filled with.
    public static let tableCells = 100_000
    /// Bytes of HTML one document may render to (tables of contents placed by markers included).
    public static let htmlBytes = 128 << 20
    /// Bytes of HTML that table-of-contents markers (`[TOC]`) may add to one document: each gets the whole table.
    public static let tocMarkerBytes = 32 << 20

    /// What is wrong with `body` (the first problem, at its body line), or nil.
    static func problem(in body: String) -> (line: Int, message: String)? {
        let size = body.utf8.count
        if size > documentBytes {
            return (1, "the document is \(size >> 20) MB of Markdown; at most \(documentBytes >> 20) MB is built")
        }
        // Most bodies have no table at all: a delimiter row needs a `|` and a `-`.
        guard body.utf8Contains(byte: UInt8(ascii: "|")) else { return nil }
        var body = body
        return body.withUTF8 { tableProblem(in: $0) }
    }

    /// Counts table cells line by line: a delimiter row after a line with a `|` starts a table, whose
    /// rows each count its columns until a blank line.
    private static func tableProblem(in bytes: UnsafeBufferPointer<UInt8>) -> (line: Int, message: String)? {
        var cells = 0
        var line = 0
        var tableColumns = 0
        var tableStart = 0
        var previousHadPipe = false
        var start = 0
        while start <= bytes.count {
            let end = bytes.offset(of: UInt8(ascii: "\n"), from: start) ?? bytes.count
            defer { start = end + 1 }
            line += 1
            var first = start
            while first < end, bytes[first] == 0x20 || bytes[first] == 0x09 || bytes[first] == UInt8(ascii: ">") { first += 1 }
            let content = UnsafeBufferPointer(rebasing: bytes[first..<end])
            if content.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) {
                tableColumns = 0
                previousHadPipe = false
                continue
            }
            if tableColumns > 0 {
                cells += tableColumns
            } else if previousHadPipe, let columns = delimiterColumns(content) {
                tableColumns = columns
                tableStart = line - 1
                cells += 2 * columns
            }
            if cells > tableCells {
                return (tableStart, "tables of more than \(tableCells) cells in one document (counting the empty cells short rows are filled with): split the table or the document")
            }
            previousHadPipe = content.offset(of: UInt8(ascii: "|")) != nil
        }
        return nil
    }

    /// The number of cells of a GFM delimiter row (`| --- | :-: |`), or nil when the line is not one.
    private static func delimiterColumns(_ line: UnsafeBufferPointer<UInt8>) -> Int? {
        var columns = 0
        var dashes = 0
        var sawPipe = false
        var sawContent = false
        for byte in line {
            switch byte {
            case UInt8(ascii: "-"): dashes += 1; sawContent = true
            case UInt8(ascii: ":"), 0x20, 0x09, 0x0D: continue
            case UInt8(ascii: "|"):
                sawPipe = true
                if sawContent {
                    guard dashes > 0 else { return nil }
                    columns += 1
                }
                dashes = 0
                sawContent = false
            default: return nil
            }
        }
        if sawContent {
            guard dashes > 0 else { return nil }
            columns += 1
        }
        return sawPipe || columns == 1 ? max(columns, 1) : nil
    }
}
