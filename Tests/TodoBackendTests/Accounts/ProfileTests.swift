import Foundation
import Testing
import TodoCore
import TodoHTTP

@Suite struct ProfileTests {
    let backend: BackendHarness
    let token: String

    init() throws {
        backend = try BackendHarness()
        token = try backend.signUp("ada")
    }

    @Test func patchChangesNameTimezoneQuietHoursAndChannels() {
        let reply = backend.send(
            .patch, "/api/me", token: token,
            json: [
                "name": "Ada 👩‍💻", "timezone": "America/New_York", "quiet_hours_start": "22:00",
                "quiet_hours_end": "07:30", "notification_channels": ["in_app", "browser"],
            ])
        #expect(reply.status == 200)
        #expect(reply.json["name"] == "Ada 👩‍💻")
        #expect(reply.json["timezone"] == "America/New_York")
        #expect(reply.json["quiet_hours_start"] == "22:00")
        #expect(reply.json["quiet_hours_end"] == "07:30")
        #expect(reply.json["notification_channels"] == ["in_app", "browser"])

        let again = backend.send(.get, "/api/me", token: token)
        #expect(again.json == reply.json)
    }

    @Test func patchRejectsEveryBadFieldAndChangesNothing() {
        let reply = backend.send(
            .patch, "/api/me", token: token,
            json: [
                "timezone": "Europe/Atlantis", "quiet_hours_start": "25:00", "notification_channels": ["pigeon"],
                "nickname": "Countess",
            ])
        #expect(reply.status == 422)
        #expect(
            Set(reply.invalidFields) == [
                "timezone", "quiet_hours_start", "quiet_hours_end", "notification_channels[0]", "nickname",
            ])
        #expect(backend.send(.get, "/api/me", token: token).json["timezone"] == "UTC")
    }

    @Test func changingTheTimezoneMovesAllDayDeadlines() throws {
        // Now is 2026-11-30T00:53Z. A task due on the 29th is overdue in UTC (its day ended at
        // 00:00Z), but not in Los Angeles, where the 29th lasts until 08:00Z.
        let task = try backend.createTask(token, ["title": "Pay rent", "due_date": "2026-11-29"])
        #expect(backend.send(.get, "/api/tasks?overdue=true", token: token).json["tasks"]?.arrayValue?.count == 1)

        let patched = backend.send(.patch, "/api/me", token: token, json: ["timezone": "America/Los_Angeles"])
        #expect(patched.status == 200)

        #expect(backend.send(.get, "/api/tasks?overdue=true", token: token).json["tasks"]?.arrayValue?.count == 0)
        let read = backend.send(.get, "/api/tasks/\(task["id"]?.stringValue ?? "")", token: token)
        #expect(read.json["timezone"] == "America/Los_Angeles")
        #expect(read.json["due_date"] == "2026-11-29")
    }
}
