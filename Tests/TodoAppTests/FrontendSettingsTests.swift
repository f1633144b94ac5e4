import Foundation
import Testing

@testable import TodoApp

/// The addresses the web UI is given: derived from the host and ports, or as configured.
@Suite struct FrontendSettingsTests {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("web-\(UUID().uuidString)")

    private func settings(_ extra: [String: String]) throws -> AppSettings {
        try serveOptions(extra, in: directory).loadSettings()
    }

    @Test func byDefault_theUIIsToldTheLocalBackendAndWebSocketPorts() throws {
        let resolved = try settings(["TODO_BACKEND_PORT": "9000", "TODO_WEBSOCKET_PORT": "9001"])

        #expect(resolved.ports[.frontend] == 3000)
        #expect(resolved.frontendAPIURL == "http://127.0.0.1:9000")
        #expect(resolved.frontendWebSocketURL == "ws://127.0.0.1:9001/ws")
    }

    @Test func listeningOnEveryInterface_theUIIsToldLoopback() throws {
        let resolved = try settings(["TODO_HOST": "0.0.0.0"])

        #expect(resolved.frontendAPIURL == "http://127.0.0.1:8000")
    }

    @Test func configuredAddresses_arePassedAsTheyAre() throws {
        let resolved = try settings(["TODO_FRONTEND_API_URL": "/", "TODO_FRONTEND_WEBSOCKET_URL": "/ws"])

        #expect(resolved.frontendAPIURL == "/")
        #expect(resolved.frontendWebSocketURL == "/ws")
    }
}
