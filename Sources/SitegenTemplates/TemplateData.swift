import Foundation
import SitegenCore

/// What a template sees of a value. Lookups ask a value for its children through this enum and the
/// protocols below, so rendering never casts through `Any` (swift-mustache, which we used before,
/// looked every name up with dynamic casts: about a third of a cold build's CPU).
public enum TemplateData: Sendable {
    /// Nothing: a missing key, or a value left out. `{{#x}}` skips, `{{^x}}` shows.
    case none
    case text(String)
    case int(Int)
    case bool(Bool)
    case object(any TemplateObject)
    case list(any TemplateList)

    public var isNone: Bool {
        if case .none = self { return true }
        return false
    }

    /// What a template can read of the value, into `hasher` (`TemplateObject.fingerprint`).
    public func fingerprint(into hasher: inout Hasher) {
        switch self {
        case .none:
            hasher.combine(0 as UInt8)
        case .text(let text):
            hasher.combine(1 as UInt8)
            hasher.combineUTF8(text)
        case .int(let int):
            hasher.combine(2 as UInt8)
            hasher.combine(int)
        case .bool(let bool):
            hasher.combine(3 as UInt8)
            hasher.combine(bool)
        case .object(let object):
            hasher.combine(4 as UInt8)
            object.fingerprint(into: &hasher)
        case .list(let list):
            hasher.combine(5 as UInt8)
            hasher.combine(list.count)
            for index in 0..<list.count { list.item(index).fingerprint(into: &hasher) }
        }
    }

    /// `{{x}}`, before escaping: what Swift's `String(describing:)` writes for the value.
    var text: String {
        switch self {
        case .none: return ""
        case .text(let text): return text
        case .int(let int): return String(int)
        case .bool(let bool): return bool ? "true" : "false"
        case .object(let object): return object.templateText
        case .list(let list): return list.templateText
        }
    }

    /// The value's child `name`: an object's field; nothing for the rest.
    func child(named name: String) -> TemplateData {
        if case .object(let object) = self { return object.child(named: name) }
        return .none
    }

    /// `{{name(x)}}`: the transforms a value of each kind has (those swift-mustache gave, and our own types').
    func transform(_ name: String) -> TemplateData {
        switch self {
        case .none, .bool: return .none
        case .text(let text):
            switch name {
            case "empty": return .bool(text.isEmpty)
            case "capitalized": return .text(text.capitalized)
            case "lowercased": return .text(text.lowercased())
            case "uppercased": return .text(text.uppercased())
            case "reversed": return .text(String(text.reversed()))
            default: return .none
            }
        case .int(let int):
            switch name {
            case "equalzero": return .bool(int == 0)
            case "plusone": return .int(int + 1)
            case "minusone": return .int(int - 1)
            case "even": return .bool(int & 1 == 0)
            case "odd": return .bool(int & 1 == 1)
            default: return .none
            }
        case .object(let object): return object.transform(name)
        case .list(let list): return Self.transform(list, name)
        }
    }

    private static func transform(_ list: any TemplateList, _ name: String) -> TemplateData {
        switch name {
        case "first": return list.count > 0 ? list.item(0) : .none
        case "last": return list.count > 0 ? list.item(list.count - 1) : .none
        case "count": return .int(list.count)
        case "empty": return .bool(list.count == 0)
        default: break
        }
        let items = (0..<list.count).map(list.item)
        switch name {
        case "reversed": return .list(Array(items.reversed()))
        case "sorted":
            // Lists of text or of numbers sort; others have no such transform.
            if items.allSatisfy({ if case .text = $0 { true } else { false } }) {
                return .list(items.sorted { $0.text < $1.text })
            }
            if items.allSatisfy({ if case .int = $0 { true } else { false } }) {
                return .list(items.sorted { Int($0.text) ?? 0 < Int($1.text) ?? 0 })
            }
            return .none
        default: return .none
        }
    }
}

