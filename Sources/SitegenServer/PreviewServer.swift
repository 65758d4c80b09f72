import Foundation
import Glibc
import HTTPTypes
import Hummingbird
import Logging
import NIOCore
import ServiceLifecycle
import SitegenBuild
import SitegenContent
import SitegenCore

/// `sitegen serve`: builds the site into memory, serves it on localhost, rebuilds what a change
/// touches and reloads the open pages.
public struct PreviewServer: Sendable {
    public struct Options: Sendable {
        public var root: URL
        public var host: String
        public var port: Int
        public var includeDrafts: Bool
        /// Build documents dated after now too.
        public var includeFuture = false
        /// Watch by polling instead of inotify.
        public var polling: Bool
        /// Log each rebuild's phases.
        public var timings: Bool
        /// The address to serve the site at, as Hugo's `server --baseURL`: `http://192.168.0.7/blog/`
        /// to open the preview from a phone, or a path under which to try a GitHub Pages project site.
        /// Without a port, the preview's own is added. Nil: the preview's address, at its root.
        public var baseURL: String?

        public init(root: URL, host: String = "127.0.0.1", port: Int = 8000, includeDrafts: Bool = false, polling: Bool = false,
                    timings: Bool = false) {
            self.timings = timings
            self.root = root
            self.host = host
            self.port = port
            self.includeDrafts = includeDrafts
            self.polling = polling
        }

        var address: String { host.contains(":") ? "[\(host)]" : host }
        /// The preview's address, as the browser opens it.
        public var url: String {
            guard let baseURL, var parts = URLComponents(string: baseURL) else { return "http://\(address):\(port)/" }
            if parts.port == nil { parts.port = port }
            return parts.string ?? baseURL
        }
        /// The path the site is served under, `/blog`; empty at the root.
        var basePath: String {
            baseURL.map { SiteConfig.split(baseURL: $0).basePath } ?? ""
        }

        /// The request path as the site's own (`/blog/posts/` → `/posts/`); nil outside the base path.
        func sitePath(_ requested: String) -> String? {
            let base = basePath
            if base.isEmpty { return requested }
            return requested.hasPrefix(base + "/") ? String(requested.dropFirst(base.count)) : nil
        }

        /// The build serves at the preview's own address, whatever `base_url` says, so every link works here.
        var build: BuildOptions {
            BuildOptions(root: root, output: root.appendingPathComponent(".sitegen-preview-unused"), includeDrafts: includeDrafts, baseURL: url,
                         includeFuture: includeFuture)
        }
    }

    public enum Failure: Error, CustomStringConvertible {
        case portInUse(String, Int)
        case cannotListen(String)

        /// The failure as every other problem is told: located (at the option to change) and sorted like a compiler's.
        public var diagnostic: Diagnostic {
            switch self {
            case .portInUse(let host, let port):
                return .error(at: .whole("--port"), "port \(port) on \(host) is in use: stop what runs there or choose another with --port")
            case .cannotListen(let reason):
                return .error(at: .whole("--host"), "cannot listen: \(reason)")
            }
        }

        public var description: String { diagnostic.description }
    }

    let options: Options
    let log: @Sendable (String) -> Void

    public init(options: Options, log: @escaping @Sendable (String) -> Void) {
        self.options = options
        self.log = log
    }

