import Foundation
import Testing

@testable import TodoApp

/// Settings flow from the command line and environment into `AppSettings` in the documented order.
@Suite struct GlobalOptionsTests {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("cli-\(UUID().uuidString)")

    private var environment: [String: String] {
        ["TODO_CONFIG": directory.appendingPathComponent("config.yaml").path, "HOME": directory.path]
    }

    private func settings(_ words: [String], environment extra: [String: String] = [:]) throws -> AppSettings {
        var arguments = Arguments(words)
        var global = try GlobalOptions.parse(&arguments, environment: environment.merging(extra) { $1 })
        _ = arguments.positional()
        try global.takeCommonOverrides(&arguments)
        return try global.loadSettings()
    }

    @Test func defaultsPlaceTheDatabaseInTheDataDirectory() throws {
        let resolved = try settings(["serve"])
        #expect(resolved.profileName == "local")
        #expect(resolved.dataDirectory == directory.path + "/.local/share/todo-chatbot")
        #expect(resolved.databaseURL == "sqlite://\(resolved.dataDirectory)/todo.db")
        #expect(resolved.ports[.backend] == 8000)
        #expect(resolved.host == "127.0.0.1")
    }

    @Test func flagsBeatTheEnvironmentWhichBeatsDefaults() throws {
        let fromEnvironment = try settings(["serve"], environment: ["TODO_HOST": "0.0.0.0", "LOG_LEVEL": "debug"])
        #expect(fromEnvironment.host == "0.0.0.0")
        #expect(fromEnvironment.logLevel == .debug)

        let fromFlags = try settings(
            ["serve", "--host", "::1", "--set", "log.level=error", "--data-dir", "/srv/todo"],
            environment: ["TODO_HOST": "0.0.0.0", "LOG_LEVEL": "debug"])
        #expect(fromFlags.host == "::1")
        #expect(fromFlags.logLevel == .error)
        #expect(fromFlags.databaseURL == "sqlite:///srv/todo/todo.db")
    }

    @Test func anUnknownKeyIsAnErrorNamingIt() throws {
        #expect {
            try settings(["serve", "--set", "log.levle=debug"])
        } throws: { error in
            String(describing: error).contains("log.levle")
        }
    }

    @Test func aBadValueIsAnErrorNotASilentDefault() throws {
        #expect(throws: (any Error).self) { try settings(["serve"], environment: ["TODO_BACKEND_PORT": "eighty"]) }
    }
}
