@testable import SitegenBuild
import Testing

@Suite struct LinkCheckerTests {
    let pages = [
        "index.html": "<a href=\"/blog/posts/a/\">a</a> <a href=\"/blog/posts/a/#%EB%93%A4%EC%96%B4%EA%B0%80%EB%A9%B0\">x</a> <img src=\"/blog/style.css\">",
        "posts/a/index.html": "<h2 id=\"들어가며\">들어가며</h2><a href=\"#들어가며\">self</a> <a href=\"../../tags/\">tags</a>",
        "tags/index.html": "<a href=\"https://example.com/\">out</a> <a href=\"mailto:a@b.c\">mail</a>",
    ]

    @Test func aSiteWhoseLinksAllLandHasNoneBroken() {
        #expect(LinkChecker.check(pages: pages, files: ["style.css"], basePath: "/blog").isEmpty)
    }

    @Test func missingPagesFilesAndAnchorsAreEachNamed() {
        var broken = pages
        broken["posts/a/index.html"]! += "<a href=\"#nowhere\">x</a><a href=\"/blog/posts/b/\">b</a><img src=\"cover.png\"><a href=\"/posts/a/\">no base</a>"
        let found = LinkChecker.check(pages: broken, files: ["style.css"], basePath: "/blog")
        #expect(found.map(\.target) == ["#nowhere", "/blog/posts/b/", "/posts/a/", "cover.png"])
        #expect(found[0].reason == "no element with id 'nowhere' on posts/a/index.html")
        #expect(found[2].reason == "outside the site's base path /blog/")
    }

    @Test func readsOnlyRealAttributes() {
        let html = "<pre><code>href=&quot;x&quot;</code></pre><a class=\"x\" href='/a/' data-href=\"/b/\">"
        #expect(LinkChecker.attributeValues(named: ["href"], in: html) == ["/a/"])
    }
}
