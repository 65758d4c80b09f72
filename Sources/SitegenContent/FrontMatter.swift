import SitegenCore
import Yams

/// A value written in front matter or `site.yml`, kept whole so templates can reach every key.
public indirect enum FrontMatterValue: Sendable, Hashable {
    case string(String)
    case integer(Int)
    case number(Double)
    case bool(Bool)
    case null
    case list([FrontMatterValue])
    case map([String: FrontMatterValue])

    /// The text of a scalar as written (`title: 2022` gives "2022"); nil for lists and maps.
    public var scalarText: String? {
        switch self {
        case .string(let s): return s
        case .integer(let i): return String(i)
        case .number(let d): return String(d)
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

    /// Decodes YAML whose first line is line `firstLine` of the file at `path`.
    public static func decode(yaml: String, firstLine: Int, path: String) throws(Diagnostic) -> FrontMatter {
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
                         "front matter must be 'key: value' lines, found \(convert(node).kindName)")
        }
        var result = FrontMatter()
        for (key, value) in mapping {
            guard let name = key.string?.trimmingCharacters(in: .whitespaces) else { continue }
            result.values[name] = convert(value)
            result.locations[name] = location(of: value, firstLine: firstLine, path: path)
        }
        return result
    }

    static func convert(_ node: Node) -> FrontMatterValue {
        switch node {
        case .scalar(let scalar):
            // Quoted scalars are always text; plain ones follow YAML's core schema.
            // Switch on the resolved tag first: Yams' `int` also reads `18:30:00` as base 60.
            if scalar.style == .plain {
                let tag = node.tag
                if tag == Tag(.null) { return .null }
                if tag == Tag(.bool), let b = node.bool { return .bool(b) }
                if tag == Tag(.int), let i = node.int { return .integer(i) }
                if tag == Tag(.float), let d = node.float { return .number(d) }
            }
            return .string(scalar.string.trimmingCharacters(in: .whitespaces))
        case .sequence(let sequence):
            return .list(sequence.map(convert))
        case .mapping(let mapping):
            var map: [String: FrontMatterValue] = [:]
            for (key, value) in mapping {
                if let name = key.string { map[name.trimmingCharacters(in: .whitespaces)] = convert(value) }
            }
            return .map(map)
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
