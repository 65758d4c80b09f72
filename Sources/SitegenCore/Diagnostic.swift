/// A message about the writer's input, printed like a compiler's: `path:line:column: error: message`.
public struct Diagnostic: Sendable, Hashable, Comparable, CustomStringConvertible, Error {
    public enum Severity: String, Sendable, Hashable {
        case warning
        case error
    }

    public var severity: Severity
    public var location: SourceLocation
    public var message: String

    public init(_ severity: Severity, at location: SourceLocation, _ message: String) {
        self.severity = severity
        self.location = location
        self.message = message
    }

    public static func error(at location: SourceLocation, _ message: String) -> Diagnostic {
        Diagnostic(.error, at: location, message)
    }

    public static func warning(at location: SourceLocation, _ message: String) -> Diagnostic {
        Diagnostic(.warning, at: location, message)
    }

    public var description: String { "\(location): \(severity.rawValue): \(message)" }

    public static func < (lhs: Diagnostic, rhs: Diagnostic) -> Bool {
        (lhs.location, lhs.message) < (rhs.location, rhs.message)
    }
}

/// The error a phase throws when the writer's input has one or more errors; warnings ride along.
public struct BuildFailure: Error, Sendable, CustomStringConvertible {
    /// Every diagnostic of the failed phase, errors and warnings, sorted by location.
    public var diagnostics: [Diagnostic]

    public init(_ diagnostics: [Diagnostic]) {
        self.diagnostics = Diagnostics(diagnostics).sorted
    }

    public var errors: [Diagnostic] { diagnostics.filter { $0.severity == .error } }

    public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}

extension BuildFailure {
    /// `error` as a build failure: itself when it is one, else one located error that says what it
    /// was — never an empty list, which would report "failed with 0 errors".
    public static func from(_ error: any Error, at location: SourceLocation, _ doing: String) -> BuildFailure {
        error as? BuildFailure ?? BuildFailure([.error(at: location, "\(doing): \(error)")])
    }
}

extension Array where Element == Diagnostic {
    /// Whether any of these stops the build.
    public var hasErrors: Bool { contains { $0.severity == .error } }
}

/// The problems found so far, errors and warnings. It is the one way problems travel: a function
/// that can find some takes `into diagnostics: inout Diagnostics` and adds to it (a value made on
/// another core, such as a rendering, carries its own and is added where it is joined); a phase
/// that must stop throws `BuildFailure` made from it. Sorted and capped for printing here, once.
public struct Diagnostics: Sendable, Hashable, Sequence {
    public private(set) var all: [Diagnostic]

    public init(_ all: [Diagnostic] = []) {
        self.all = all
    }

    public mutating func add(_ diagnostic: Diagnostic) {
        all.append(diagnostic)
    }

    public mutating func add(contentsOf diagnostics: some Sequence<Diagnostic>) {
        all.append(contentsOf: diagnostics)
    }

    public static func += (diagnostics: inout Diagnostics, more: some Sequence<Diagnostic>) {
        diagnostics.add(contentsOf: more)
    }

    public mutating func error(at location: SourceLocation, _ message: String) {
        add(.error(at: location, message))
    }

    public mutating func warning(at location: SourceLocation, _ message: String) {
        add(.warning(at: location, message))
    }

    public var hasErrors: Bool { all.hasErrors }
    public var isEmpty: Bool { all.isEmpty }
    public var count: Int { all.count }

    public func makeIterator() -> IndexingIterator<[Diagnostic]> { all.makeIterator() }

    /// Stops the phase when any of these is an error: every one of them, warnings too, goes with it.
    public func stopIfErrors() throws(BuildFailure) {
        if hasErrors { throw BuildFailure(all) }
    }

    /// Sorted by place, the same problem said once.
    public var sorted: [Diagnostic] {
        var seen = Set<Diagnostic>()
        return all.sorted().filter { seen.insert($0).inserted }
    }

    /// How many are printed (terminal, serve's error bar) before the rest are only counted.
    public static let shownLimit = 100

    /// The lines to show: the first `shownLimit`, sorted, then how many more there are.
    public static func shown(_ diagnostics: [Diagnostic]) -> [String] {
        var lines = diagnostics.prefix(shownLimit).map(\.description)
        if diagnostics.count > shownLimit { lines.append("… and \(diagnostics.count - shownLimit) more") }
        return lines
    }
}
