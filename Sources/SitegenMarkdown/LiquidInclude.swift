import Foundation
import SitegenCore

/// `{% include figure.html url="/a.png" caption=page.title %}`: a file of the site's `_includes/`
/// rendered with its parameters, as Jekyll does. The part of Liquid such files use is understood —
/// `{{ include.x }}`, `{{ site.x }}`, `{{ page.x }}` with the filters posts use, `if`/`elsif`/`else`,
/// `unless`, `assign`, `comment`, `raw` and nested includes; anything else (a `for` loop, `capture`)
/// makes the whole include a located warning, the tag left as written. The output is put on one line
/// (an include is HTML) so that the lines of the post after it keep their numbers.
enum LiquidInclude {
    struct Problem: Error {
        var reason: String
    }

    static func render(_ tag: String, context: LiquidContext, targets: LinkTargets?, depth: Int = 0) -> Result<String, Problem> {
        guard depth < 10 else { return .failure(Problem(reason: "includes nest more than 10 deep")) }
        let arguments = words(String(tag.drop { !$0.isWhitespace }))
        guard let name = arguments.first else { return .failure(Problem(reason: "it names no file")) }
        guard let text = context.includes[name] else { return .failure(Problem(reason: "there is no _includes/\(name) in the site")) }
        var inner = context
        inner.variables = [:]
        for argument in arguments.dropFirst() {
            guard let equals = argument.firstIndex(of: "=") else { return .failure(Problem(reason: "'\(argument)' is not a key=value parameter")) }
            let key = String(argument[..<equals]), written = String(argument[argument.index(after: equals)...])
            // A parameter that is nil or false stays unset: falsy in conditions, empty in output.
            if let value = Liquid.evaluate(written, context: context) { inner.variables["include." + key] = value }
        }
        do {
            let html = try Template(text, context: inner, targets: targets, depth: depth).render()
            return .success(html.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
                .filter { !$0.isEmpty }.joined(separator: " "))
        } catch {
            return .failure(Problem(reason: "_includes/\(name) \(error.reason)"))
        }
    }

    /// Words split at spaces outside quotes, quotes kept (`caption="a b"` is one word).
    static func words(_ text: String) -> [String] {
        QuotedWords.split(text, quotes: ["\"", "'"], keepingQuotes: true)
    }

    /// One include file's Liquid, evaluated.
    struct Template {
        let text: String
        var context: LiquidContext
        let targets: LinkTargets?
        let depth: Int

        init(_ text: String, context: LiquidContext, targets: LinkTargets?, depth: Int) {
            self.text = text
            self.context = context
            self.targets = targets
            self.depth = depth
        }

        /// A tag or output of the text: where it is and what is inside its braces.
        struct Piece {
            var range: Range<String.Index>
            var isTag: Bool
            var inner: String
            var name: String { String(inner.prefix { !$0.isWhitespace }) }
            var rest: String { String(inner.drop { !$0.isWhitespace }).trimmingCharacters(in: .whitespaces) }
        }

        func pieces() throws(Problem) -> [Piece] {
            var found: [Piece] = []
            var from = text.startIndex
            while let open = text[from...].firstIndex(of: "{") {
                let next = text.index(after: open)
                guard next < text.endIndex, text[next] == "{" || text[next] == "%" else {
                    from = next
                    continue
                }
                let isTag = text[next] == "%"
                guard let close = text[next...].range(of: isTag ? "%}" : "}}") else { throw Problem(reason: "has an unclosed '{\(text[next])'") }
                let inner = text[text.index(after: next)..<close.lowerBound].trimmingCharacters(in: .whitespacesAndNewlines.union(["-"]))
                found.append(Piece(range: open..<close.upperBound, isTag: isTag, inner: inner))
                from = close.upperBound
            }
            return found
        }

        func render() throws(Problem) -> String {
            let pieces = try pieces()
            var context = self.context
            var index = 0
            return try block(pieces, &index, from: text.startIndex, until: [], context: &context).text
        }

