import Foundation
import SitegenBuild
@testable import SitegenServer
import SitegenTestSupport
import Testing

@Suite struct PreviewSiteTests {
    let site = PreviewSite(files: [
        OutputFile(path: "index.html", contents: .bytes(Array("<html><body><h1>홈</h1></body></html>".utf8))),
        OutputFile(path: "tags/회고/index.html", contents: .bytes(Array("<html><body>회고</body></html>".utf8))),
        OutputFile(path: "404.html", contents: .bytes(Array("<html><body>없음</body></html>".utf8))),
        OutputFile(path: "style.css", contents: .bytes(Array("body{}".utf8))),
        OutputFile(path: "feed.xml", contents: .bytes(Array("<feed/>".utf8))),
        OutputFile(path: "search.json", contents: .bytes(Array("[]".utf8))),
        OutputFile(path: "images/a.png", contents: .bytes([0x89, 0x50])),
    ])

    @Test func aCopiedFileReplacedByALinkAfterTheBuildIsNotServed() throws {
        let scratch = try ScratchFolder()
        let root = scratch.url.appendingPathComponent("site")
        let image = root.appendingPathComponent("content/images/cover.png")
        try FileManager.default.createDirectory(at: image.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data([0x89, 0x50, 0x4E, 0x47]).write(to: image)
        let site = PreviewSite(files: [OutputFile(path: "images/cover.png", contents: .copy(of: image))], root: root)
        #expect(site.respond(method: "GET", path: "/images/cover.png").body == [0x89, 0x50, 0x4E, 0x47])

        try FileManager.default.removeItem(at: image)
        try FileManager.default.createSymbolicLink(atPath: image.path, withDestinationPath: "/etc/passwd")
        let answer = site.respond(method: "GET", path: "/images/cover.png")
        #expect(answer.status == 404)
        #expect(!answer.text.contains("root:"))

        // A folder on the way replaced by a link that leads out of the site: refused as well.
        try FileManager.default.removeItem(at: image.deletingLastPathComponent())
        let outside = scratch.url.appendingPathComponent("outside")
        try FileManager.default.createDirectory(at: outside, withIntermediateDirectories: true)
        try Data("secret".utf8).write(to: outside.appendingPathComponent("cover.png"))
        try FileManager.default.createSymbolicLink(atPath: image.deletingLastPathComponent().path, withDestinationPath: outside.path)
        #expect(site.respond(method: "GET", path: "/images/cover.png").status == 404)
    }

    @Test func indexFilesAnswerFolders() {
        let home = site.respond(method: "GET", path: "/")
        #expect(home.status == 200)
        #expect(home.headers["Content-Type"] == "text/html; charset=utf-8")
        #expect(site.respond(method: "GET", path: "/tags/%ED%9A%8C%EA%B3%A0/").text.contains("회고"))
    }

    @Test func aFolderWithoutItsSlashRedirects() {
        let response = site.respond(method: "GET", path: "/tags/%ED%9A%8C%EA%B3%A0")
        #expect(response.status == 301)
        #expect(response.headers["Location"] == "/tags/%ED%9A%8C%EA%B3%A0/")
    }

    @Test func nfdPathsFindNFCFiles() {
        let nfd = URLPathForTests.encode("/tags/" + "회고".decomposedStringWithCanonicalMapping + "/")
        #expect(site.respond(method: "GET", path: nfd).status == 200)
    }

    @Test(arguments: [
        ("style.css", "text/css; charset=utf-8"), ("feed.xml", "application/atom+xml; charset=utf-8"),
        ("search.json", "application/json; charset=utf-8"), ("images/a.png", "image/png"),
    ])
    func contentTypes(_ path: String, _ type: String) {
        #expect(site.respond(method: "GET", path: "/" + path).headers["Content-Type"] == type)
    }

    @Test(arguments: ["/../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd", "/tags/%2E%2E/%2E%2E/x", "/./index.html", "/%00", "/a%5C..%5Cb", "/%ZZ"])
    func traversalAndBadPathsAreRefused(_ path: String) {
        #expect(site.respond(method: "GET", path: path).status == 400)
    }

    @Test func missingPagesGetTheSites404() {
        let response = site.respond(method: "GET", path: "/nowhere/")
        #expect(response.status == 404)
        #expect(response.text.contains("없음"))
    }

    @Test func onlyGetAndHead() {
        #expect(site.respond(method: "POST", path: "/").status == 405)
        #expect(site.respond(method: "DELETE", path: "/").headers["Allow"] == "GET, HEAD")
        let head = site.respond(method: "HEAD", path: "/")
        #expect(head.status == 200 && head.body.isEmpty && head.headers["Content-Length"].flatMap(Int.init) ?? 0 > 0)
    }

    @Test func theReloadScriptGoesIntoServedHTMLOnly() {
        let html = site.respond(method: "GET", path: "/").text
        #expect(html.contains("<script id=\"sitegen-live-reload\">"))
        #expect(html.range(of: "sitegen-live-reload")!.lowerBound < html.range(of: "</body>")!.lowerBound)
        #expect(!site.respond(method: "GET", path: "/style.css").text.contains("script"))
        #expect(!site.respond(method: "GET", path: "/feed.xml").text.contains("script"))
    }

    @Test func aBrokenBuildShowsItsErrorOverTheLastGoodSite() {
        var broken = site
        broken.buildError = "content/posts/a.md:2:13: error: invalid YAML <here>"
        let html = broken.respond(method: "GET", path: "/").text
        #expect(html.contains("<h1>홈</h1>"))
        #expect(html.contains("id=\"sitegen-error-overlay\""))
        #expect(html.contains("content/posts/a.md:2:13: error: invalid YAML &lt;here>"))
        // The overlay speaks the page's language.
        #expect(LiveReload.overlayHeading(for: "<html lang=\"ko\">") == "sitegen: 마지막 변경을 빌드하지 못했습니다")
        #expect(LiveReload.overlayHeading(for: "<html lang=\"en\">") == "sitegen: the last change did not build")
        let first = PreviewSite(files: [], buildError: "x.md:1:1: error: bad")
        #expect(first.respond(method: "GET", path: "/").status == 500)
        #expect(first.respond(method: "GET", path: "/").text.contains("x.md:1:1: error: bad"))
    }

    @Test func eventsAreServerSentEventFrames() {
        #expect(ReloadEvent.reload.frame == "event: reload\ndata: {}\n\n")
        #expect(ReloadEvent.buildError("a\nb").frame == "event: build-error\ndata: a\ndata: b\n\n")
    }

    @Test func aPageThatConnectsWhileTheSiteIsBrokenSeesTheError() async {
        let hub = ReloadHub()
        await hub.broadcast(.buildError("boom"))
        let (_, stream) = await hub.subscribe()
        var iterator = stream.makeAsyncIterator()
        #expect(await iterator.next() == .buildError("boom"))
    }
}

enum URLPathForTests {
    static func encode(_ path: String) -> String {
        path.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? path
    }
}

@Suite struct ReloadTargetingTests {
    @Test func aReloadGoesOnlyToThePagesWhoseFileChanged() async {
        let hub = ReloadHub()
        let (_, edited) = await hub.subscribe(page: PreviewSite.outputPath(ofPage: "/posts/%ED%9A%8C%EA%B3%A0/"))
        let (_, other) = await hub.subscribe(page: PreviewSite.outputPath(ofPage: "/about/"))
        let (_, unnamed) = await hub.subscribe()
        await hub.broadcast(.reload, only: { $0 == "posts/회고/index.html" })
        await hub.broadcast(.stylesheets)
        await hub.finishAll()
        var received: [[ReloadEvent]] = []
        for stream in [edited, other, unnamed] {
            var events: [ReloadEvent] = []
            for await event in stream { events.append(event) }
            received.append(events)
        }
        #expect(received == [[.reload, .stylesheets], [.stylesheets], [.reload, .stylesheets]])
    }

