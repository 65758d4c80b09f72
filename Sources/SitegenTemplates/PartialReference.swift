/// A `{{> partial}}` or `{{< parent}}` tag of a template, with where it stands (its opening
/// delimiter), as `TemplateParser` reads it.
struct PartialReference: Equatable, Sendable {
    var name: String
    var line: Int
    var column: Int
}
