import Foundation
import SitegenMarkdown
import Testing

/// Our Markdown passes (heading ids, kramdown attribute lines, TOC markers, links, goals, excerpts)
/// must not change standard Markdown: every example of the GFM spec and of cmark-gfm's extension
/// tests, rendered by the whole Markdown stage (math recognition and highlighting on, as on a site),
/// is what libcmark-gfm alone makes of it, but for the ids our headings carry and the token spans
/// inside highlighted code. The examples are cmark-gfm's `test/spec.txt` and `test/extensions.txt`
/// (see Fixtures/cmark-gfm/README.md).
@Suite struct SpecExamplesTests {
    struct Example: CustomTestStringConvertible, Sendable {
        var file: String
        var line: Int
        var markdown: String
        var testDescription: String { "\(file):\(line)" }
    }

    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/cmark-gfm")

    /// The examples of a spec file: between a line of 32 backticks and `example`, and a lone `.`.
    static func examples(in file: String) -> [Example] {
        guard let text = try? String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8) else { return [] }
        let fence = String(repeating: "`", count: 32)
        var examples: [Example] = []
        var current: [Substring]?
        var start = 0
        for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if line.hasPrefix(fence + " example") {
                current = []
                start = number + 1
            } else if current != nil, line == "." {
                let markdown = current!.joined(separator: "\n") + "\n"
                examples.append(Example(file: file, line: start, markdown: markdown.replacingOccurrences(of: "→", with: "\t")))
                current = nil
            } else if current != nil {
                current?.append(line)
            }
        }
        return examples
    }

    static let all = examples(in: "spec.txt") + examples(in: "extensions.txt")

    @Test func theSpecFilesHoldEveryExample() {
        #expect(Self.all.count == 701, "\(Self.all.count) examples")
    }

    @Test(arguments: all)
    func theWholeMarkdownStageRendersAsTheLibraryDoes(_ example: Example) {
        // A title no heading repeats, so a leading H1 stays in the body as the library keeps it.
        let options = MarkdownOptions(frontMatterTitle: "\u{1}", fileTitle: "\u{1}", tocLevels: 2...3, path: example.file,
                                      bodyFirstLine: example.line)
        let ours = MarkdownRenderer.render(example.markdown, options: options).html
        let library = MarkdownRenderer.libraryHTML(example.markdown)
        #expect(Self.standard(ours) == Self.standard(library), "\(example.testDescription)\n\(example.markdown)")
    }

    @Test(arguments: all)
    func withRawHTMLOffTooItRendersAsTheLibraryInSafeModeDoes(_ example: Example) {
        let options = MarkdownOptions(frontMatterTitle: "\u{1}", fileTitle: "\u{1}", tocLevels: 2...3, path: example.file,
                                      bodyFirstLine: example.line, allowsRawHTML: false)
        let ours = MarkdownRenderer.render(example.markdown, options: options).html
        let library = MarkdownRenderer.libraryHTML(example.markdown, allowsRawHTML: false)
        #expect(Self.standard(ours) == Self.standard(library), "\(example.testDescription)\n\(example.markdown)")
    }

    @Test func highlightingIsOnForTheseExamples() {
        let ours = MarkdownRenderer.render("```ruby\ndef foo(x)\n  return 3\nend\n```\n").html
        #expect(ours.contains("<span class=\"k\">def</span>"), "\(ours)")
        #expect(Self.standard(ours) == MarkdownRenderer.libraryHTML("```ruby\ndef foo(x)\n  return 3\nend\n```\n"))
    }

    /// `<h2 id="x">` → `<h2>`, and the token spans of highlighted code removed: the two things our
    /// passes add to standard Markdown.
    static func standard(_ html: String) -> String {
        html.replacing(#/<h([1-6]) id="[^"]*">/#) { "<h\($0.1)>" }
            .replacing(#/<pre><code[^>]*>[\s\S]*?</code></pre>/#) { block in
                block.0.replacing(#/<span class="[a-z ]+">|</span>/#, with: "")
            }
    }
}
