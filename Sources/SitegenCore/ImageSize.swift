import Foundation

/// The pixel size of an image, read from the first bytes of its file: a page that knows it writes
/// `width` and `height`, and the browser keeps the image's place while it loads.
public struct ImageSize: Sendable, Hashable {
    public var width: Int
    public var height: Int

    public init(width: Int, height: Int) {
        self.width = width
        self.height = height
    }

    /// The size of the PNG, GIF, JPEG, WebP or SVG file at `url`; nil for any other file, or one
    /// whose header does not say.
    public static func read(_ url: URL) -> ImageSize? {
        guard let handle = try? FileHandle(forReadingFrom: url) else { return nil }
        defer { try? handle.close() }
        // 64 KB holds the header of every format but a JPEG with a large EXIF block; such a file is
        // read further, segment by segment, up to 4 MB.
        guard let start = try? handle.read(upToCount: 65_536) else { return nil }
        var bytes = [UInt8](start)
        if let size = of(bytes) { return size }
        guard bytes.starts(with: [0xFF, 0xD8]) else { return nil }
        while bytes.count < 4 << 20, let more = try? handle.read(upToCount: 262_144), !more.isEmpty {
            bytes += more
            if let size = jpeg(bytes) { return size }
        }
        return nil
    }

    /// The size the header in `bytes` says.
    public static func of(_ bytes: [UInt8]) -> ImageSize? {
        if bytes.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { return png(bytes) }
        if bytes.starts(with: Array("GIF8".utf8)) { return gif(bytes) }
        if bytes.starts(with: [0xFF, 0xD8]) { return jpeg(bytes) }
        if bytes.starts(with: Array("RIFF".utf8)), bytes.count >= 16, Array(bytes[8..<12]) == Array("WEBP".utf8) { return webp(bytes) }
        return svg(bytes)
    }

    private static func bigEndian(_ bytes: [UInt8], _ at: Int, _ count: Int) -> Int? {
        guard at >= 0, at + count <= bytes.count else { return nil }
        return bytes[at..<(at + count)].reduce(0) { $0 << 8 | Int($1) }
    }

    private static func littleEndian(_ bytes: [UInt8], _ at: Int, _ count: Int) -> Int? {
        guard at >= 0, at + count <= bytes.count else { return nil }
        return bytes[at..<(at + count)].reversed().reduce(0) { $0 << 8 | Int($1) }
    }

    private static func sized(_ width: Int?, _ height: Int?) -> ImageSize? {
        guard let width, let height, width > 0, height > 0 else { return nil }
        return ImageSize(width: width, height: height)
    }

    /// The IHDR chunk, always first.
    private static func png(_ bytes: [UInt8]) -> ImageSize? {
        guard bytes.count >= 24, Array(bytes[12..<16]) == Array("IHDR".utf8) else { return nil }
        return sized(bigEndian(bytes, 16, 4), bigEndian(bytes, 20, 4))
    }

    /// The logical screen size.
    private static func gif(_ bytes: [UInt8]) -> ImageSize? {
        sized(littleEndian(bytes, 6, 2), littleEndian(bytes, 8, 2))
    }

    /// The first start-of-frame segment (SOF0–SOF15 but DHT, JPG and DAC), found by walking the
    /// segments by their lengths. An EXIF orientation that turns the picture is not applied, as
    /// browsers apply it: a portrait photo saved sideways reports its stored size.
    private static func jpeg(_ bytes: [UInt8]) -> ImageSize? {
        var at = 2
        while at + 4 <= bytes.count {
            guard bytes[at] == 0xFF else { return nil }
            let marker = bytes[at + 1]
            if marker == 0xFF { at += 1; continue }
            // Markers without a length: TEM and the restart markers.
            if marker == 0x01 || (0xD0...0xD7).contains(marker) { at += 2; continue }
            guard let length = bigEndian(bytes, at + 2, 2), length >= 2 else { return nil }
            if (0xC0...0xCF).contains(marker), ![0xC4, 0xC8, 0xCC].contains(marker) {
                return sized(bigEndian(bytes, at + 7, 2), bigEndian(bytes, at + 5, 2))
            }
            if marker == 0xD9 || marker == 0xDA { return nil }
            at += 2 + length
        }
        return nil
    }

    /// Lossy (`VP8 `), lossless (`VP8L`) and extended (`VP8X`) WebP.
    private static func webp(_ bytes: [UInt8]) -> ImageSize? {
        guard bytes.count >= 30 else { return nil }
        switch String(decoding: bytes[12..<16], as: UTF8.self) {
        case "VP8 ":
            guard bytes[23] == 0x9D, bytes[24] == 0x01, bytes[25] == 0x2A else { return nil }
            return sized(littleEndian(bytes, 26, 2).map { $0 & 0x3FFF }, littleEndian(bytes, 28, 2).map { $0 & 0x3FFF })
        case "VP8L":
            guard bytes[20] == 0x2F, let bits = littleEndian(bytes, 21, 4) else { return nil }
            return sized((bits & 0x3FFF) + 1, ((bits >> 14) & 0x3FFF) + 1)
        case "VP8X":
            return sized(littleEndian(bytes, 24, 3).map { $0 + 1 }, littleEndian(bytes, 27, 3).map { $0 + 1 })
        default:
            return nil
        }
    }

    /// The root `<svg>` element's `width` and `height` in pixels (a bare number or `px`), else its
    /// `viewBox`; a size in `%`, `em` or another unit says nothing about pixels.
    private static func svg(_ bytes: [UInt8]) -> ImageSize? {
        let text = String(decoding: bytes.prefix(16_384), as: UTF8.self)
        guard let open = text.range(of: "<svg", options: .caseInsensitive),
              let close = text[open.upperBound...].firstIndex(of: ">") else { return nil }
        let tag = String(text[open.upperBound..<close])
        var values: [String: String] = [:]
        for attribute in HTMLAttributes.all(in: "<svg" + tag + ">") where values[attribute.name] == nil {
            values[attribute.name] = attribute.value
        }
        func pixels(_ value: String?) -> Int? {
            guard var value = value?.trimmingCharacters(in: .whitespaces) else { return nil }
            if value.hasSuffix("px") { value.removeLast(2) }
            return Double(value).map { Int($0.rounded()) }
        }
        if let size = sized(pixels(values["width"]), pixels(values["height"])) { return size }
        let box = values["viewbox"]?.split(whereSeparator: { $0 == " " || $0 == "," }).compactMap { Double($0) } ?? []
        guard box.count == 4 else { return nil }
        return sized(Int(box[2].rounded()), Int(box[3].rounded()))
    }
}
