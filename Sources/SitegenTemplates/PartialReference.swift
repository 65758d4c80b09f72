import Foundation
/// A `{{> partial}}` or `{{< parent}}` tag in a template's text, with where it stands.
struct PartialReference: Equatable {
    var name: String
    var line: Int
    var column: Int

    /// Every partial and parent tag of `text`; dynamic names (`{{>*name}}`) are left out.
    static func all(in text: String) -> [PartialReference] {
        var found: [PartialReference] = []
        var line = 1
        var column = 1
        let characters = Array(text)
        var index = 0
        while index < characters.count {
            if characters[index] == "{", index + 1 < characters.count, characters[index + 1] == "{" {
                var cursor = index + 2
                while cursor < characters.count, characters[cursor] == " " { cursor += 1 }
                if cursor < characters.count, characters[cursor] == ">" || characters[cursor] == "<" {
                    cursor += 1
                    var name = ""
                    while cursor + 1 < characters.count, !(characters[cursor] == "}" && characters[cursor + 1] == "}") {
                        name.append(characters[cursor])
                        cursor += 1
                    }
                    let trimmed = name.trimmingCharacters(in: .whitespaces)
                    if !trimmed.isEmpty, !trimmed.hasPrefix("*") {
                        found.append(PartialReference(name: trimmed, line: line, column: column))
                    }
                }
            }
            if characters[index] == "\n" {
                line += 1
                column = 1
            } else {
                column += 1
            }
            index += 1
        }
        return found
    }
}
