/// The rules every path written under the output folder keeps, whatever it was made from
/// (permalink, slug, tag, a content file's own path, a theme's static file): relative, no `.` or
/// `..` segment, no empty segment, no NUL or backslash, and each segment short enough for the
/// file system. The writer checks them for every file it writes; the assemble phase checks them
/// earlier, where it can name the front matter line that made the path.
public enum OutputPath {
    /// The longest name one segment may have, in bytes (ext4, XFS, APFS).
    public static let segmentLimit = 255
    /// The longest output path, in bytes (Linux `PATH_MAX` is 4096; leave room for the output folder).
    public static let pathLimit = 3_000

    /// What is wrong with `path` (relative to the output root, `posts/a/index.html`), or nil when it is safe to write.
    public static func problem(_ path: String) -> String? {
        // Read as bytes: every page's path passes here.
        let bytes = path.utf8
        guard let first = bytes.first else { return "an empty path" }
        if bytes.count > pathLimit { return "a path of \(bytes.count) bytes (at most \(pathLimit))" }
        if first == UInt8(ascii: "/") { return "an absolute path" }
        if path.utf8Contains(byte: 0) { return "a NUL character in the path" }
        if path.utf8Contains(byte: UInt8(ascii: "\\")) { return "a backslash in the path" }
        for segment in bytes.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false) {
            if segment.isEmpty { return "an empty segment ('//')" }
            if segment.allSatisfy({ $0 == UInt8(ascii: ".") }), segment.count <= 2 {
                return "a '\(String(decoding: segment, as: UTF8.self))' segment, which would leave the output folder"
            }
            if segment.count > segmentLimit {
                return "a segment of \(segment.count) bytes (at most \(segmentLimit) fit in a file name)"
            }
        }
        return nil
    }

    /// What is wrong with a site URL path (`/posts/a/`, `/robots.txt`) as a place to write a page, or nil.
    public static func problem(ofURL url: String) -> String? {
        let segments = url.split(separator: "/", omittingEmptySubsequences: true)
        if segments.isEmpty { return nil }
        return problem(segments.joined(separator: "/"))
    }
}
