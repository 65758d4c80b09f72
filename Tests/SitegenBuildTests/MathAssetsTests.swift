import Foundation
@testable import SitegenBuild
@testable import SitegenContent
import SitegenCore
import Testing

/// `math_assets: local`: KaTeX's files come into the site, or the build says where to get them.
@Suite struct MathAssetsTests {
    func config(_ yaml: String) -> SiteConfig {
        var diagnostics = Diagnostics()
        let config = SiteConfig.decode(yaml: yaml, path: "site.yml", into: &diagnostics)
        #expect(!diagnostics.hasErrors, "\(diagnostics.sorted)")
        return config
    }

    @Test func theFilesOfAKaTeXFolderLandUnderKatex() throws {
        let scratch = try ScratchFolder()
        let folder = scratch.url.appendingPathComponent("katex")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("fonts"), withIntermediateDirectories: true)
        try Data("js".utf8).write(to: folder.appendingPathComponent("katex.js"))
        try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent("katex.min.js").path, withDestinationPath: "katex.js")
        try Data("css".utf8).write(to: folder.appendingPathComponent("katex.min.css"))
        try Data("font".utf8).write(to: folder.appendingPathComponent("fonts/KaTeX_Main-Regular.woff2"))
        var diagnostics = Diagnostics()
        let files = try MathAssets.files(for: config("math_assets: local\n"), besides: [], folder: folder, into: &diagnostics)
        #expect(files.map(\.path) == ["katex/katex.min.js", "katex/katex.min.css", "katex/fonts/KaTeX_Main-Regular.woff2"])
        guard case .bytes(let script) = files.first?.contents else { Issue.record("not read into memory"); return }
        #expect(script == Array("js".utf8))
        #expect(MathAssets.baseURL(config("math_assets: local\nbase_url: https://a.example/blog/\n")) == "/blog/katex")
    }

    @Test func withoutKaTeXTheErrorSaysWhatToInstallAtTheLineThatAsked() throws {
        var diagnostics = Diagnostics()
        let asked = config("title: x\nmath_assets: local\n")
        #expect(throws: BuildFailure.self) {
            try MathAssets.files(for: asked, besides: [], folder: URL(fileURLWithPath: "/nonexistent/katex"), into: &diagnostics)
        }
        #expect(diagnostics.sorted.map(\.description).first?.hasPrefix("site.yml:2:14: error: 'math_assets: local' needs KaTeX's files: install Debian's libjs-katex") == true,
                "\(diagnostics.sorted)")
    }

    @Test func noFilesUnlessAskedOrWhenTheSiteBringsItsOwn() throws {
        var diagnostics = Diagnostics()
        #expect(try MathAssets.files(for: config("title: x\n"), besides: [], into: &diagnostics).isEmpty)
        let own = Asset(source: URL(fileURLWithPath: "/x"), relativePath: "katex/katex.min.js")
        #expect(try MathAssets.files(for: config("math_assets: local\n"), besides: [own], folder: URL(fileURLWithPath: "/nonexistent"),
                                     into: &diagnostics).isEmpty)
        #expect(MathAssets.baseURL(config("title: x\n")).hasPrefix("https://cdn.jsdelivr.net/npm/katex@"))
    }

    @Test func siteSettingsAreCheckedAndLocated() {
        var diagnostics = Diagnostics()
        let config = SiteConfig.decode(yaml: "math: sometimes\nmath_assets: nearby\nhighlight: maybe\n", path: "site.yml", into: &diagnostics)
        #expect(diagnostics.sorted.map(\.description) == [
            "site.yml:1:7: error: 'math' must be auto, true or false",
            "site.yml:2:14: error: 'math_assets' must be local or cdn",
            "site.yml:3:12: error: 'highlight' must be true or false",
        ])
        #expect(config.math == .auto)
        var fine = Diagnostics()
        #expect(SiteConfig.decode(yaml: "math: false\nhighlight: false\n", path: "site.yml", into: &fine).math == .never)
        #expect(SiteConfig.decode(yaml: "math: true\n", path: "site.yml", into: &fine).math == .always)
    }
}
