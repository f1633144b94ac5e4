import Foundation
import Testing
import TodoCore
import TodoLogging

@testable import TodoApp

/// The demo account is created from the real fixture file onto a real SQLite database.
@Suite struct DemoDataTests {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("demo-\(UUID().uuidString)")

    private func composition() throws -> Composition {
        var arguments = Arguments([])
        var global = try GlobalOptions.parse(
            &arguments, environment: ["TODO_CONFIG": directory.appendingPathComponent("config.yaml").path])
        global.set("data_dir", to: directory.path, flag: "--data-dir")
        global.set("auth.scrypt_log_n", to: "10", flag: "--set")
        let logger = Logger(service: "test", sink: NullLogSink())
        return try Composition(settings: try global.loadSettings(), logger: logger)
    }

    private var fixtures: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Fixtures")
    }

    @Test func installsTheAccountWithDatedTasksOnce() throws {
        let stack = try composition()
        defer {
            stack.close()
            try? FileManager.default.removeItem(at: directory)
        }

        let account = try DemoData.install(into: stack, fixtures: fixtures)
        #expect(account.created)
        #expect(account.taskCount == 15)

        let session = try stack.backend.accounts.logIn(
            email: account.email, password: account.password, clientAddress: "127.0.0.1")
        var query = TaskQuery()
        query.status = .all
        let all = try stack.backend.tasks.list(for: session.user, query: query).tasks
        #expect(all.count == 15)
        #expect(all.filter(\.completed).count == 3)
        query.overdue = true
        #expect(try stack.backend.tasks.list(for: session.user, query: query).tasks.count >= 2)

        let again = try DemoData.install(into: stack, fixtures: fixtures)
        #expect(!again.created)
        query.overdue = nil
        query.status = .all
        #expect(try stack.backend.tasks.list(for: session.user, query: query).tasks.count == 15)
    }

    @Test func relativeDatesBecomeDatesInTheAccountsTimezone() throws {
        let berlin = TimeZone(identifier: "Europe/Berlin")!
        let today = CalendarDate(year: 2026, month: 3, day: 28)!
        let allDay = try DemoData.taskBody(["title": "x", "due_in_days": 2], today: today, timeZone: berlin, index: 0)
        #expect(allDay["due_date"] == "2026-03-30")
        // The 29th is the day Berlin moves to summer time: 19:30 there is +02:00.
        let timed = try DemoData.taskBody(
            ["title": "x", "due_in_days": 1, "due_time": "19:30", "completed": true], today: today, timeZone: berlin,
            index: 0)
        #expect(timed["due_at"] == "2026-03-29T19:30:00+02:00")
        #expect(timed["completed"] == nil)
    }
}
