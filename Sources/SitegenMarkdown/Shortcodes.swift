import SitegenCore

/// Hugo's built-in shortcodes as blog posts use them, in both forms (`{{< name >}}`, `{{% name %}}`),
/// on a Hugo site: `figure`, `youtube`, `gist`, `highlight` (a fenced block), `ref` and `relref`
/// (a document's URL), `param` (a front matter or site value). Anything else stays as written with a
/// located warning. Every replacement keeps the body's lines.
enum Shortcodes {
    static func expand(_ body: String, context: LiquidContext, targets: LinkTargets?, path: String, firstLine: Int,
                       into diagnostics: inout Diagnostics) -> String {
        guard body.utf8Contains("{{<") || body.utf8Contains("{{%") else { return body }
        var cursor = BodyCursor(body)
        while cursor.index < body.endIndex {
            guard let open = body[cursor.index...].range(of: "{{") else {
                cursor.advance(to: body.endIndex, copying: true)
                break
            }
            guard open.upperBound < body.endIndex, body[open.upperBound] == "<" || body[open.upperBound] == "%" else {
                cursor.advance(to: open.upperBound, copying: true)
                continue
            }
            let markdownForm = body[open.upperBound] == "%"
            guard let close = body[open.upperBound...].range(of: markdownForm ? "%}}" : ">}}") else {
                cursor.advance(to: body.endIndex, copying: true)
                break
            }
            cursor.advance(to: open.lowerBound, copying: true)
            let written = String(body[open.lowerBound..<close.upperBound])
            let inner = body[body.index(after: open.upperBound)..<close.lowerBound].trimmingCharacters(in: .whitespacesAndNewlines)
            let at = cursor.location(of: open.lowerBound, path: path, firstLine: firstLine)
            cursor.advance(to: close.upperBound, copying: false)
            // `{{</* x */>}}` is how a post shows a shortcode without running it: written out, unrun.
            if inner.hasPrefix("/*"), inner.hasSuffix("*/") {
                let shown = inner.dropFirst(2).dropLast(2).trimmingCharacters(in: .whitespaces)
                cursor.out += markdownForm ? "{{% \(shown) %}}" : "{{< \(shown) >}}"
                continue
            }
            let (name, positional, named) = arguments(inner.hasSuffix("/") ? String(inner.dropLast()) : inner)
            switch name {
            case "figure":
                cursor.out += figure(named, positional)
            case "youtube":
                if let id = named["id"] ?? positional.first {
                    cursor.out += "<div class=\"video\"><iframe src=\"https://www.youtube-nocookie.com/embed/\(escapeHTML(id))\" "
                        + "title=\"\(escapeHTML(named["title"] ?? "YouTube video"))\" allowfullscreen loading=\"lazy\"></iframe></div>"
                } else {
                    unknown(written, "youtube needs a video id", at: at, &cursor, &diagnostics, name: name)
                }
            case "gist":
                if positional.count >= 2 {
                    let file = positional.count > 2 ? "?file=" + URLPath.encode(positional[2]) : ""
                    cursor.out += "<script src=\"https://gist.github.com/\(escapeHTML(positional[0]))/\(escapeHTML(positional[1])).js\(file)\"></script>"
                } else {
                    unknown(written, "gist needs a user and an id", at: at, &cursor, &diagnostics, name: name)
                }
            case "highlight":
                // `{{< highlight go "linenos=table,hl_lines=8 15-17" >}}`: Hugo's options, as a fence's.
                // The quoted options read as named arguments (`linenos` = `table,hl_lines=8`): joined back.
                let written = (positional.dropFirst().first.map { [$0] } ?? []) + named.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
                let options = written.isEmpty ? "" : FenceInfo.braced(hugoOptions: written.joined(separator: ","))
                cursor.out += "```" + (positional.first ?? "") + options
            case "/highlight":
                cursor.out += "```"
            case "ref", "relref":
                if let target = named["path"] ?? positional.first, let url = reference(target, targets: targets) {
                    cursor.out += name == "ref" ? (context.site["url"] ?? "") + url : url
                } else {
                    unknown(written, "no such document in the site", at: at, &cursor, &diagnostics, name: name)
                }
            case "param":
                if let key = positional.first, let value = context.page[key] ?? context.site["params." + key] {
                    cursor.out += value
                } else {
                    unknown(written, "no such parameter", at: at, &cursor, &diagnostics, name: name)
                }
            default:
                unknown(written, nil, at: at, &cursor, &diagnostics, name: name)
            }
        }
        return cursor.out
    }

