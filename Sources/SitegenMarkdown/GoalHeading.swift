/// Whether a heading names the writer's goals: its words equal a goal heading's (`다음 목표`,
/// `Next goals`, `Try`), case, punctuation and emoji aside, or begin with them (`Try (다음 주)`).
public enum GoalHeading {
    public static func normalized(_ text: String) -> String {
        let kept = text.lowercased().unicodeScalars.map { scalar -> Character in
            scalar.properties.isAlphabetic || scalar.properties.numericType != nil ? Character(scalar) : " "
        }
        return String(kept).split(separator: " ").joined(separator: " ")
    }

    static func matches(_ heading: String, names: Set<String>) -> Bool {
        let text = normalized(heading)
        return names.contains(text) || names.contains { !$0.isEmpty && text.hasPrefix($0 + " ") }
    }
}
