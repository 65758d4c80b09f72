import SitegenCore

/// What Liquid in a post may read, on a site imported from Jekyll (`liquid: true` in `site.yml`):
/// `site.*` and `page.*` as text, and the `_includes/` files `{% include %}` renders.
public struct LiquidContext: Sendable, Hashable {
    public var site: [String: String]
    public var page: [String: String]
    /// `_includes/` files by their path under it.
    public var includes: [String: String]
    /// Inside an include: `include.*` parameters and `assign`ed names.
    var variables: [String: String] = [:]

    public init(site: [String: String], page: [String: String], includes: [String: String] = [:]) {
        self.site = site
        self.page = page
        self.includes = includes
    }
}

/// Walks a body while text is copied out of it, counting lines, so that what replaces a tag keeps
/// the line numbers of everything after it and a tag can be located in the file.
struct BodyCursor {
    let body: String
    var index: String.Index
    var out = ""
    private var line = 0
    private var lineStart: String.Index

    init(_ body: String) {
        self.body = body
        index = body.startIndex
        lineStart = body.startIndex
        out.reserveCapacity(body.utf8.count)
    }

    func location(of at: String.Index, path: String, firstLine: Int) -> SourceLocation {
        SourceLocation(path: path, line: firstLine + line, column: body.distance(from: lineStart, to: at) + 1)
    }

    /// Moves to `end`, copying the text passed over, or only its line breaks.
    mutating func advance(to end: String.Index, copying: Bool) {
        for character in body[index..<end] {
            if character == "\n" {
                line += 1
                out.append("\n")
            } else if copying {
                out.append(character)
            }
        }
        if let newline = body[index..<end].lastIndex(of: "\n") { lineStart = body.index(after: newline) }
        index = end
    }
}

