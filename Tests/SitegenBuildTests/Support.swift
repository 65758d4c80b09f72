import Foundation
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