    /// Builds, serves and watches until SIGINT or SIGTERM.
    public func run(onReady: @escaping @Sendable () -> Void = {}) async throws {
        try Self.checkPortIsFree(host: options.host, port: options.port)
        let state = PreviewState()
        let hub = ReloadHub()
        let rebuilder = Rebuilder(options: options, state: state, hub: hub, log: log)
        await rebuilder.rebuild(changed: [])

        let responder = CallbackResponder<BasicRequestContext> { request, _ in
            if request.uri.path == LiveReload.healthPath {
                let heap = ReloadHub.heapBytesInUse.map(String.init) ?? "null"
                var headers = HTTPFields()
                headers[.contentType] = "application/json"
                headers[.cacheControl] = "no-cache"
                let json = "{\"heap_bytes_in_use\":\(heap),\"live_reload_streams\":\(await hub.streams)}\n"
                return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(string: json)))
            }
            if request.uri.path == LiveReload.eventsPath {
                let page = request.uri.queryParameters["page"].flatMap { options.sitePath(String($0)) }
                return await Self.events(hub, page: page.flatMap(PreviewSite.outputPath(ofPage:)))
            }
            guard let path = options.sitePath(request.uri.path) else {
                // Outside the base path: the root leads to the site, anything else is not there.
                let base = options.basePath + "/"
                let moved = request.uri.path == "/" || request.uri.path == options.basePath
                var headers = HTTPFields()
                headers[.contentType] = "text/plain; charset=utf-8"
                if moved { headers[.location] = base }
                let text = moved ? "moved to \(base)\n" : "not found: the site is served under \(base)\n"
                return Response(status: moved ? .found : .notFound, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(string: text)))
            }
            let answer = await state.site.respond(method: request.method.rawValue, path: path)
            var headers = HTTPFields()
            for (name, value) in answer.headers.sorted(by: { $0.key < $1.key }) {
                if let field = HTTPField.Name(name) { headers[field] = value }
            }
            let body = request.method == .head ? ResponseBody() : ResponseBody(byteBuffer: ByteBuffer(bytes: answer.body))
            return Response(status: .init(code: answer.status), headers: headers, body: body)
        }
        var logger = Logger(label: "sitegen.serve")
        logger.logLevel = .warning
        let url = options.url
        let messages = await state.messages
        let app = Application(
            responder: responder,
            configuration: .init(address: .hostname(options.host, port: options.port), serverName: "sitegen"),
            services: [rebuilder],
            onServerRunning: { [log] _ in
                log(messages.serving(url))
                onReady()
            },
            logger: logger)
        try await app.runService()
        await hub.finishAll()
        log(await state.messages.stopped)
    }

    /// Server-Sent Events for one page, ended on shutdown so Ctrl-C never waits on an open tab.
    /// A closed tab is noticed only when a write to it fails, so every open stream gets a comment
    /// line each `heartbeat`: a tab that went away is let go within two of them, its socket closed.
    static func events(_ hub: ReloadHub, page: String?, heartbeat: Duration = .seconds(1)) async -> Response {
        let (id, stream) = await hub.subscribe(page: page)
        var headers = HTTPFields()
        headers[.contentType] = "text/event-stream"
        headers[.cacheControl] = "no-cache"
        let body = ResponseBody { writer in
            let beats = Task {
                while !Task.isCancelled {
                    try await Task.sleep(for: heartbeat)
                    await hub.send(.heartbeat, to: id)
                }
            }
            do {
                try await writer.write(ByteBuffer(string: ": connected\n\n"))
                for await event in stream.cancelOnGracefulShutdown() {
                    try await writer.write(ByteBuffer(string: event.frame))
                }
                beats.cancel()
                await hub.unsubscribe(id)
                try await writer.finish(nil)
            } catch {
                beats.cancel()
                await hub.unsubscribe(id)
                throw error
            }
        }
        return Response(status: .ok, headers: headers, body: body)
    }

    /// Binds the address once to tell a port in use from other trouble, with a clear message.
    static func checkPortIsFree(host: String, port: Int) throws {
        var hints = addrinfo()
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        hints.ai_flags = AI_PASSIVE
        var info: UnsafeMutablePointer<addrinfo>?
        guard getaddrinfo(host, String(port), &hints, &info) == 0, let address = info else {
            throw Failure.cannotListen("'\(host)' is not an address of this machine")
        }
        defer { freeaddrinfo(info) }
        let fd = socket(address.pointee.ai_family, address.pointee.ai_socktype, address.pointee.ai_protocol)
        guard fd >= 0 else { throw Failure.cannotListen(String(cString: strerror(errno))) }
        defer { close(fd) }
        var yes: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        if bind(fd, address.pointee.ai_addr, address.pointee.ai_addrlen) != 0 {
            if errno == EADDRINUSE { throw Failure.portInUse(host, port) }
            throw Failure.cannotListen(String(cString: strerror(errno)))
        }
    }
}

/// Rebuilds after each batch of changes, and tells the pages.
struct Rebuilder: Service {
    let options: PreviewServer.Options
    let state: PreviewState
    let hub: ReloadHub
    let log: @Sendable (String) -> Void

