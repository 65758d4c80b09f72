/// The id Notion puts at the end of an exported page's file name: `Page title 0123…cdef.md`,
/// 32 hexadecimal digits after a space (or `-`, `_`).
public enum NotionID {
    /// The id that ends `stem` (a file name without its extension), lower-cased; nil when it has none.
    public static func of<S: StringProtocol>(_ stem: S) -> String? {
        let hex = stem.suffix(32)
        guard hex.count == 32, hex.allSatisfy(\.isHexDigit), let separator = stem.dropLast(32).last, " -_".contains(separator) else {
            return nil
        }
        return hex.lowercased()
    }
}
