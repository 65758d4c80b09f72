import CCmarkGFM
import Foundation
import SitegenCore
import Synchronization

/// The sizes of the site's own image files, read once per build when a page first shows one.
public final class ImageSizes: Sendable {
    /// Path under `content/` (NFC) → the file.
    private let files: [String: URL]
    private let measured = Mutex<[String: ImageSize?]>([:])

    public init(files: [String: URL]) {
        self.files = files
    }

    /// The size of the file at `path` under `content/`; nil when it is not an image whose header says.
    public func size(of path: String) -> ImageSize? {
        if let known = measured.withLock({ $0[path] }) { return known }
        let size = files[path].flatMap(ImageSize.read)
        measured.withLock { $0[path] = size }
        return size
    }
}

/// Images of the site's own files get their size and load lazily, so the page keeps their place
/// while they load; an image alone in its paragraph with a title becomes a figure with a caption.
extension Tree {
    /// Only images the site holds are rewritten (a file under `content/`, or a hosted image that is
    /// captioned): an image whose file is unknown stays as cmark writes it.
    func decorateImages() {
        guard let targets = options.linkTargets else { return }
        for node in nodes(of: [CMARK_NODE_IMAGE]) {
            let url = cmark_node_get_url(node).map { String(cString: $0) } ?? ""
            let title = cmark_node_get_title(node).map { String(cString: $0) } ?? ""
            let caption = self.caption(of: node, title: title)
            let file = targets.siteFile(at: url)
            guard file != nil || (caption != nil && (url.hasPrefix("http:") || url.hasPrefix("https:"))) else { continue }
            let alt = plainText(node)
            let image = imageTag(url: url, file: file, alt: alt, title: caption == nil ? title : "")
            if let caption, let paragraph = cmark_node_parent(node), let figure = newNode(CMARK_NODE_CUSTOM_BLOCK) {
                cmark_node_set_on_enter(figure, "<figure>\(image)<figcaption>\(escapeHTML(caption))</figcaption></figure>\n")
                cmark_node_set_on_exit(figure, "")
                cmark_node_replace(paragraph, figure)
                cmark_node_free(paragraph)
                customText[figure] = alt.isEmpty ? caption : alt + " " + caption
            } else if let element = newNode(CMARK_NODE_CUSTOM_INLINE) {
                customText[element] = alt
                cmark_node_set_on_enter(element, image)
                cmark_node_set_on_exit(element, "")
                cmark_node_replace(node, element)
                detach(node)
            }
        }
    }

    /// `<img>` for `url`; an image of the site's own files (`file`, its path under `content/`, as
    /// `LinkTargets.siteFile` finds it) gets its size (unless `attributes` give one) and loads lazily.
    func imageTag(url: String, file: String?, alt: String, title: String, attributes: BlockAttributes = BlockAttributes()) -> String {
        var tag = "<img src=\"\(escapeHTML(url))\" alt=\"\(escapeHTML(alt))\""
        if !title.isEmpty { tag += " title=\"\(escapeHTML(title))\"" }
        tag += attributes.html(safe: !options.allowsRawHTML)
        if let file {
            let size = options.imageSizes?.size(of: file)
            measuredImages[file] = .some(size)
            let sized = attributes.pairs.contains { $0.key == "width" || $0.key == "height" }
            if let size, !sized { tag += " width=\"\(size.width)\" height=\"\(size.height)\"" }
            if !attributes.pairs.contains(where: { $0.key == "loading" }) { tag += " loading=\"lazy\" decoding=\"async\"" }
        }
        return tag + " />"
    }

    /// The caption of an image alone in its paragraph: its title, or (Chirpy's way) an emphasised
    /// line right under it, `![…](…)` then `_caption_`; nil for an image among other text.
    private func caption(of image: OpaquePointer, title: String) -> String? {
        guard let paragraph = cmark_node_parent(image), cmark_node_get_type(paragraph) == CMARK_NODE_PARAGRAPH,
              !attributedParagraphs.contains(paragraph) else { return nil }
        let siblings = children(paragraph).filter { cmark_node_get_type($0) != CMARK_NODE_TEXT || !literal($0).allSatisfy(\.isWhitespace) }
        guard siblings.first == image else { return nil }
        if siblings.count == 1 { return title.isEmpty ? nil : title }
        guard siblings.count == 3, cmark_node_get_type(siblings[1]) == CMARK_NODE_SOFTBREAK || cmark_node_get_type(siblings[1]) == CMARK_NODE_LINEBREAK,
              cmark_node_get_type(siblings[2]) == CMARK_NODE_EMPH else { return nil }
        let text = plainText(siblings[2])
        return text.isEmpty ? nil : text
    }
}
