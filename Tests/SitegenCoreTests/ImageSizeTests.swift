import Foundation
import SitegenCore
import Testing

/// Image sizes from the first bytes of each format a blog uses.
@Suite struct ImageSizeTests {
    func png(_ width: UInt32, _ height: UInt32) -> [UInt8] {
        var bytes: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13] + Array("IHDR".utf8)
        for value in [width, height] { bytes += withUnsafeBytes(of: value.bigEndian, Array.init) }
        return bytes + [8, 2, 0, 0, 0]
    }

    @Test func pngGifAndWebP() {
        #expect(ImageSize.of(png(1200, 630)) == ImageSize(width: 1200, height: 630))
        #expect(ImageSize.of(Array("GIF89a".utf8) + [0x40, 0x01, 0xF0, 0x00, 0, 0]) == ImageSize(width: 320, height: 240))
        // VP8X (extended): sizes minus one, 24-bit little-endian.
        var webp = Array("RIFF".utf8) + [0, 0, 0, 0] + Array("WEBPVP8X".utf8) + [10, 0, 0, 0, 0, 0, 0, 0]
        webp += [0x1F, 0x03, 0x00, 0x57, 0x02, 0x00]
        #expect(ImageSize.of(webp) == ImageSize(width: 800, height: 600))
        // VP8L (lossless): 14-bit sizes minus one after the 0x2F signature.
        let bits: UInt32 = (99) | (49 << 14)
        let lossless = Array("RIFF".utf8) + [0, 0, 0, 0] + Array("WEBPVP8L".utf8) + [0, 0, 0, 0, 0x2F] + withUnsafeBytes(of: bits.littleEndian, Array.init) + [UInt8](repeating: 0, count: 8)
        #expect(ImageSize.of(lossless) == ImageSize(width: 100, height: 50))
    }

    @Test func jpegSkipsSegmentsBeforeTheFrame() {
        // SOI, an APP1 (EXIF) segment of 300 bytes, a DHT that is not a frame, then SOF2 (progressive).
        var bytes: [UInt8] = [0xFF, 0xD8, 0xFF, 0xE1, 0x01, 0x2C] + [UInt8](repeating: 0, count: 298)
        bytes += [0xFF, 0xC4, 0x00, 0x04, 0, 0]
        bytes += [0xFF, 0xC2, 0x00, 0x11, 0x08, 0x03, 0x20, 0x04, 0xB0, 0x03]
        #expect(ImageSize.of(bytes) == ImageSize(width: 1200, height: 800))
        #expect(ImageSize.of([0xFF, 0xD8, 0xFF, 0xE1, 0x01, 0x2C]) == nil)
    }

    @Test func svgInPixelsOrByItsViewBox() {
        #expect(ImageSize.of(Array("<?xml version=\"1.0\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"64px\" height=\"32\">".utf8))
                == ImageSize(width: 64, height: 32))
        #expect(ImageSize.of(Array("<svg viewBox=\"0 0 120.4 80\" xmlns=\"http://www.w3.org/2000/svg\">".utf8)) == ImageSize(width: 120, height: 80))
        #expect(ImageSize.of(Array("<svg width=\"100%\" height=\"2em\">".utf8)) == nil)
        #expect(ImageSize.of(Array("just text".utf8)) == nil)
    }

    @Test func aFileIsReadFromDisk() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("image-size-\(UUID().uuidString).png")
        try Data(png(40, 30)).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        #expect(ImageSize.read(url) == ImageSize(width: 40, height: 30))
        #expect(ImageSize.read(url.appendingPathExtension("missing")) == nil)
    }
}
