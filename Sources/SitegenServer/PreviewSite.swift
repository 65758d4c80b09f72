import Foundation
import SitegenBuild
import SitegenCore

/// What the preview server answers a request with.
public struct PreviewResponse: Sendable, Equatable {
    public var status: Int
    public var headers: [String: String]
    public var body: [UInt8]

    public var text: String { String(decoding: body, as: UTF8.self) }
}

/// A built site held in memory, and how the preview answers requests for it. Pure: no socket, no
/// disk but for the content files it copies, which it reads by the paths the build gave them.
public struct PreviewSite: Sendable {
    var files: [String: OutputFile]
    /// The located error of the last rebuild, when it failed: shown over every page.
    public var buildError: String?
    /// The site root: a copied file is sent only while it is still a regular file inside it, as the
    /// build found it, never through a link put in its place since.
    var root: URL?

    var isEmpty: Bool { files.isEmpty }

    public init(files: [OutputFile], buildError: String? = nil, root: URL? = nil) {
        self.files = Dictionary(files.map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first })
        self.buildError = buildError
        self.root = root
    }

    /// The same site with `changed` files put in place of their older versions.
    public func replacing(_ changed: [OutputFile]) -> PreviewSite {
        var site = self
        for file in changed { site.files[file.path] = file }
        return site
    }

    /// The bytes of an output file made in memory; nil for files copied from disk and missing ones.
    func bytes(of path: String) -> [UInt8]? {
        if case .bytes(let bytes)? = files[path]?.contents { return bytes }
        return nil
    }

    /// Whether the site has this output file.
    public func has(_ path: String) -> Bool { files[path] != nil }

    /// The output file a page's URL path shows: `/posts/%ED%9A%8C%EA%B3%A0/` → `posts/회고/index.html`.
    public static func outputPath(ofPage urlPath: String) -> String? {
        guard let decoded = URLPath.decode(String(urlPath.prefix { $0 != "?" && $0 != "#" })), decoded.hasPrefix("/") else { return nil }
        let path = String(decoded.dropFirst()).precomposedStringWithCanonicalMapping
        return path.isEmpty || path.hasSuffix("/") ? path + "index.html" : path
    }

    /// Only GET and HEAD; paths are percent-decoded, and any `.` or `..` segment is refused before
    /// anything is looked up. `/tags/회고` redirects to `/tags/회고/`; a missing page gets `404.html`.
    public func respond(method: String, path rawPath: String) -> PreviewResponse {
        guard method == "GET" || method == "HEAD" else {
            return PreviewResponse(status: 405, headers: ["Allow": "GET, HEAD", "Content-Type": "text/plain; charset=utf-8"],
                                   body: Array("only GET and HEAD\n".utf8))
        }
        var response = lookup(rawPath)
        if method == "HEAD" {
            response.headers["Content-Length"] = String(response.body.count)
            response.body = []
        }
        return response
    }

    private func lookup(_ rawPath: String) -> PreviewResponse {
        if files.isEmpty, let buildError {
            // The first build failed: there is no last good site to show under the error.
            let page = "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>sitegen: build failed</title></head><body></body></html>\n"
            return PreviewResponse(status: 500, headers: ["Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-cache"],
                                   body: LiveReload.inject(into: Array(page.utf8), error: buildError))
        }
        let pathOnly = String(rawPath.prefix { $0 != "?" && $0 != "#" })
        guard let decoded = URLPath.decode(pathOnly), decoded.hasPrefix("/"), !decoded.contains("\0"), !decoded.contains("\\") else {
            return plain(400, "bad request path\n")
        }
        let segments = decoded.split(separator: "/", omittingEmptySubsequences: false).dropFirst()
        guard !segments.contains(where: { $0 == "." || $0 == ".." }) else { return plain(400, "paths may not climb out of the site\n") }
        let path = segments.joined(separator: "/").precomposedStringWithCanonicalMapping
        if path.isEmpty || path.hasSuffix("/") {
            if let file = files[path + "index.html"] { return serve(file, status: 200) }
        } else if let file = files[path] {
            return serve(file, status: 200)
        } else if files[path + "/index.html"] != nil {
            return PreviewResponse(status: 301, headers: ["Location": URLPath.encode(decoded + "/"), "Content-Type": "text/plain; charset=utf-8"],
                                   body: Array("moved to \(decoded)/\n".utf8))
        }
        if let notFound = files["404.html"] { return serve(notFound, status: 404) }
        return plain(404, "not found\n")
    }

    private func serve(_ file: OutputFile, status: Int) -> PreviewResponse {
        var body: [UInt8]
        switch file.contents {
        case .bytes(let bytes): body = bytes
        case .copy(let url):
            if let root {
                guard let bytes = FileTree.contentsInside(root, path: url.path) else {
                    return plain(404, "not found: this file is no longer the one the last build copied\n")
                }
                body = bytes
            } else {
                body = Array((try? Data(contentsOf: url)) ?? Data())
            }
        case .written: body = []
        }
        let type = ContentType.of(file.path)
        if type.hasPrefix("text/html") { body = LiveReload.inject(into: body, error: buildError) }
        return PreviewResponse(status: status, headers: ["Content-Type": type, "Cache-Control": "no-cache"], body: body)
    }

    private func plain(_ status: Int, _ text: String) -> PreviewResponse {
        PreviewResponse(status: status, headers: ["Content-Type": "text/plain; charset=utf-8"], body: Array(text.utf8))
    }
}

/// The content type of a file by its extension; text always says UTF-8.
enum ContentType {
    static func of(_ path: String) -> String {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        switch name.split(separator: ".").last.map({ $0.lowercased() }) ?? "" {
        case "html", "htm": return "text/html; charset=utf-8"
        case "css": return "text/css; charset=utf-8"
        case "js", "mjs": return "text/javascript; charset=utf-8"
        case "json": return name == "feed.json" ? "application/feed+json; charset=utf-8" : "application/json; charset=utf-8"
        case "xml": return name == "feed.xml" ? "application/atom+xml; charset=utf-8" : "application/xml; charset=utf-8"
        case "txt", "md": return "text/plain; charset=utf-8"
        case "svg": return "image/svg+xml"
        case "png": return "image/png"
        case "jpg", "jpeg": return "image/jpeg"
        case "gif": return "image/gif"
        case "webp": return "image/webp"
        case "avif": return "image/avif"
        case "ico": return "image/x-icon"
        case "woff2": return "font/woff2"
        case "woff": return "font/woff"
        case "pdf": return "application/pdf"
        case "mp4": return "video/mp4"
        default: return "application/octet-stream"
        }
    }
}
