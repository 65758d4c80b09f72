import Foundation
import SitegenBuild
@_exported import SitegenTestSupport
import Testing

/// Where the fixture sites and their expected output live.
enum Fixtures {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")
    static func site(_ name: String) -> URL { folder.appendingPathComponent("sites").appendingPathComponent(name) }
    static func expected(_ name: String) -> URL { folder.appendingPathComponent("expected").appendingPathComponent(name) }
}

extension ScratchFolder {
    /// Copies a fixture site into this folder.
    func copySite(_ name: String) throws -> URL {
        let target = url.appendingPathComponent(name)
        try FileManager.default.copyItem(at: Fixtures.site(name), to: target)
        return target
    }
}

/// Every file of a site made in memory, by path: its bytes, or the bytes of the file it copies.
func bytes(_ generation: Generation) -> [String: [UInt8]] {
    var result: [String: [UInt8]] = [:]
    for file in generation.files {
        switch file.contents {
        case .bytes(let bytes): result[file.path] = bytes
        case .copy(let url): result[file.path] = Array((try? Data(contentsOf: url)) ?? Data())
        case .written: Issue.record("a generation in memory has a file written to disk: \(file.path)")
        }
    }
    return result
}