    @Test func pageURLsNameTheirFiles() {
        #expect(PreviewSite.outputPath(ofPage: "/") == "index.html")
        #expect(PreviewSite.outputPath(ofPage: "/tags/?x=1") == "tags/index.html")
        #expect(PreviewSite.outputPath(ofPage: "/404.html") == "404.html")
        #expect(PreviewSite.outputPath(ofPage: "relative") == nil)
    }
}

/// `serve --base-url`, as Hugo's `server --baseURL`: the address the pages are built for and the path they are served under.
@Suite struct PreviewBaseURLTests {
    @Test func withoutABaseURLTheSiteIsAtTheRootOfThePreview() {
        let options = PreviewServer.Options(root: URL(fileURLWithPath: "/tmp"), port: 8123)
        #expect(options.url == "http://127.0.0.1:8123/")
        #expect(options.sitePath("/posts/") == "/posts/")
    }

    @Test func aBaseURLGetsThePortAndItsPathIsWhereTheSiteIs() {
        var options = PreviewServer.Options(root: URL(fileURLWithPath: "/tmp"), port: 8123)
        options.baseURL = "http://192.168.0.7/blog/"
        #expect(options.url == "http://192.168.0.7:8123/blog/")
        #expect(options.basePath == "/blog")
        #expect(options.sitePath("/blog/") == "/")
        #expect(options.sitePath("/blog/posts/%ED%9A%8C%EA%B3%A0/") == "/posts/%ED%9A%8C%EA%B3%A0/")
        #expect(options.sitePath("/blog") == nil)
        #expect(options.sitePath("/blogger/") == nil)
        #expect(options.sitePath("/posts/") == nil)
        options.baseURL = "http://phone.local:9000/"
        #expect(options.url == "http://phone.local:9000/")
        #expect(options.sitePath("/posts/") == "/posts/")
    }
}