/// The part of Liquid that blog posts written for Jekyll use, evaluated in the body before the
/// Markdown is read: `{{ site.url }}`, `{{ page.title }}`, string literals and the filters
/// `relative_url`, `absolute_url`, `escape`, `date`; the tags `raw`, `comment`, `post_url`, `link`,
/// `highlight` (a fenced block) and `gist`. As in Jekyll, code blocks are no exception; `raw` is.
/// Anything else stays as written with a located warning, never silently. Every replacement keeps
/// the body's lines, so later line numbers still point into the file.
enum Liquid {
    static func expand(_ body: String, context: LiquidContext, targets: LinkTargets?, path: String, firstLine: Int,
                       into diagnostics: inout Diagnostics) -> String {
        guard body.utf8Contains("{{") || body.utf8Contains("{%") else { return body }
        var cursor = BodyCursor(body)
        func location(_ at: String.Index) -> SourceLocation { cursor.location(of: at, path: path, firstLine: firstLine) }
        func advance(to end: String.Index, copying: Bool) { cursor.advance(to: end, copying: copying) }
        while cursor.index < body.endIndex {
            guard let open = body[cursor.index...].firstIndex(of: "{") else {
                advance(to: body.endIndex, copying: true)
                break
            }
            let next = body.index(after: open)
            guard next < body.endIndex, body[next] == "{" || body[next] == "%" else {
                advance(to: next, copying: true)
                continue
            }
            advance(to: open, copying: true)
            let isTag = body[next] == "%"
            guard let close = body[open...].range(of: isTag ? "%}" : "}}") else {
                advance(to: body.endIndex, copying: true)
                break
            }
            let written = String(body[open..<close.upperBound])
            let inner = body[body.index(open, offsetBy: 2)..<close.lowerBound].trimmingCharacters(in: .whitespacesAndNewlines.union(["-"]))
            let at = location(open)
            if !isTag {
                if let value = evaluate(inner, context: context) {
                    cursor.out += value
                } else {
                    diagnostics.warning(at: at, "Liquid output '\(written)' is not understood here: it is left as written")
                    cursor.out += written
                }
                advance(to: close.upperBound, copying: false)
                continue
            }
            let words = inner.split(whereSeparator: \.isWhitespace).map(String.init)
            let name = words.first ?? ""
            switch name {
            case "raw", "comment":
                let end = "end" + name
                let after = close.upperBound
                guard let closing = findTag(end, in: body, from: after) else {
                    diagnostics.warning(at: at, "'{% \(name) %}' is never closed by '{% \(end) %}': it is left as written")
                    cursor.out += written
                    advance(to: after, copying: false)
                    continue
                }
                advance(to: after, copying: false)
                advance(to: closing.lowerBound, copying: name == "raw")
                advance(to: closing.upperBound, copying: false)
            case "post_url", "link":
                if let target = words.dropFirst().first, let url = resolve(name, target, targets: targets) {
                    cursor.out += url
                } else {
                    diagnostics.warning(at: at, "'\(written)': \(words.count > 1 ? "no such \(name == "post_url" ? "post" : "file") in the site" : "it names nothing"); left as written")
                    cursor.out += written
                }
                advance(to: close.upperBound, copying: false)
            case "highlight":
                // `{% highlight ruby linenos %}`, `hl_lines="2 3"`: Jekyll's options, as a fence's.
                let options = words.dropFirst(2).map { $0 == "linenos" ? "linenos=true" : $0 }
                cursor.out += "```" + (words.dropFirst().first ?? "") + (options.isEmpty ? "" : " {" + options.joined(separator: " ") + "}")
                advance(to: close.upperBound, copying: false)
            case "endhighlight":
                cursor.out += "```"
                advance(to: close.upperBound, copying: false)
            case "include":
                switch LiquidInclude.render(inner, context: context, targets: targets) {
                case .success(let html):
                    cursor.out += html
                case .failure(let problem):
                    diagnostics.warning(at: at, "'\(written)': \(problem.reason); left as written")
                    cursor.out += written
                }
                advance(to: close.upperBound, copying: false)
            case "gist":
                if let id = words.dropFirst().first {
                    let file = words.dropFirst(2).first.map { "?file=" + URLPath.encode($0) } ?? ""
                    cursor.out += "<script src=\"https://gist.github.com/\(escapeHTML(id)).js\(file)\"></script>"
                } else {
                    diagnostics.warning(at: at, "'\(written)' names no gist: it is left as written")
                    cursor.out += written
                }
                advance(to: close.upperBound, copying: false)
            default:
                // A block (`{% for %}` … `{% endfor %}`) is left whole, with one warning for it.
                if blockTags.contains(name), let end = findTag("end" + name, in: body, from: close.upperBound) {
                    diagnostics.warning(at: at, "unknown Liquid tag '\(name)': the block up to '{% end\(name) %}' is left as written")
                    advance(to: end.upperBound, copying: true)
                } else {
                    diagnostics.warning(at: at, "unknown Liquid tag '\(name)': it is left as written")
                    cursor.out += written
                    advance(to: close.upperBound, copying: false)
                }
            }
        }
        return cursor.out
    }

    /// Liquid's tags that close with `end…`, which a post may use but sitegen does not evaluate.
    static let blockTags: Set<String> = ["for", "if", "unless", "case", "capture", "tablerow"]

    /// The range of `{% name %}` (with any spacing or `-`) at or after `start`.
    static func findTag(_ name: String, in body: String, from start: String.Index) -> Range<String.Index>? {
        var from = start
        while let open = body[from...].range(of: "{%") {
            guard let close = body[open.upperBound...].range(of: "%}") else { return nil }
            let inner = body[open.upperBound..<close.lowerBound].trimmingCharacters(in: .whitespacesAndNewlines.union(["-"]))
            if inner == name { return open.lowerBound..<close.upperBound }
            from = close.upperBound
        }
        return nil
    }

    /// A post's URL by its file name (`2019-01-02-x`), or a file's by its path in the Jekyll site
    /// (`_posts/2019-01-02-x.md`, `about.md`). Without the base path, as Jekyll 3 (GitHub Pages) writes them.
    static func resolve(_ tag: String, _ target: String, targets: LinkTargets?) -> String? {
        guard let documents = targets?.documents else { return nil }
        if tag == "post_url" {
            let name = target.hasSuffix(".md") ? String(target.dropLast(3)) : target
            for (path, url) in documents where path.hasPrefix("posts/") {
                let stem = path.split(separator: ".").dropLast().joined(separator: ".")
                if stem == "posts/" + name || stem.hasSuffix("/" + name) { return url }
            }
            return nil
        }
        var path = target
        for (from, to) in [("_posts/", "posts/"), ("_pages/", ""), ("_tabs/", "")] where path.hasPrefix(from) {
            path = to + path.dropFirst(from.count)
        }
        if let url = documents[path] { return url }
        return targets?.files.contains(path) == true ? "/" + path : nil
    }

