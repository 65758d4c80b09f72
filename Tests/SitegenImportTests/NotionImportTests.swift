import Foundation
import SitegenBuild
@testable import SitegenImport
import SitegenTestSupport
import Testing
import ZIPFoundation

/// `sitegen import notion` on exports written like Notion's: Korean and English workspaces, a
/// database of weekly and quarterly retrospectives with property lines and a CSV, nested pages,
/// images in folders with spaces and NFD names.
@Suite struct NotionImportTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    @Test(arguments: ["notion-ko", "notion-en"])
    func anExportFolderImportsAndBuildsWithoutAWarningAsTheGoldenSite(_ name: String) throws {
        let scratch = try ScratchFolder()
        let site = scratch.url.appendingPathComponent("site")
        let imported = try SitegenBinary.run(["import", "notion", Self.fixtures.appendingPathComponent(name).path, site.path], in: scratch.url)
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(imported.stderr.isEmpty, "\(imported.stderr)")
        #expect(imported.stdout.contains("Imported "))
        let built = try SitegenBinary.run(["build", "--strict"], in: site)
        #expect(built.status == 0, "\(built.stderr)")
        #expect(built.stderr.isEmpty, "every page, image and link should build without a word: \(built.stderr)")
        let checked = try SitegenBinary.run(["check"], in: site)
        #expect(checked.status == 0, "\(checked.stderr)")
        // The default theme's own files are the blog golden test's business.
        try GoldenTree.compare(site, expected: Self.fixtures.appendingPathComponent("expected").appendingPathComponent(name),
                               ignoring: ["output/style.css", "output/search.js", "output/code.js", "output/math.js"])
    }

    @Test func theZipImportsAsItsFolderDoesAndTheWritersBytesAreUnchanged() throws {
        let scratch = try ScratchFolder()
        let zip = scratch.url.appendingPathComponent("Export-5f3c.zip")
        try FileManager.default.zipItem(at: Self.fixtures.appendingPathComponent("notion-ko"), to: zip, shouldKeepParent: false)
        let fromZip = try NotionImport.run(export: zip, destination: scratch.url.appendingPathComponent("a"))
        let fromFolder = try NotionImport.run(export: Self.fixtures.appendingPathComponent("notion-ko"), destination: scratch.url.appendingPathComponent("b"))
        #expect(fromZip.pages == fromFolder.pages)
        #expect(tree(at: scratch.url.appendingPathComponent("a")) == tree(at: scratch.url.appendingPathComponent("b")))
        // Each page is the export's file, byte for byte.
        let source = tree(at: Self.fixtures.appendingPathComponent("notion-ko"))
        let imported = tree(at: scratch.url.appendingPathComponent("a"))
        for placement in fromZip.pages {
            #expect(imported[placement.destination] == source[placement.source], "\(placement.destination)")
        }
        #expect(fromZip.pages.contains { $0.destination.hasPrefix("content/retrospectives/") && $0.source.contains("41주차 회고") })
        #expect(fromZip.pages.contains { $0.destination.hasPrefix("content/posts/") && $0.source.hasPrefix("독서 노트") })
    }

    @Test func anExportOfOnePageAndWhatIsUnderItTakesThatPagesTitle() throws {
        let scratch = try ScratchFolder()
        let id = "0123456789abcdef0123456789abcdef"
        try scratch.write("export/My Journal \(id).md", "# My Journal\n\n[Week 1](My%20Journal%20\(id)/Week%201%20retro%20fedcba9876543210fedcba9876543210.md)\n")
        try scratch.write("export/My Journal \(id)/Week 1 retro fedcba9876543210fedcba9876543210.md", "# Week 1 retro\n\nDate: January 7, 2024\n\nGood week.\n")
        _ = try NotionImport.run(export: scratch.url.appendingPathComponent("export"), destination: scratch.url.appendingPathComponent("site"))
        let config = try scratch.read("site/site.yml")
        #expect(config.contains("title: \"My Journal\"\nlanguage: en\n"), "\(config)")
        #expect(!config.contains("timezone"))
    }

    @Test func aZipInsideTheZipIsUnpackedToo() throws {
        let scratch = try ScratchFolder()
        let inner = scratch.url.appendingPathComponent("wrap/Part-1.zip")
        try FileManager.default.createDirectory(at: inner.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.zipItem(at: Self.fixtures.appendingPathComponent("notion-en"), to: inner, shouldKeepParent: false)
        let outer = scratch.url.appendingPathComponent("Export.zip")
        try FileManager.default.zipItem(at: inner.deletingLastPathComponent(), to: outer, shouldKeepParent: false)
        let report = try NotionImport.run(export: outer, destination: scratch.url.appendingPathComponent("site"))
        #expect(report.pages.count == 4)
        #expect(report.databases == 1)
    }

    @Test func somethingThatIsNotAnExportIsAClearError() throws {
        let scratch = try ScratchFolder()
        try scratch.write("notes/plain.md", "# Plain\n")
        let run = try SitegenBinary.run(["import", "notion", "notes", "site"], in: scratch.url)
        #expect(run.status == 1)
        #expect(run.stderr.contains("notes: error: not a Notion export"), "\(run.stderr)")
        #expect(!scratch.exists("site/content"))

        try scratch.write("broken.zip", "not a zip at all")
        let zip = try SitegenBinary.run(["import", "notion", "broken.zip", "site2"], in: scratch.url)
        #expect(zip.status == 1)
        #expect(zip.stderr.contains("broken.zip: error: cannot read the export: not a zip file"), "\(zip.stderr)")
    }

    @Test func aDestinationThatIsNotEmptyIsRefused() throws {
        let scratch = try ScratchFolder()
        try scratch.write("site/content/posts/mine.md", "# Mine\n")
        let run = try SitegenBinary.run(["import", "notion", Self.fixtures.appendingPathComponent("notion-en").path, "site"], in: scratch.url)
        #expect(run.status == 1)
        #expect(run.stderr.contains("the destination is not empty"), "\(run.stderr)")
        #expect(try scratch.read("site/content/posts/mine.md") == "# Mine\n")
    }

    @Test func aZipEntryThatClimbsOutIsRefused() throws {
        let scratch = try ScratchFolder()
        let zip = scratch.url.appendingPathComponent("evil.zip")
        let archive = try Archive(url: zip, accessMode: .create)
        let bytes = Data("# Evil 0123456789abcdef0123456789abcdef\n".utf8)
        try archive.addEntry(with: "../../evil 0123456789abcdef0123456789abcdef.md", type: .file, uncompressedSize: Int64(bytes.count),
                             provider: { position, size in bytes.subdata(in: Int(position)..<Int(position) + size) })
        #expect(throws: NotionImport.Failure.self) {
            try NotionImport.run(export: zip, destination: scratch.url.appendingPathComponent("site"))
        }
        #expect(!FileManager.default.fileExists(atPath: scratch.url.deletingLastPathComponent().appendingPathComponent("evil 0123456789abcdef0123456789abcdef.md").path))
    }

    @Test(arguments: [("2024 3분기 회고", true), ("41주차 회고", true), ("Week 41 Retro", true), ("Q3 2024 Retrospective", true),
                      ("독서 노트", false), ("Reading list", false), ("2024년 회고", true)])
    func aTitleThatNamesARetrospectiveIsOne(_ title: String, _ expected: Bool) {
        #expect(NotionImport.isRetrospective(title: title) == expected)
    }
}
