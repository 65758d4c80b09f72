/// The months' English names, for dates shown on an English site and read from Notion's exports.
public enum MonthNames {
    /// `Jan` … `Dec`.
    public static let englishShort = english.map { String($0.prefix(3)) }

    public static let english = ["January", "February", "March", "April", "May", "June", "July",
                                 "August", "September", "October", "November", "December"]
}

extension Int {
    /// The number in decimal, zeros before it up to `width` digits: `7.zeroPadded()` is `07`.
    public func zeroPadded(_ width: Int = 2) -> String {
        let digits = String(self)
        return String(repeating: "0", count: Swift.max(0, width - digits.count)) + digits
    }
}
