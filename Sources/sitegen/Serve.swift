import ArgumentParser
import Foundation
import SitegenServer

extension Sitegen {
    struct Serve: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Preview the site: build, serve on localhost, rebuild on every change and reload the open pages.")

        @OptionGroup var site: SiteOptions

        @Option(name: [.short, .long], help: "The port to listen on.")
        var port: Int = 8000

        @Option(name: [.long, .customLong("bind")], help: "The address to listen on (--bind, as Hugo says it); 127.0.0.1 keeps the preview to this machine.")
        var host: String = "127.0.0.1"

        @Option(name: [.customShort("b"), .customLong("base-url")],
                help: "Serve the site at this URL, as Hugo's --baseURL: http://192.168.0.7/ to open it from a phone (with --bind 0.0.0.0), http://localhost/blog/ to try it under a path. Without a port, --port is added.")
        var baseURL: String?

        @Flag(name: [.customShort("D"), .long], help: "Include drafts.")
        var drafts = false

        @Flag(name: [.customShort("F"), .long], help: "Include documents dated after now.")
        var future = false

        @Flag(name: .long, help: "Open the preview in the browser.")
        var open = false

        @Flag(name: .long, help: "Watch by polling the files instead of inotify.")
        var poll = false

        @Flag(name: .long, help: "Print how long each phase of every rebuild took.")
        var timings = false

        func validate() throws {
            guard (1...65535).contains(port) else { throw ValidationError("--port must be between 1 and 65535") }
            _ = try BuildSelection.baseURL(baseURL)
        }

        func run() async throws {
            var options = PreviewServer.Options(root: site.root, host: host, port: port,
                                                includeDrafts: drafts, polling: poll, timings: timings)
            options.includeFuture = future
            options.baseURL = try BuildSelection.baseURL(baseURL)
            let server = PreviewServer(options: options) { line in
                FileHandle.standardError.write(Data((line + "\n").utf8))
            }
            let url = options.url
            do {
                try await server.run(onReady: { [open] in
                    if open { Serve.openBrowser(url) }
                })
            } catch let failure as PreviewServer.Failure {
                Terminal.print([failure.diagnostic])
                throw ExitCode.failure
            }
        }

        static func openBrowser(_ url: String) {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = ["xdg-open", url]
            try? process.run()
        }
    }
}
