import Foundation
#if canImport(CMalloc)
import CMalloc
#endif

/// What a rebuild tells the open pages.
public enum ReloadEvent: Sendable, Equatable {
    /// Reload the page.
    case reload
    /// Only stylesheets changed: swap them without reloading.
    case stylesheets
    /// The rebuild failed: show this located error over the page.
    case buildError(String)
    /// Nothing happened: a comment line that tells whether the page is still there.
    case heartbeat

    /// The Server-Sent Events frame.
    var frame: String {
        switch self {
        case .reload: return "event: reload\ndata: {}\n\n"
        case .stylesheets: return "event: css\ndata: {}\n\n"
        case .heartbeat: return ":\n\n"
        case .buildError(let text):
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { "data: \($0)" }.joined(separator: "\n")
            return "event: build-error\n\(lines)\n\n"
        }
    }
}

/// Fans rebuild events out to the connected pages.
public actor ReloadHub {
    /// Each open page's stream, with the output file it shows (`posts/회고/index.html`) when it said.
    private var subscribers: [UUID: (page: String?, continuation: AsyncStream<ReloadEvent>.Continuation)] = [:]
    private var lastError: String?

    public init() {}

    /// A stream of events for one page; a page that connects while the site is broken sees the error at once.
    public func subscribe(page: String? = nil) -> (UUID, AsyncStream<ReloadEvent>) {
        let id = UUID()
        let (stream, continuation) = AsyncStream<ReloadEvent>.makeStream(bufferingPolicy: .bufferingNewest(8))
        subscribers[id] = (page, continuation)
        if let lastError { continuation.yield(.buildError(lastError)) }
        return (id, stream)
    }

    /// Sends `event` to one page only.
    public func send(_ event: ReloadEvent, to id: UUID) {
        subscribers[id]?.continuation.yield(event)
    }

    public func unsubscribe(_ id: UUID) {
        subscribers.removeValue(forKey: id)?.continuation.finish()
        scheduleTrim()
    }

    private var trimScheduled = false

    /// How many pages hold a live-reload stream open now.
    public var streams: Int { subscribers.count }

    /// Bytes the process's heap has in use (glibc's `mallinfo2`): what a leak grows, whatever the
    /// allocator keeps or returns of freed memory. Nil where that cannot be asked.
    public static var heapBytesInUse: Int? {
        #if canImport(CMalloc)
        return Int(mallinfo2().uordblks)
        #else
        return nil
        #endif
    }

    /// A burst of tabs that came and went leaves freed memory in malloc's arenas. Once the connections
    /// that ended have been closed (a moment after their stream ends), it is handed back, so a preview
    /// left open all day does not keep the memory of its busiest hour.
    private func scheduleTrim() {
        guard !trimScheduled else { return }
        trimScheduled = true
        Task {
            try? await Task.sleep(for: .seconds(2))
            self.trimmed()
        }
    }

    private func trimmed() {
        trimScheduled = false
        Self.returnFreedMemory()
    }

    /// glibc's `malloc_trim(0)`: freed memory back to the system.
    private static func returnFreedMemory() {
        #if canImport(CMalloc)
        _ = malloc_trim(0)
        #endif
    }

    /// Sends `event` to every page, or with `only`, to the pages it picks by their output file
    /// (and to pages that never said which they are).
    public func broadcast(_ event: ReloadEvent, only: (@Sendable (String) -> Bool)? = nil) {
        if case .buildError(let text) = event { lastError = text } else { lastError = nil }
        for (page, continuation) in subscribers.values {
            if let only, let page, !only(page) { continue }
            continuation.yield(event)
        }
    }


    /// Ends every stream, for shutdown.
    public func finishAll() {
        for subscriber in subscribers.values { subscriber.continuation.finish() }
        subscribers.removeAll()
    }
}

/// The script the preview puts into every HTML page it serves (never into built files).
enum LiveReload {
    static let eventsPath = "/__sitegen/events"
    /// What a preview left open for a day holds: live-reload streams and heap in use, as JSON.
    static let healthPath = "/__sitegen/health"

    /// The error overlay, as the script draws it on a broken save and as a page served while the site is broken has it.
    static let overlayStyle = "position:fixed;inset:auto 1rem 1rem 1rem;max-height:60vh;overflow:auto;z-index:2147483647;margin:0;padding:1rem 1.25rem;background:#2b0b0e;color:#ffdcdc;border:2px solid #f85149;border-radius:8px;font:14px/1.5 ui-monospace,monospace;white-space:pre-wrap"
    static let overlayHeading = "sitegen: the last change did not build"
    /// The heading in Korean, for a page whose `<html lang>` is Korean.
    static let koreanOverlayHeading = "sitegen: 마지막 변경을 빌드하지 못했습니다"

    /// The heading in the page's language: Korean when its `<html lang>` says `ko`.
    static func overlayHeading(for html: String) -> String {
        guard let lang = html.range(of: "<html lang=\"") else { return overlayHeading }
        return html[lang.upperBound...].hasPrefix("ko") ? koreanOverlayHeading : overlayHeading
    }

    static let script = """
        <script id="sitegen-live-reload">
        (() => {
          // A page kept for the Back button (the back/forward cache) lets go of its stream: a browser
          // opens six connections to a host at most, and six kept pages would stall the seventh.
          let events = null;
          addEventListener("pagehide", () => { events?.close(); events = null; });
          addEventListener("pageshow", (event) => { if (event.persisted) connect(); });
          const overlayId = "sitegen-error-overlay";
          const clearOverlay = () => document.getElementById(overlayId)?.remove();
          function connect() {
            events?.close();
            events = new EventSource("\(eventsPath)?page=" + encodeURIComponent(location.pathname));
            events.addEventListener("open", () => { document.documentElement.dataset.sitegenLiveReload = "open"; });
            events.addEventListener("reload", () => location.reload());
            events.addEventListener("css", () => {
              clearOverlay();
              for (const link of document.querySelectorAll('link[rel="stylesheet"]')) {
                const url = new URL(link.href);
                url.searchParams.set("sitegen", Date.now());
                link.href = url.href;
              }
            });
            events.addEventListener("build-error", (event) => {
              clearOverlay();
              const overlay = document.createElement("pre");
              overlay.id = overlayId;
              overlay.setAttribute("role", "alert");
              overlay.style.cssText = "\(overlayStyle)";
              const heading = (document.documentElement.lang || "").startsWith("ko") ? "\(koreanOverlayHeading)" : "\(overlayHeading)";
              overlay.textContent = heading + "\\n\\n" + event.data;
              document.body.append(overlay);
            });
          }
          connect();
        })();
        </script>

        """

    /// The page with the script before `</body>`, and, when the site is broken, the error shown at once.
    static func inject(into html: [UInt8], error: String?) -> [UInt8] {
        var text = String(decoding: html, as: UTF8.self)
        var addition = script
        if let error {
            let escaped = error.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            addition = "<pre id=\"sitegen-error-overlay\" role=\"alert\" style=\"\(overlayStyle)\">\(overlayHeading(for: text))\n\n\(escaped)</pre>\n" + addition
        }
        if let close = text.range(of: "</body>", options: [.backwards, .caseInsensitive]) {
            text.insert(contentsOf: addition, at: close.lowerBound)
        } else {
            text += addition
        }
        return Array(text.utf8)
    }
}
