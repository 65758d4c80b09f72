/// The words of a tag's or shortcode's arguments: split at spaces, except inside quotes.
enum QuotedWords {
    /// `quotes` open and close a quoted part. Kept (`keepingQuotes`), a quoted part stays written
    /// as it was (Liquid reads `"a b"` as a string later); not kept, its text alone is the word, and
    /// `""` is an empty word (Hugo's shortcodes).
    static func split(_ text: String, quotes: Set<Character>, keepingQuotes: Bool) -> [String] {
        var words: [String] = []
        var current = ""
        var quote: Character?
        var started = false
        for character in text {
            if let open = quote {
                if character == open { quote = nil }
                if character != open || keepingQuotes { current.append(character) }
            } else if quotes.contains(character) {
                quote = character
                started = true
                if keepingQuotes { current.append(character) }
            } else if character.isWhitespace {
                if started || !current.isEmpty { words.append(current) }
                current = ""
                started = false
            } else {
                current.append(character)
            }
        }
        if started || !current.isEmpty { words.append(current) }
        return words
    }
}
