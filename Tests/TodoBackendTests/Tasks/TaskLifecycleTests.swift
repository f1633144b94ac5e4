import Foundation
import Testing
import TodoCore
import TodoHTTP

@Suite struct TaskLifecycleTests {
    let backend: BackendHarness
    let token: String

    init() throws {
        backend = try BackendHarness()
        token = try backend.signUp("ada", timezone: "Europe/Berlin")
    }

    @Test func createReturnsTheTaskWithLocationAndETag() {
        let reply = backend.send(
            .post, "/api/tasks", token: token,
            json: [
                "title": "  Call the bank  ", "description": "About the mortgage", "priority": "high",
                "tags": ["Finance", "#calls", "finance"], "due_at": "2026-12-02T09:30:00+01:00",
                "recurrence": "FREQ=WEEKLY;BYDAY=MO", "reminders": [["minutes_before": 15]],
            ])

        #expect(reply.status == 201)
        #expect(reply.headers["Location"] == "/api/tasks/\(reply.id)")
        #expect(reply.headers["ETag"] == "\"1\"")
        #expect(reply.json["title"] == "Call the bank")
        #expect(reply.json["priority"] == "high")
        #expect(reply.json["tags"] == ["Finance", "calls"])
        #expect(reply.json["due_at"] == "2026-12-02T08:30:00Z")
        #expect(reply.json["due_at_local"] == "2026-12-02T09:30:00+01:00")
        #expect(reply.json["due_date"] == .null)
        #expect(reply.json["completed"] == false)
        #expect(reply.json["version"] == 1)
        #expect(reply.json["reminders"] == [["minutes_before": 15]])
        #expect(reply.json["created_at"] == "2026-11-30T00:53:20Z")
    }

    @Test func getPatchCompleteReopenDelete() throws {
        let id = try backend.createTask(token, ["title": "Write report"])["id"]?.stringValue ?? ""

        #expect(backend.send(.get, "/api/tasks/\(id)", token: token).json["title"] == "Write report")

        backend.clock.advance(by: 60)
        let patched = backend.send(
            .patch, "/api/tasks/\(id)", token: token, json: ["priority": "urgent", "due_date": "2026-12-24"],
            headers: [("If-Match", "\"1\"")])
        #expect(patched.status == 200)
        #expect(patched.json["version"] == 2)
        #expect(patched.json["title"] == "Write report")
        #expect(patched.json["due_date"] == "2026-12-24")
        #expect(patched.json["updated_at"] == "2026-11-30T00:54:20Z")

        let completed = backend.send(.post, "/api/tasks/\(id)/complete", token: token)
        #expect(completed.json["completed"] == true)
        #expect(completed.json["completed_at"] == "2026-11-30T00:54:20Z")

        let reopened = backend.send(.post, "/api/tasks/\(id)/reopen", token: token)
        #expect(reopened.json["completed"] == false)
        #expect(reopened.json["completed_at"] == .null)

        #expect(backend.send(.delete, "/api/tasks/\(id)", token: token).status == 204)
        let gone = backend.send(.get, "/api/tasks/\(id)", token: token)
        #expect(gone.status == 404)
        #expect(gone.errorCode == "task_not_found")
    }

    @Test func aStaleIfMatchIsAPreconditionFailure() throws {
        let id = try backend.createTask(token, ["title": "Shared"])["id"]?.stringValue ?? ""
        #expect(backend.send(.patch, "/api/tasks/\(id)", token: token, json: ["title": "First"]).status == 200)

        let stale = backend.send(
            .patch, "/api/tasks/\(id)", token: token, json: ["title": "Second"], headers: [("If-Match", "\"1\"")])
        #expect(stale.status == 412)
        #expect(stale.errorCode == "version_mismatch")
        #expect(backend.send(.get, "/api/tasks/\(id)", token: token).json["title"] == "First")

        let staleDelete = backend.send(.delete, "/api/tasks/\(id)", token: token, headers: [("If-Match", "1")])
        #expect(staleDelete.status == 412)
        let badHeader = backend.send(.delete, "/api/tasks/\(id)", token: token, headers: [("If-Match", "yesterday")])
        #expect(badHeader.status == 400)
        #expect(badHeader.errorCode == "invalid_if_match")
    }

    @Test func patchCanClearFields() throws {
        let id =
            try backend.createTask(
                token, ["title": "Trip", "description": "Pack", "due_date": "2026-12-20", "tags": ["travel"]]
            )["id"]?.stringValue ?? ""
        let cleared = backend.send(
            .patch, "/api/tasks/\(id)", token: token, json: ["description": nil, "due_date": nil, "tags": []])
        #expect(cleared.status == 200)
        #expect(cleared.json["description"] == .null)
        #expect(cleared.json["due_date"] == .null)
        #expect(cleared.json["tags"] == [])
    }

    @Test func tagsAreCountedCaseInsensitively() throws {
        _ = try backend.createTask(token, ["title": "A", "tags": ["Work", "urgent"]])
        let done = try backend.createTask(token, ["title": "B", "tags": ["work"]])
        _ = backend.send(.post, "/api/tasks/\(done["id"]?.stringValue ?? "")/complete", token: token)

        let tags = backend.send(.get, "/api/tags", token: token).json["tags"]?.arrayValue ?? []
        let work = tags.first { $0["name"]?.stringValue?.lowercased() == "work" }
        #expect(tags.count == 2)
        #expect(work?["task_count"] == 2)
        #expect(work?["pending_count"] == 1)
    }
}
