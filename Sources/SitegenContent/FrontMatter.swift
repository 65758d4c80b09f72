import SitegenCore
import Yams

/// A value written in front matter or `site.yml`, kept whole so templates can reach every key.
public indirect enum FrontMatterValue: Sendable, Hashable {
    case string(String)
    case integer(Int)
    /// A number with the text it was written as (`1.5e3`, `0x1F`), which is what pages show.
    case number(Double, written: String)
    case bool(Bool)
    case null
    case list([FrontMatterValue])
    case map([String: FrontMatterValue])

    /// The text of a scalar as written (`title: 2022` gives "2022"); nil for lists and maps.
    public var scalarText: String? {
        switch self {
        case .string(let s): return s
        case .integer(let i): return String(i)
        case .number(_, let written): return written
        case .bool(let b): return b ? "true" : "false"
        case .null: return nil
        case .list, .map: return nil
        }
    }

    /// A yes/no flag written as a YAML boolean or as the text `true`/`false`.
    public var flag: Bool? {
        switch self {
        case .bool(let b): return b
        case .string(let s): return ["true", "yes", "on"].contains(s.lowercased()) ? true
            : (["false", "no", "off"].contains(s.lowercased()) ? false : nil)
        default: return nil
        }
    }

    /// A name for the kind of value, for messages: "a list", "a number".
    public var kindName: String {
        switch self {
        case .string: return "a string"
        case .integer, .number: return "a number"
        case .bool: return "a boolean"
        case .null: return "nothing"
        case .list: return "a list"
        case .map: return "a mapping"
        }
    }
}

/// The decoded front matter of one document: every key, and where each value stands in the file.
public struct FrontMatter: Sendable, Hashable {
    public var values: [String: FrontMatterValue]
    public var locations: [String: SourceLocation]

    public init(values: [String: FrontMatterValue] = [:], locations: [String: SourceLocation] = [:]) {
        self.values = values
        self.locations = locations
    }

    public subscript(key: String) -> FrontMatterValue? { values[key] }

    /// Where `key`'s value is written, or the file's first line when it is not.
    public func location(of key: String, in path: String) -> SourceLocation {
        locations[key] ?? SourceLocation(path: path)
    }

    /// Decodes YAML whose first line is line `firstLine` of the file at `path`; nil, with the error
    /// added to `diagnostics`, when it cannot be read.
    public static func decode(yaml: String, firstLine: Int, path: String, into diagnostics: inout Diagnostics) -> FrontMatter? {
        do {
            return try decoding(yaml: yaml, firstLine: firstLine, path: path)
        } catch {
            diagnostics.add(error)
            return nil
        }
    }

    /// The decoder itself, which stops at the first problem (the YAML reader does).
    private static func decoding(yaml: String, firstLine: Int, path: String) throws(Diagnostic) -> FrontMatter {
        if let deep = YAMLLimits.tooDeep(yaml) {
            throw .error(at: SourceLocation(path: path, line: firstLine + deep.line - 1, column: deep.column),
                         "YAML nested more than \(YAMLLimits.depth) levels deep: front matter and site.yml are lists and mappings a few levels deep")
        }
        let node: Node?
        do {
            node = try Yams.compose(yaml: yaml)
        } catch let error as YamlError {
            throw located(error, firstLine: firstLine, path: path)
        } catch {
            throw .error(at: SourceLocation(path: path, line: firstLine), "invalid YAML: \(error)")
        }
        guard let node else { return FrontMatter() }
        guard case .mapping(let mapping) = node else {
            throw .error(at: location(of: node, firstLine: firstLine, path: path),
                         "front matter must be 'key: value' lines, found \(node.sequence != nil ? "a list" : "a single value")")
        }
        var result = FrontMatter()
        var budget = Budget()
        for (key, value) in mapping {
            guard let name = key.string?.trimmingCharacters(in: .whitespaces) else { continue }
            guard let converted = convert(value, budget: &budget) else {
                throw .error(at: location(of: value, firstLine: firstLine, path: path),
                             "YAML that expands to more than \(YAMLLimits.values) values or \(YAMLLimits.textBytes >> 20) MB of text (aliases of aliases?): '\(name)' is too large")
            }
            result.values[name] = converted
            result.locations[name] = location(of: value, firstLine: firstLine, path: path)
        }
        return result
    }

