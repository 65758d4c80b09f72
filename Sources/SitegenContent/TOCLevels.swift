import SitegenCore

/// The heading levels a table of contents shows, as `site.yml` or front matter write them:
/// `toc_levels: 2-4`, `2..4`, `[2, 4]`, or `3` for levels 2 to 3.
public enum TOCLevels {
    public static let standard: ClosedRange<Int> = 2...3

    /// nil when the value is no range of levels between 1 and 6.
    public static func parse(_ value: FrontMatterValue) -> ClosedRange<Int>? {
        var bounds: [Int]
        switch value {
        case .integer(let deepest): bounds = [min(2, deepest), deepest]
        case .list(let items): bounds = items.compactMap { $0.scalarText.flatMap { Int($0) } }
        case .string(let text):
            bounds = text.replacingOccurrences(of: "..", with: "-").split(separator: "-").compactMap {
                Int($0.trimmingCharacters(in: .whitespaces))
            }
        default: return nil
        }
        guard bounds.count == 2, let low = bounds.first, let high = bounds.last, 1 <= low, low <= high, high <= 6 else { return nil }
        return low...high
    }
}