    private static func unknown(_ written: String, _ why: String?, at location: SourceLocation, _ cursor: inout BodyCursor,
                                _ diagnostics: inout Diagnostics, name: String) {
        diagnostics.warning(at: location, why.map { "'\(written)': \($0); left as written" } ?? "unknown shortcode '\(name)': it is left as written")
        cursor.out += written
    }

    /// `name "a" b key="v w"`: the name, positional and named arguments.
    static func arguments(_ text: String) -> (name: String, positional: [String], named: [String: String]) {
        let words = QuotedWords.split(text, quotes: ["\"", "`"], keepingQuotes: false)
        guard let name = words.first else { return ("", [], [:]) }
        var positional: [String] = []
        var named: [String: String] = [:]
        for word in words.dropFirst() {
            if let equals = word.firstIndex(of: "="), !word[..<equals].isEmpty, word[..<equals].allSatisfy({ $0.isLetter || $0 == "_" }) {
                named[String(word[..<equals])] = String(word[word.index(after: equals)...])
            } else {
                positional.append(word)
            }
        }
        return (name, positional, named)
    }

    /// Hugo's `figure`: an image with its link, caption and title.
    static func figure(_ named: [String: String], _ positional: [String]) -> String {
        let src = named["src"] ?? positional.first ?? ""
        var image = "<img src=\"\(escapeHTML(src))\""
        image += " alt=\"\(escapeHTML(named["alt"] ?? named["caption"] ?? ""))\""
        for key in ["width", "height"] { if let value = named[key] { image += " \(key)=\"\(escapeHTML(value))\"" } }
        image += " loading=\"lazy\">"
        if let link = named["link"] { image = "<a href=\"\(escapeHTML(link))\">\(image)</a>" }
        var caption = ""
        if let title = named["title"] { caption += "<h4>\(escapeHTML(title))</h4>" }
        if let text = named["caption"] { caption += "<p>\(escapeHTML(text))</p>" }
        let classes = named["class"].map { " class=\"\(escapeHTML($0))\"" } ?? ""
        return "<figure\(classes)>\(image)\(caption.isEmpty ? "" : "<figcaption>\(caption)</figcaption>")</figure>"
    }

    /// A document's URL by its path under `content/`, or by its file name alone; an `#anchor` is kept.
    static func reference(_ target: String, targets: LinkTargets?) -> String? {
        guard let documents = targets?.documents else { return nil }
        var path = target
        var fragment = ""
        if let hash = path.firstIndex(of: "#") {
            fragment = String(path[hash...])
            path = String(path[..<hash])
        }
        if path.hasPrefix("/") { path.removeFirst() }
        if path.isEmpty { return fragment.isEmpty ? nil : fragment }
        let base = targets?.basePath ?? ""
        if let url = documents[path] ?? documents[path + ".md"] ?? documents[path + "/index.md"] ?? documents[path + "/_index.md"] {
            return base + url + fragment
        }
        let name = path.split(separator: "/").last.map(String.init) ?? path
        let matches = documents.filter { $0.key == name || $0.key.hasSuffix("/" + name) || $0.key.hasSuffix("/" + name + ".md") }
        return matches.count == 1 ? matches.first.map { base + $0.value + fragment } : nil
    }
}
