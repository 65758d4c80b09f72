/// A position in a file of the site, as a writer's editor would show it: 1-based line and column.
public struct SourceLocation: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The path as the writer knows it, relative to the site root (`content/posts/a.md`).
    public var path: String
    public var line: Int
    public var column: Int

    public init(path: String, line: Int = 1, column: Int = 1) {
        self.path = path
        self.line = line
        self.column = column
    }

    /// A location of a whole file or folder, with no line: printed as the path alone.
    public static func whole(_ path: String) -> SourceLocation { SourceLocation(path: path, line: 0, column: 0) }

    public var description: String { line > 0 ? "\(path):\(line):\(column)" : path }

    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        (lhs.path, lhs.line, lhs.column) < (rhs.path, rhs.line, rhs.column)
    }
}