        /// Renders pieces from `index` until a tag named in `until` (returned, not consumed past).
        private func block(_ pieces: [Piece], _ index: inout Int, from start: String.Index, until: Set<String>,
                           context: inout LiquidContext) throws(Problem) -> (text: String, stop: Piece?) {
            var out = ""
            var position = start
            while index < pieces.count {
                let piece = pieces[index]
                out += text[position..<piece.range.lowerBound]
                if piece.isTag, until.contains(piece.name) { return (out, piece) }
                position = piece.range.upperBound
                index += 1
                guard piece.isTag else {
                    guard let value = evaluate(piece.inner, context: context) else {
                        throw Problem(reason: "uses '{{ \(piece.inner) }}', which sitegen does not evaluate")
                    }
                    out += value
                    continue
                }
                switch piece.name {
                case "if", "unless":
                    out += try conditional(piece, pieces, &index, context: &context)
                    position = pieces[index - 1].range.upperBound
                case "assign":
                    let parts = piece.rest.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
                    guard parts.count == 2, isName(parts[0]) else { throw Problem(reason: "has an assign sitegen cannot read: '\(piece.inner)'") }
                    guard let value = evaluate(parts[1], context: context) else { throw Problem(reason: "has an assign sitegen cannot read: '\(piece.inner)'") }
                    context.variables[parts[0]] = value
                case "comment", "raw":
                    let end = "end" + piece.name
                    guard let closing = pieces[index...].firstIndex(where: { $0.isTag && $0.name == end }) else {
                        throw Problem(reason: "never closes '{% \(piece.name) %}'")
                    }
                    if piece.name == "raw" { out += text[piece.range.upperBound..<pieces[closing].range.lowerBound] }
                    index = closing + 1
                    position = pieces[closing].range.upperBound
                case "include":
                    switch LiquidInclude.render(piece.inner, context: context, targets: targets, depth: depth + 1) {
                    case .success(let html): out += html
                    case .failure(let problem): throw problem
                    }
                case "post_url", "link":
                    guard let target = piece.rest.split(separator: " ").first, let url = Liquid.resolve(piece.name, String(target), targets: targets) else {
                        throw Problem(reason: "has '{% \(piece.inner) %}', which names nothing in the site")
                    }
                    out += url
                default:
                    throw Problem(reason: "uses '{% \(piece.name) %}', which sitegen does not evaluate")
                }
            }
            guard until.isEmpty else { throw Problem(reason: "never closes its '{% if %}' or '{% unless %}'") }
            out += text[position...]
            return (out, nil)
        }

        /// `if`/`unless` … `elsif` … `else` … `endif`/`endunless`: the first branch whose condition holds.
        private func conditional(_ opening: Piece, _ pieces: [Piece], _ index: inout Int, context: inout LiquidContext) throws(Problem) -> String {
            let end = "end" + opening.name
            var holds = try condition(opening.rest, context: context)
            if opening.name == "unless" { holds.toggle() }
            var chosen: String?
            var start = opening.range.upperBound
            while true {
                var branchContext = context
                let (text, stop) = try block(pieces, &index, from: start, until: ["elsif", "else", end], context: &branchContext)
                if chosen == nil, holds {
                    chosen = text
                    context = branchContext
                }
                guard let stop else { throw Problem(reason: "never closes '{% \(opening.name) %}'") }
                index += 1
                start = stop.range.upperBound
                if stop.name == end { break }
                if chosen != nil {
                    holds = false
                } else if stop.name == "else" {
                    holds = true
                } else {
                    holds = try condition(stop.rest, context: context)
                }
            }
            return chosen ?? ""
        }

        /// `a`, `a == "b"`, `a != b`, `a contains "b"`, joined by `and`/`or` (left to right).
        private func condition(_ text: String, context: LiquidContext) throws(Problem) -> Bool {
            let words = LiquidInclude.words(text)
            var result: Bool?
            var joiner = "and"
            var index = 0
            while index < words.count {
                var value: Bool
                if index + 2 < words.count, ["==", "!=", "contains", ">", "<", ">=", "<="].contains(words[index + 1]) {
                    let left = Liquid.evaluate(words[index], context: context), right = Liquid.evaluate(words[index + 2], context: context)
                    switch words[index + 1] {
                    case "==": value = left == right
                    case "!=": value = left != right
                    case "contains": value = right.map { left?.contains($0) ?? false } ?? false
                    default:
                        guard let l = left.flatMap(Double.init), let r = right.flatMap(Double.init) else { value = false; break }
                        value = words[index + 1] == ">" ? l > r : words[index + 1] == "<" ? l < r : words[index + 1] == ">=" ? l >= r : l <= r
                    }
                    index += 3
                } else {
                    let word = words[index]
                    guard isName(word) || word.first == "\"" || word.first == "'" else { throw Problem(reason: "has a condition sitegen cannot read: '\(text)'") }
                    let value1 = Liquid.evaluate(word, context: context)
                    value = value1 != nil && value1 != "false" && value1 != "nil"
                    index += 1
                }
                result = result.map { joiner == "and" ? $0 && value : $0 || value } ?? value
                if index < words.count {
                    joiner = words[index]
                    guard joiner == "and" || joiner == "or" else { throw Problem(reason: "has a condition sitegen cannot read: '\(text)'") }
                    index += 1
                }
            }
            return result ?? false
        }

        /// An expression's value, a name nothing set counting as empty (through its filters too), as in Liquid.
        private func evaluate(_ expression: String, context: LiquidContext) -> String? {
            let base = expression.split(separator: "|", maxSplits: 1).first.map { $0.trimmingCharacters(in: .whitespaces) } ?? ""
            var lenient = context
            if isName(base), Liquid.evaluate(base, context: context) == nil { lenient.variables[base] = "" }
            return Liquid.evaluate(expression, context: lenient)
        }

        private func isName(_ text: String) -> Bool {
            !text.isEmpty && text.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "." || $0 == "-" }
        }
    }
}
