import Foundation
import SitegenContent
import SitegenCore

/// KaTeX served from the site itself (`math_assets: local`), so a page shows its math offline and
/// in `serve` without a network: the files come from the site's own `content/katex/` when the
/// writer put them there, else from Debian's `libjs-katex` and `fonts-katex`.
enum MathAssets {
    /// Where the site's pages load KaTeX from: `katex/` under the site, or the CDN.
    static func baseURL(_ config: SiteConfig) -> String {
        config.mathAssetsLocal ? config.basePath + "/katex" : "https://cdn.jsdelivr.net/npm/katex@0.16.11/dist"
    }

    static let debianFolder = URL(fileURLWithPath: "/usr/share/javascript/katex")

    /// The files to add under `katex/`, read into memory (they live outside the site, where `serve`
    /// reads no file); none when the site does not ask or brings its own.
    static func files(for config: SiteConfig, besides assets: [Asset], folder: URL = debianFolder,
                      into diagnostics: inout Diagnostics) throws(BuildFailure) -> [OutputFile] {
        guard config.mathAssetsLocal, !assets.contains(where: { $0.relativePath == "katex/katex.min.js" }) else { return [] }
        let fonts = folder.appendingPathComponent("fonts")
        let fontNames = ((try? FileManager.default.contentsOfDirectory(atPath: fonts.path)) ?? []).filter { $0.hasPrefix("KaTeX_") }.sorted()
        var files: [OutputFile] = []
        // Debian's katex.min.js is a link to katex.js: reading follows it.
        for (url, path) in [(folder.appendingPathComponent("katex.min.js"), "katex/katex.min.js"),
                            (folder.appendingPathComponent("katex.min.css"), "katex/katex.min.css")]
            + fontNames.map({ (fonts.appendingPathComponent($0), "katex/fonts/" + $0) }) {
            guard let data = try? Data(contentsOf: url) else { break }
            files.append(OutputFile(path: path, contents: .bytes(Array(data))))
        }
        guard files.count == 2 + fontNames.count, !fontNames.isEmpty else {
            diagnostics.error(at: config.mathAssetsLocation, "'math_assets: local' needs KaTeX's files: install Debian's libjs-katex and "
                              + "fonts-katex (apt-get install libjs-katex fonts-katex), or put katex.min.js, katex.min.css and fonts/ in content/katex/")
            try diagnostics.stopIfErrors()
            return []
        }
        return files
    }
}