    /// What is left of `YAMLLimits` while a document's values are converted, aliases expanded.
    struct Budget {
        var values = YAMLLimits.values
        var textBytes = YAMLLimits.textBytes
    }

    /// The value of `node`, or nil when it expands past the budget. Numbers keep the text they were
    /// written with (`title: 1.5e3` is "1.5e3" as text, not "1500.0").
    static func convert(_ node: Node, budget: inout Budget) -> FrontMatterValue? {
        budget.values -= 1
        guard budget.values >= 0 else { return nil }
        switch node {
        case .scalar(let scalar):
            budget.textBytes -= scalar.string.utf8.count
            guard budget.textBytes >= 0 else { return nil }
            // Quoted scalars are always text; plain ones follow YAML's core schema.
            // Switch on the resolved tag first: Yams' `int` also reads `18:30:00` as base 60.
            let written = scalar.string.trimmingWhitespaceAtEnds()
            // Null, booleans and numbers are written with letters, digits and `+-._:~` only; a title
            // with a space or any other character is text, without asking Yams' resolver (regular expressions).
            if scalar.style == .plain, written.utf8.allSatisfy(Self.mayBeTyped), !Self.surelyText(written) {
                let tag = node.tag
                if tag == Tag(.null) { return .null }
                if tag == Tag(.bool), let b = node.bool { return .bool(b) }
                if tag == Tag(.int), let i = node.int { return String(i) == written ? .integer(i) : .number(Double(i), written: written) }
                if tag == Tag(.float), let d = node.float { return .number(d, written: written) }
            }
            return .string(written)
        case .sequence(let sequence):
            var items: [FrontMatterValue] = []
            for item in sequence {
                guard let value = convert(item, budget: &budget) else { return nil }
                items.append(value)
            }
            return .list(items)
        case .mapping(let mapping):
            var map: [String: FrontMatterValue] = [:]
            for (key, value) in mapping {
                guard let name = key.string else { continue }
                guard let converted = convert(value, budget: &budget) else { return nil }
                map[name.trimmingWhitespaceAtEnds()] = converted
            }
            return .map(map)
        }
    }

    /// Whether Yams' resolver could only call the plain scalar text (or a timestamp, which is kept as
    /// text too), so that its regular expressions need not run (they were most of reading front
    /// matter): a word that starts with a letter and is not one of YAML 1.1's booleans or nulls
    /// (every int, float, null and bool that does not is written with a digit, sign, dot or `~`
    /// first), or a day, `2024-01-31`.
    static func surelyText(_ written: String) -> Bool {
        let bytes = written.utf8
        guard let first = bytes.first else { return false }
        if (first | 0x20) >= UInt8(ascii: "a"), (first | 0x20) <= UInt8(ascii: "z") { return !yamlWords.contains(written) }
        guard bytes.count == 10 else { return false }
        for (index, byte) in bytes.enumerated() {
            guard index == 4 || index == 7 ? byte == UInt8(ascii: "-") : (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) else { return false }
        }
        return true
    }

    /// The words Yams' resolver reads as booleans or null.
    static let yamlWords: Set<String> = ["yes", "Yes", "YES", "no", "No", "NO", "true", "True", "TRUE", "false", "False", "FALSE",
                                         "on", "On", "ON", "off", "Off", "OFF", "null", "Null", "NULL"]

    private static func mayBeTyped(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"): return true
        case UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: ":"), UInt8(ascii: "~"): return true
        default: return false
        }
    }

    private static func location(of node: Node, firstLine: Int, path: String) -> SourceLocation {
        guard let mark = node.mark else { return SourceLocation(path: path, line: firstLine) }
        return SourceLocation(path: path, line: firstLine + mark.line - 1, column: mark.column)
    }

    private static func located(_ error: YamlError, firstLine: Int, path: String) -> Diagnostic {
        switch error {
        case .scanner(let context, let problem, let mark, _),
             .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            var message = "invalid YAML: \(problem)"
            if let context { message += " (\(context.text) at line \(firstLine + context.mark.line - 1))" }
            return .error(at: SourceLocation(path: path, line: firstLine + mark.line - 1, column: mark.column), message)
        case .reader(let problem, _, _, _):
            return .error(at: SourceLocation(path: path, line: firstLine), "invalid YAML: \(problem)")
        default:
            return .error(at: SourceLocation(path: path, line: firstLine), "invalid YAML: \(error)")
        }
    }
}