    /// Each change is shown at once where it can be (`quickPages`), while full rebuilds run one at a
    /// time in the background, each taking every change that came in meanwhile.
    func run() async throws {
        let watcher = SiteWatcher(root: options.root)
        watcher.start(pollingOnly: options.polling)
        let (requests, request) = AsyncStream<Void>.makeStream(bufferingPolicy: .bufferingNewest(1))
        await withTaskGroup(of: Void.self) { group in
            group.addTask {
                for await _ in requests {
                    let changed = await state.takePending()
                    if !changed.isEmpty { await rebuild(changed: changed) }
                }
            }
            for await changed in watcher.changes.cancelOnGracefulShutdown() {
                await showQuickly(changed)
                request.yield()
            }
            request.finish()
        }
        watcher.stop()
    }

    /// Notes the change for the next full rebuild, and serves the edited documents' own pages at once.
    func showQuickly(_ changed: Set<String>) async {
        let started = ContinuousClock.now
        let paths = Set(await state.noteChanges(changed))
        guard !paths.isEmpty else { return }
        await hub.broadcast(.reload, only: { paths.contains($0) })
        let milliseconds = Int(((ContinuousClock.now - started) / .milliseconds(1)).rounded())
        if options.timings { log(await state.messages.shown(paths.sorted(), milliseconds: milliseconds)) }
    }

    /// Pages, feeds and indexes: a change to one shows only where it is open, not on other pages.
    static func isDocumentOfItsOwn(_ path: String) -> Bool {
        [".html", ".xml", ".json", ".txt"].contains { path.hasSuffix($0) }
    }

    func rebuild(changed: Set<String>) async {
        let started = ContinuousClock.now
        let cache = await state.cache
        let wasBroken = await state.isBroken
        do {
            // An edit that leaves every document in its place remakes only the pages that show it;
            // after a failed build, the last good generation is too old to patch.
            let generation: Generation
            if !wasBroken, let patched = await SiteBuilder.patch(after: changed, cache: cache) {
                generation = patched
            } else {
                generation = try await SiteBuilder.generate(options.build, cache: cache)
            }
            let messages = SiteMessages(language: generation.report.language)
            await state.speak(messages)
            for warning in await state.newWarnings(generation.report.warnings.map(\.description)) { log(warning) }
            // Edits saved during this rebuild were shown quickly on the old site: `publish` keeps them shown.
            let (served, published) = await state.publish(PreviewSite(files: generation.files, root: options.root), cache: generation.cache)
            let milliseconds = Int(((ContinuousClock.now - started) / .milliseconds(1)).rounded())
            if options.timings {
                log(generation.report.phases.map { "\($0.name) \(Int(($0.seconds * 1000).rounded())) ms" }.joined(separator: ", "))
            }
            if changed.isEmpty {
                log(messages.builtInPreview(pages: generation.report.pageCount, milliseconds: milliseconds))
                return
            }
            log(messages.rebuilt(pages: generation.renderedPages, of: generation.report.pageCount, markdown: generation.renderedDocuments,
                                 milliseconds: milliseconds, after: changed.sorted()))
            // A page reloads only when what it would get now differs from what it was last served.
            let changedPaths = generation.changedPaths.filter { published.bytes(of: $0) != served.bytes(of: $0) || served.bytes(of: $0) == nil }
            let onlyStyles = !changedPaths.isEmpty && changedPaths.allSatisfy { $0.hasSuffix(".css") }
            if wasBroken {
                await hub.broadcast(.reload)
            } else if onlyStyles {
                await hub.broadcast(.stylesheets)
            } else if changedPaths.contains(where: { !Self.isDocumentOfItsOwn($0) }) {
                // A script, stylesheet, image or font changed: any page may show it.
                await hub.broadcast(.reload)
            } else if !changedPaths.isEmpty {
                await hub.broadcast(.reload, only: { changedPaths.contains($0) || !published.has($0) })
            }
        } catch {
            let text = Diagnostics.shown(error.errors).joined(separator: "\n")
            log(text)
            let messages = await state.messages
            log(await state.hasServedASite ? messages.lastGoodSiteServed : messages.nothingServedYet)
            await state.markBroken(text)
            await hub.broadcast(.buildError(text))
        }
    }
}
