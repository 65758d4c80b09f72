import Foundation
import SitegenBuild
@testable import SitegenServer
import SitegenTestSupport
import Testing

/// The order of a quick page and a full rebuild's site: what was saved last stays served.
@Suite struct PreviewStateTests {
    let scratch: ScratchFolder
    var root: URL { scratch.url }
    let post = "content/posts/2024-05-01-hello.md"

    init() throws {
        scratch = try ScratchFolder()
        try FileManager.default.createDirectory(at: root.appendingPathComponent("content/posts"), withIntermediateDirectories: true)
        try write(title: "처음 제목")
        try Data("---\ntitle: 다른 글\ndate: 2024-04-01\n---\n본문\n".utf8).write(to: root.appendingPathComponent("content/posts/2024-04-01-other.md"))
    }

    func write(title: String) throws {
        let url = root.appendingPathComponent(post)
        try Data("---\ntitle: \(title)\n---\n본문\n".utf8).write(to: url)
        try FileManager.default.setAttributes([.modificationDate: Date().addingTimeInterval(Double.random(in: 1...1000))], ofItemAtPath: url.path)
    }

    func page(_ site: PreviewSite) -> String {
        site.respond(method: "GET", path: "/posts/hello/").text
    }

    @Test func anEditSavedDuringARebuildStaysShownWhenThatRebuildLands() async throws {
        let options = BuildOptions(root: root, output: root.appendingPathComponent("unused"))
        let state = PreviewState()
        let first = try await SiteBuilder.generate(options, cache: BuildCache())
        _ = await state.publish(PreviewSite(files: first.files), cache: first.cache)

        // A full rebuild starts (its generation is made before the next save)…
        let rebuilding = try await SiteBuilder.generate(options, cache: await state.cache)
        _ = await state.takePending()
        // …the writer saves again, and the edited page is shown at once…
        try write(title: "새 제목")
        #expect(await state.noteChanges([post]) == ["posts/hello/index.html"])
        #expect(page(await state.site).contains("새 제목"))
        // …and the rebuild that started before the save lands: the new title stays.
        let (served, published) = await state.publish(PreviewSite(files: rebuilding.files), cache: rebuilding.cache)
        #expect(page(served).contains("새 제목"))
        #expect(page(published).contains("새 제목"))
        #expect(page(await state.site).contains("새 제목"))
        // The next full rebuild takes the save and agrees with the quick page.
        #expect(await state.takePending() == [post])
        let next = try await SiteBuilder.generate(options, cache: await state.cache)
        _ = await state.publish(PreviewSite(files: next.files), cache: next.cache)
        #expect(page(await state.site) == page(PreviewSite(files: try await SiteBuilder.generate(options).files)))
    }
}