/// A value with named children (`{{page.title}}`), transforms (`{{short(page.date)}}`) and a text of its own.
public protocol TemplateObject: Sendable {
    func child(named name: String) -> TemplateData
    func transform(_ name: String) -> TemplateData
    /// What `{{value}}` writes.
    var templateText: String { get }
    /// Feeds what a template can read of the value into `hasher`: a page whose template and values
    /// fingerprint as before is the page it was (`serve` re-renders the rest). Text goes in as its
    /// UTF-8 bytes (`Hasher.combine(String)` normalizes, slow on Korean).
    func fingerprint(into hasher: inout Hasher)
}

extension TemplateObject where Self: Hashable {
    public func fingerprint(into hasher: inout Hasher) { hasher.combine(self) }
}

extension TemplateObject {
    public func child(named name: String) -> TemplateData { .none }
    public func transform(_ name: String) -> TemplateData { .none }
}

/// A list a section walks: `{{#pages}}…{{/pages}}`.
public protocol TemplateList: Sendable {
    var count: Int { get }
    func item(_ index: Int) -> TemplateData
    var templateText: String { get }
}

/// Anything that can stand as a template value.
public protocol TemplateDataConvertible: Sendable {
    var templateData: TemplateData { get }
}

extension TemplateData: TemplateDataConvertible {
    public var templateData: TemplateData { self }
}

extension String: TemplateDataConvertible {
    public var templateData: TemplateData { .text(self) }
}

extension Int: TemplateDataConvertible {
    public var templateData: TemplateData { .int(self) }
}

extension Bool: TemplateDataConvertible {
    public var templateData: TemplateData { .bool(self) }
}

extension Optional: TemplateDataConvertible where Wrapped: TemplateDataConvertible {
    public var templateData: TemplateData { self?.templateData ?? .none }
}

extension Array: TemplateList where Element: TemplateDataConvertible {
    public func item(_ index: Int) -> TemplateData { self[index].templateData }

    /// As Swift writes an array: `["a", "b"]`, `[1, 2]`.
    public var templateText: String {
        "[" + map { element -> String in
            let data = element.templateData
            if case .text(let text) = data { return String(reflecting: text) }
            return data.text
        }.joined(separator: ", ") + "]"
    }
}

extension Array: TemplateDataConvertible where Element: TemplateDataConvertible {
    public var templateData: TemplateData { .list(self) }
}

extension Dictionary: TemplateObject where Key == String, Value: TemplateDataConvertible {
    public func child(named name: String) -> TemplateData { self[name]?.templateData ?? .none }

    public func transform(_ name: String) -> TemplateData {
        switch name {
        case "count": return .int(count)
        case "empty": return .bool(isEmpty)
        case "enumerated": return .list(map { KeyValue(key: $0.key, value: $0.value.templateData) })
        case "sorted": return .list(map { KeyValue(key: $0.key, value: $0.value.templateData) }.sorted { $0.key < $1.key })
        default: return .none
        }
    }

    public var templateText: String { String(describing: mapValues(\.templateData.text)) }

    public func fingerprint(into hasher: inout Hasher) {
        hasher.combine(count)
        for key in keys.sorted() {
            hasher.combineUTF8(key)
            child(named: key).fingerprint(into: &hasher)
        }
    }
}

extension Dictionary: TemplateDataConvertible where Key == String, Value: TemplateDataConvertible {
    public var templateData: TemplateData { .object(self) }
}

/// An entry of `{{#enumerated(map)}}`: `{{key}}`, `{{value}}`.
struct KeyValue: TemplateObject, TemplateDataConvertible {
    var key: String
    var value: TemplateData

    func child(named name: String) -> TemplateData {
        switch name {
        case "key": return .text(key)
        case "value": return value
        default: return .none
        }
    }

    var templateText: String { "(key: \(String(reflecting: key)), value: \(value.text))" }
    var templateData: TemplateData { .object(self) }

    func fingerprint(into hasher: inout Hasher) {
        hasher.combineUTF8(key)
        value.fingerprint(into: &hasher)
    }
}
