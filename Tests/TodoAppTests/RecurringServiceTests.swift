import Foundation
import Testing
import TodoCore
import TodoLogging

@testable import TodoApp

/// `serve recurring-task` as the composition root builds it: its consumer and its HTTP listener.
@Suite struct RecurringServiceTests {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("recurring-\(UUID().uuidString)")

    @Test func readinessShowsTheConsumerGroupAndItsLag() throws {
        var arguments = Arguments([])
        var global = try GlobalOptions.parse(
            &arguments, environment: ["TODO_CONFIG": directory.appendingPathComponent("config.yaml").path])
        global.set("data_dir", to: directory.path, flag: "--data-dir")
        global.set("ports.recurring", to: "0", flag: "--set")
        let stack = try Composition(
            settings: try global.loadSettings(), logger: Logger(service: "test", sink: NullLogSink()))
        defer {
            stack.close()
            try? FileManager.default.removeItem(at: directory)
        }

        let services = stack.services(.recurringTask)
        #expect(services.map(\.name) == ["recurring-task", "recurring-task consumer"])
        for service in services { try service.start() }
        defer { for service in services.reversed() { service.stop(gracePeriod: .seconds(1)) } }
        let port = try #require((services.first as? HTTPService)?.port)

        let live = HealthCommand.fetch("http://127.0.0.1:\(port)/health", timeout: 5)
        #expect(live.status == 200)
        #expect((try? JSONValue.parse(live.body))?["service"] == "recurring-task")

        var consumer: JSONValue?
        #expect(
            eventuallyTrue {
                let ready = HealthCommand.fetch("http://127.0.0.1:\(port)/health/ready", timeout: 5)
                consumer =
                    (try? JSONValue.parse(ready.body))?["checks"]?["event_log"]?["details"]?["consumers"]?
                    .arrayValue?.first
                return ready.status == 200 && consumer?["members"] == 1
            })
        #expect(consumer?["group"] == "recurring")
        #expect(consumer?["lag"] == 0)
    }

    @Test func theServiceAnswersToBothNamesAndReadsItsPortSetting() throws {
        #expect(ServiceName(named: "recurring-task") == .recurringTask)
        #expect(ServiceName(named: "recurring") == .recurringTask)
        #expect(ServiceName(named: "recurrence") == nil)

        var arguments = Arguments([])
        let global = try GlobalOptions.parse(
            &arguments,
            environment: [
                "TODO_CONFIG": directory.appendingPathComponent("config.yaml").path, "TODO_RECURRING_PORT": "9102",
            ])
        let settings = try global.loadSettings()
        #expect(settings.ports[.recurringTask] == 9102)
        #expect(settings.ports[.backend] == 8000)
    }

    private func eventuallyTrue(_ condition: () -> Bool) -> Bool {
        let deadline = Date(timeIntervalSinceNow: 10)
        while Date() < deadline {
            if condition() { return true }
            Thread.sleep(forTimeInterval: 0.02)
        }
        return condition()
    }
}
