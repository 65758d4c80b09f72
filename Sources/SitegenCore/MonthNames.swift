/// The months' English names, for dates shown on an English site and read from Notion's exports.
public enum MonthNames {
    public static let english = ["January", "February", "March", "April", "May", "June", "July",
                                 "August", "September", "October", "November", "December"]
}
