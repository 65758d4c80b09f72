import CSyntaxHighlighting
import Glibc
import Synchronization

/// Build-time syntax highlighting by KDE's KSyntaxHighlighting (see Benchmarks/highlighting.md for
/// why this library): code in, escaped HTML with `<span class="k">`-style token classes out.
/// KSyntaxHighlighting's repository is not shared across threads, so each highlighting takes an
/// instance from a pool and gives it back; at most one instance exists per thread highlighting at once.
public enum SyntaxHighlighter {
    /// The names writers give a language in a fence, beyond what the library knows by name or file
    /// extension (`python`, `Python`, `py`, `rs`, `Dockerfile` are found without this table).
    static let aliases: [String: String] = [
        "sh": "Bash", "shell": "Bash", "console": "Bash", "shell-session": "Bash", "shellsession": "Bash", "bash": "Bash",
        "terminal": "Bash", "zsh": "Zsh", "js": "JavaScript", "javascript": "JavaScript", "jsx": "JavaScript React (JSX)",
        "node": "JavaScript", "ts": "TypeScript", "tsx": "TypeScript React (TSX)", "yml": "YAML", "kt": "Kotlin", "kts": "Kotlin",
        "golang": "Go", "c++": "C++", "cpp": "C++", "cc": "C++", "h": "C", "cs": "C#", "csharp": "C#", "c#": "C#",
        "docker": "Dockerfile", "dockerfile": "Dockerfile", "make": "Makefile", "makefile": "Makefile", "mk": "Makefile",
        "md": "Markdown", "markdown": "Markdown", "patch": "Diff", "udiff": "Diff", "diff": "Diff", "erl": "Erlang",
        "rb": "Ruby", "php": "PHP/PHP", "py3": "Python", "python3": "Python", "objc": "Objective-C", "objective-c": "Objective-C",
        "html": "HTML", "xml": "XML", "svg": "XML", "vue": "HTML", "json5": "JSON", "jsonc": "JSON", "toml": "TOML",
        "ps1": "PowerShell", "powershell": "PowerShell", "pwsh": "PowerShell", "tex": "LaTeX", "latex": "LaTeX",
        "plaintext": "", "text": "", "txt": "", "plain": "", "none": "", "output": "", "log": "",
    ]

    private final class Instance: @unchecked Sendable {
        // One thread at a time uses an instance: the pool hands it out and takes it back.
        let pointer: OpaquePointer
        init?() {
            guard let pointer = csh_new() else { return nil }
            self.pointer = pointer
        }
        deinit { csh_free(pointer) }
    }

    private static let pool = Mutex<[Instance]>([])
    private static let definitions = Mutex<[String: String?]>([:])

    private static func withInstance<Result>(_ body: (OpaquePointer) -> Result?) -> Result? {
        guard let instance = pool.withLock({ $0.popLast() }) ?? Instance() else { return nil }
        defer { pool.withLock { $0.append(instance) } }
        return body(instance.pointer)
    }

    /// The library's name for the language a fence names, case and the usual aliases aside; nil when
    /// the code stays plain (no language, an unknown one, or `text`).
    public static func definition(for language: String) -> String? {
        let key = language.lowercased()
        if key.isEmpty { return nil }
        if let known = definitions.withLock({ $0[key] }) { return known }
        var found: String?
        if let alias = aliases[key] {
            found = alias.isEmpty ? nil : alias
        } else {
            found = withInstance { instance in
                language.withCString { csh_definition_name(instance, $0) }.map { pointer in
                    defer { free(pointer) }
                    return String(cString: pointer)
                }
            }
        }
        definitions.withLock { $0[key] = .some(found) }
        return found
    }

    /// `code` as escaped HTML with token spans, one output line per input line (spans never cross a
    /// line); nil when the language is unknown.
    public static func highlight(_ code: String, language: String, cache: HighlightCache? = nil) -> String? {
        guard let definition = definition(for: language) else { return nil }
        if let cache {
            let key = HighlightCache.Key(definition: definition, code: code)
            if let kept = cache.highlighted(key) { return kept }
            let made = highlight(code, definition: definition)
            if let made { cache.keep(made, for: key) }
            return made
        }
        return highlight(code, definition: definition)
    }

    private static func highlight(_ code: String, definition: String) -> String? {
        withInstance { instance in
            var length = 0
            var code = code
            let pointer = code.withUTF8 { bytes in
                bytes.withMemoryRebound(to: CChar.self) { chars in
                    csh_highlight(instance, definition, chars.baseAddress, chars.count, &length)
                }
            }
            guard let pointer else { return nil }
            defer { free(pointer) }
            return String(decoding: UnsafeRawBufferPointer(start: pointer, count: length), as: UTF8.self)
        }
    }
}

/// Highlighted blocks kept from one build to the next (`serve`), by language and code: an edit to a
/// post highlights only the blocks it changed. A block no build used since the one before is let go.
public final class HighlightCache: Sendable {
    struct Key: Hashable {
        var definition: String
        var code: String
    }

    private struct Generations {
        var current: [Key: String] = [:]
        var previous: [Key: String] = [:]
        var made = 0
    }

    private let generations = Mutex(Generations())

    public init() {}

    func highlighted(_ key: Key) -> String? {
        generations.withLock { kept in
            if let html = kept.current[key] { return html }
            guard let html = kept.previous[key] else { return nil }
            kept.current[key] = html
            return html
        }
    }

    func keep(_ html: String, for key: Key) {
        generations.withLock { kept in
            kept.current[key] = html
            kept.made += 1
        }
    }

    /// How many blocks were highlighted rather than found here, since the cache was made.
    public var highlightedCount: Int { generations.withLock { $0.made } }

    /// Starts a build: what the last two builds used stays.
    public func nextGeneration() {
        generations.withLock { kept in
            kept.previous = kept.current
            kept.current = [:]
        }
    }

    public var count: Int { generations.withLock { $0.current.count + $0.previous.count } }
}
