import Foundation
import Testing
import TodoCore

/// What the API takes and answers for repeating tasks (the next instance itself is the
/// recurring-task service's work: Tests/TodoRecurringTests).
@Suite struct RecurrenceAPITests {
    let backend: BackendHarness
    let token: String

    init() throws {
        backend = try BackendHarness()
        token = try backend.signUp("ada", timezone: "Europe/Berlin")
    }

    private func problems(_ reply: Reply) -> [String: String] {
        let fields = reply.json["error"]?["details"]?["fields"]?.arrayValue ?? []
        return Dictionary(
            fields.compactMap { field in
                field["field"]?.stringValue.map { ($0, field["code"]?.stringValue ?? "") }
            }, uniquingKeysWith: { first, _ in first })
    }

    @Test func aRepeatingTaskStartsItsSeries() throws {
        let task = try backend.createTask(
            token, ["title": "Rent", "due_date": "2026-12-01", "recurrence": "FREQ=MONTHLY;BYMONTHDAY=1"])
        #expect(task["occurrence"] == 1)
        #expect(task["series_id"]?.stringValue?.isEmpty == false)
        #expect(task["recurrence_mode"] == "from_schedule")

        let plain = try backend.createTask(token, ["title": "Once"])
        #expect(plain["series_id"] == .null)
        #expect(plain["occurrence"] == .null)
        #expect(plain["recurrence_mode"] == .null)
    }

    @Test func aRuleNeedsADueTimeAndAModeNeedsARule() {
        let noDue = backend.send(.post, "/api/tasks", token: token, json: ["title": "t", "recurrence": "FREQ=DAILY"])
        #expect(noDue.status == 422)
        #expect(problems(noDue) == ["recurrence": "requires_due"])

        let noRule = backend.send(
            .post, "/api/tasks", token: token,
            json: ["title": "t", "due_date": "2026-12-01", "recurrence_mode": "from_completion"])
        #expect(problems(noRule) == ["recurrence_mode": "requires_recurrence"])

        let badMode = backend.send(
            .post, "/api/tasks", token: token,
            json: ["title": "t", "due_date": "2026-12-01", "recurrence": "FREQ=DAILY", "recurrence_mode": "whenever"])
        #expect(problems(badMode) == ["recurrence_mode": "invalid_value"])
    }

    @Test func anInvalidRuleIsA422NamingThePart() {
        let reply = backend.send(
            .post, "/api/tasks", token: token,
            json: ["title": "t", "due_date": "2026-12-01", "recurrence": "FREQ=YEARLY;BYMONTH=13"])
        #expect(reply.status == 422)
        let field = reply.json["error"]?["details"]?["fields"]?.arrayValue?.first
        #expect(field?["field"] == "recurrence")
        #expect(field?["code"] == "invalid_rrule")
        #expect(field?["message"]?.stringValue?.hasPrefix("BYMONTH=13:") == true)
    }

    @Test func clearingTheDueTimeOfARepeatingTaskIsRefused() throws {
        let id =
            try backend.createTask(
                token, ["title": "t", "due_date": "2026-12-01", "recurrence": "FREQ=DAILY"])["id"]?.stringValue ?? ""
        let reply = backend.send(.patch, "/api/tasks/\(id)", token: token, json: ["due_date": .null])
        #expect(problems(reply) == ["recurrence": "requires_due"])
    }

    @Test func theModeCanChangeAndIsInTheEvent() throws {
        let id =
            try backend.createTask(
                token, ["title": "t", "due_date": "2026-12-01", "recurrence": "FREQ=DAILY"])["id"]?.stringValue ?? ""
        let reply = backend.send(
            .patch, "/api/tasks/\(id)", token: token, json: ["recurrence_mode": "from_completion"])
        #expect(reply.json["recurrence_mode"] == "from_completion")

        let updated = try backend.events(EventTopics.taskEvents).last
        #expect(updated?.type == TaskEventType.updated.rawValue)
        #expect(updated?.data["changed_fields"] == ["recurrence_mode"])
        #expect(updated?.data["task"]?["recurrence_mode"] == "from_completion")
    }

    @Test func withoutTheRecurringServiceCompletingCreatesNothing() throws {
        let id =
            try backend.createTask(
                token, ["title": "t", "due_date": "2026-12-01", "recurrence": "FREQ=DAILY"])["id"]?.stringValue ?? ""
        #expect(backend.send(.post, "/api/tasks/\(id)/complete", token: token).status == 200)
        #expect(backend.send(.get, "/api/tasks", token: token).json["tasks"]?.arrayValue?.count == 1)
    }
}