    /// `"text"`, `site.url`, `page.title`, each through its filters; nil when any part is not understood.
    static func evaluate(_ expression: String, context: LiquidContext) -> String? {
        let parts = expression.split(separator: "|", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
        guard let first = parts.first, var value = operand(first, context: context) else { return nil }
        for filter in parts.dropFirst() {
            let name = filter.split(separator: ":", maxSplits: 1).first.map { $0.trimmingCharacters(in: .whitespaces) } ?? filter
            let argument = filter.split(separator: ":", maxSplits: 1).dropFirst().first.flatMap { operand($0.trimmingCharacters(in: .whitespaces), context: context) }
            let base = context.site["baseurl"] ?? ""
            switch name {
            case "relative_url": value = joinURL(base, value)
            case "absolute_url": value = (context.site["url"] ?? "") + joinURL(base, value)
            case "escape", "xml_escape": value = escapeHTML(value)
            case "date":
                guard let format = argument, let formatted = formatDate(value, format) else { return nil }
                value = formatted
            case "strip": value = value.trimmingCharacters(in: .whitespacesAndNewlines)
            case "downcase": value = value.lowercased()
            case "upcase": value = value.uppercased()
            default: return nil
            }
        }
        return value
    }

    static func operand(_ text: String, context: LiquidContext) -> String? {
        if text.count >= 2, let quote = text.first, quote == "\"" || quote == "'", text.last == quote {
            return String(text.dropFirst().dropLast())
        }
        if let value = context.variables[text] { return value }
        if text == "true" { return "true" }
        if text.hasPrefix("site.") { return context.site[String(text.dropFirst(5))] }
        if text.hasPrefix("page.") { return context.page[String(text.dropFirst(5))] }
        if let number = Double(text) { return number == number.rounded() ? String(Int(number)) : text }
        return nil
    }

    static func joinURL(_ base: String, _ path: String) -> String {
        if path.hasPrefix("http://") || path.hasPrefix("https://") || path.hasPrefix("//") { return path }
        let trimmedBase = base.hasSuffix("/") ? String(base.dropLast()) : base
        return trimmedBase + (path.hasPrefix("/") ? path : "/" + path)
    }

    /// `2022-12-31 22:00:00 +0900` through a strftime format: `%Y %y %m %-m %d %-d %e %b %B %H %M %S %%`.
    static func formatDate(_ value: String, _ format: String) -> String? {
        let digits = value.split(whereSeparator: { !$0.isNumber }).compactMap { Int($0) }
        guard digits.count >= 3 else { return nil }
        let (year, month, day) = (digits[0], digits[1], digits[2])
        guard (1...12).contains(month) else { return nil }
        let hour = digits.count > 3 ? digits[3] : 0, minute = digits.count > 4 ? digits[4] : 0, second = digits.count > 5 ? digits[5] : 0
        var out = ""
        var characters = format.makeIterator()
        while let character = characters.next() {
            guard character == "%" else { out.append(character); continue }
            guard var code = characters.next() else { out.append("%"); break }
            var plain = false
            if code == "-", let next = characters.next() { plain = true; code = next }
            switch code {
            case "Y": out += String(year)
            case "y": out += (year % 100).zeroPadded()
            case "m": out += plain ? String(month) : month.zeroPadded()
            case "d": out += plain ? String(day) : day.zeroPadded()
            case "e": out += String(day)
            case "b": out += MonthNames.englishShort[month - 1]
            case "B": out += MonthNames.english[month - 1]
            case "H": out += hour.zeroPadded()
            case "M": out += minute.zeroPadded()
            case "S": out += second.zeroPadded()
            case "%": out += "%"
            default: return nil
            }
        }
        return out
    }
}
