import Foundation
import Testing
import TodoConfig

@testable import TodoApp

/// `http.blocking_threads` and `http.blocking_queue`: the pool that runs blocking routes (chat with
/// a model) off the HTTP threads, with defaults, the environment and range checks.
@Suite struct BlockingPoolSettingsTests {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("blocking-\(UUID().uuidString)")

    private func settings(_ extra: [String: String]) throws -> AppSettings {
        try serveOptions(extra, in: directory).loadSettings()
    }

    @Test func byDefault_sixteenThreadsAndSixtyFourWaiting() throws {
        let settings = try settings([:])

        #expect(settings.httpBlockingThreads == 16)
        #expect(settings.httpBlockingQueue == 64)
    }

    @Test func theEnvironment_setsThePool() throws {
        let settings = try settings(["TODO_HTTP_BLOCKING_THREADS": "3", "TODO_HTTP_BLOCKING_QUEUE": "0"])

        #expect(settings.httpBlockingThreads == 3)
        #expect(settings.httpBlockingQueue == 0)
    }

    @Test func zeroBlockingThreads_isRefused() {
        #expect(throws: ConfigError.self) { try settings(["TODO_HTTP_BLOCKING_THREADS": "0"]) }
    }
}
