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
        self.diagnostics = diagnostics.sorted()
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
