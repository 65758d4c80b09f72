import Foundation
import SitegenCore

/// `sitegen check` and `build --strict`: every internal link, image and anchor of a generated site,
/// each broken one named with the source file and line it came from.
public enum SiteCheck {
    /// What `build --strict` and `check` both refuse: every warning, as an error, and every broken
    /// internal link, image or anchor.
    public static func strictProblems(in generation: Generation, root: URL) -> [Diagnostic] {
        (generation.report.warnings.map { Diagnostic(.error, at: $0.location, $0.message) } + brokenLinks(in: generation, root: root)).sorted()
    }

    public static func brokenLinks(in generation: Generation, root: URL) -> [Diagnostic] {
        var pages: [String: String] = [:]
        var files: Set<String> = []
        for file in generation.files {
            if file.path.hasSuffix(".html"), case .bytes(let bytes) = file.contents {
                pages[file.path] = String(decoding: bytes, as: UTF8.self)
            } else {
                files.insert(file.path)
            }
        }
        var sourceTexts: [String: [Substring]] = [:]
        return LinkChecker.check(pages: pages, files: files, basePath: generation.basePath).map { broken in
            let message = "broken link '\(broken.target)' on \(broken.page): \(broken.reason)"
            guard let source = generation.sources[broken.page] else {
                return .error(at: .whole("(generated) " + broken.page), message + " (it comes from the theme or a list)")
            }
            if sourceTexts[source] == nil {
                let text = FileManager.default.contents(atPath: root.appendingPathComponent(source).path).map { String(decoding: $0, as: UTF8.self) } ?? ""
                sourceTexts[source] = text.split(separator: "\n", omittingEmptySubsequences: false)
            }
            let location = locate(broken.target, basePath: generation.basePath, in: sourceTexts[source] ?? [], path: source)
            return .error(at: location, message)
        }
    }

    /// The first line of the source that writes the link: as it is in the HTML, decoded, or without the base path.
    static func locate(_ target: String, basePath: String, in lines: [Substring], path: String) -> SourceLocation {
        var candidates = [target]
        if let decoded = URLPath.decode(target) {
            candidates.append(decoded)
            if !basePath.isEmpty, decoded.hasPrefix(basePath) { candidates.append(String(decoded.dropFirst(basePath.count))) }
        }
        if let fragment = target.firstIndex(of: "#") { candidates.append(String(target[fragment...])) }
        for candidate in candidates where !candidate.isEmpty {
            for (number, line) in lines.enumerated() {
                if let range = line.range(of: candidate) {
                    return SourceLocation(path: path, line: number + 1, column: line.distance(from: line.startIndex, to: range.lowerBound) + 1)
                }
            }
        }
        return SourceLocation(path: path)
    }
}
