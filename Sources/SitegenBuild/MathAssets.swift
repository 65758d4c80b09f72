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

    /// The files to add under `katex/`; none when the site does not ask or brings its own.
    static func files(for config: SiteConfig, besides assets: [Asset], folder: URL = debianFolder,
                      into diagnostics: inout Diagnostics) throws(BuildFailure) -> [Asset] {
        guard config.mathAssetsLocal, !assets.contains(where: { $0.relativePath == "katex/katex.min.js" }) else { return [] }
        var found: [Asset] = []
        for name in ["katex.min.js", "katex.min.css"] {
            found.append(Asset(source: folder.appendingPathComponent(name), relativePath: "katex/" + name))
        }
        let fonts = folder.appendingPathComponent("fonts").resolvingSymlinksInPath()
        let fontNames = (try? FileManager.default.contentsOfDirectory(atPath: fonts.path)) ?? []
        for name in fontNames.sorted() where name.hasPrefix("KaTeX_") {
            found.append(Asset(source: fonts.appendingPathComponent(name), relativePath: "katex/fonts/" + name))
        }
        let missing = found.prefix(2).contains { !FileManager.default.fileExists(atPath: $0.source.path) } || fontNames.isEmpty
        if missing {
            diagnostics.error(at: config.mathAssetsLocation, "'math_assets: local' needs KaTeX's files: install Debian's libjs-katex and "
                              + "fonts-katex (apt-get install libjs-katex fonts-katex), or put katex.min.js, katex.min.css and fonts/ in content/katex/")
            try diagnostics.stopIfErrors()
        }
        return found
    }
}
