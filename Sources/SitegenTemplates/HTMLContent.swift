import Mustache

/// How `{{name}}` is escaped in theme templates: the characters swift-mustache's own HTML type
/// escapes (`& < > " '`), the same entities, but read as UTF-8 bytes, and a value with nothing to
/// escape — nearly all of them — is handed back as it is. The library's type looks each
/// `Character` up in a dictionary (a tenth of a cold build's time here). It is chosen by a
/// `CONTENT_TYPE` pragma that `ThemeLoader` puts on a line of its own above each template, so a
/// template's own pragma (`{{% CONTENT_TYPE: TEXT }}`) still wins after it.
struct HTMLContent: MustacheContentType {
    static let name = "SITEGEN_HTML"
    /// The line put above each template; template error lines are counted without it.
    static let pragma = "{{% CONTENT_TYPE: \(name) }}\n"

    /// Registers the type with swift-mustache once, before the first template is parsed.
    static let registered: Void = MustacheContentTypes.register(HTMLContent(), named: name)

    /// A template's text as its writer wrote it, without the pragma line.
    static func writersText(of template: MustacheTemplate) -> String {
        let text = template.description
        return text.hasPrefix(pragma) ? String(text.dropFirst(pragma.count)) : text
    }

    func escapeText(_ text: String) -> String {
        Self.escape(text)
    }

    static func escape(_ text: String) -> String {
        var text = text
        return text.withUTF8 { bytes -> String in
            guard let first = bytes.firstIndex(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27 }) else {
                return String(decoding: bytes, as: UTF8.self)
            }
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count + 16)
            out.append(contentsOf: bytes[..<first])
            for byte in bytes[first...] {
                switch byte {
                case 0x26: out.append(contentsOf: "&amp;".utf8)
                case 0x3C: out.append(contentsOf: "&lt;".utf8)
                case 0x3E: out.append(contentsOf: "&gt;".utf8)
                case 0x22: out.append(contentsOf: "&quot;".utf8)
                case 0x27: out.append(contentsOf: "&#39;".utf8)
                default: out.append(byte)
                }
            }
            return String(decoding: out, as: UTF8.self)
        }
    }
}
