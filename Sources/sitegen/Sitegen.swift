import ArgumentParser
import Foundation

@main
struct Sitegen: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sitegen",
        abstract: "A static site generator for retrospective blogs.",
        version: Sitegen.version,
        subcommands: [Build.self, Check.self, Serve.self, New.self, Theme.self, Init.self, Import.self]
    )

    /// `sitegen --version`.
    static let version = "0.6.0"

    /// Usage errors exit 2, build errors 1, as the README promises; ArgumentParser's own code for
    /// usage errors is 64.
    static func main() async {
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            let code = exitCode(for: error)
            if code == .validationFailure {
                FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }
}
