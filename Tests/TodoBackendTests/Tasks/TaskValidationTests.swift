import Foundation
import Testing
import TodoCore
import TodoHTTP

/// Limits and malformed input: always the right status and a stable code, never a 500.
@Suite struct TaskValidationTests {
    let backend: BackendHarness
    let token: String

    init() throws {
        backend = try BackendHarness()
        token = try backend.signUp("ada")
    }

    @Test func titleLimitsCountCharactersNotBytesOrScalars() {
        let family = "👨‍👩‍👧‍👦"  // one character, seven scalars, 25 bytes
        let accented = "e\u{301}"  // one character, two scalars
        for unit in [family, accented, "字"] {
            let fits = backend.send(
                .post, "/api/tasks", token: token,
                json: .object(["title": .string(String(repeating: unit, count: 500))]))
            #expect(fits.status == 201, "500 × \(unit)")
            let over = backend.send(
                .post, "/api/tasks", token: token,
                json: .object(["title": .string(String(repeating: unit, count: 501))]))
            #expect(over.status == 422, "501 × \(unit)")
            #expect(over.invalidFields == ["title"])
        }
    }

    @Test func aCharacterCarryingThousandsOfCombiningMarksIsRefused() {
        let flood = "e" + String(repeating: "\u{301}", count: 40_000)
        let reply = backend.send(.post, "/api/tasks", token: token, json: .object(["title": .string(flood)]))
        #expect(reply.status == 422)
        #expect(reply.invalidFields == ["title"])

        let eight = "e" + String(repeating: "\u{301}", count: 7)
        let fits = backend.send(
            .post, "/api/tasks", token: token, json: .object(["title": .string(String(repeating: eight, count: 500))]))
        #expect(fits.status == 201)
    }

    @Test func everyInvalidFieldIsListed() {
        let reply = backend.send(
            .post, "/api/tasks", token: token,
            json: [
                "title": "   ", "description": .string(String(repeating: "x", count: 10_001)), "priority": "asap",
                "tags": [.string(String(repeating: "t", count: 51))], "due_at": "next friday",
                "recurrence": "FREQ=SOMETIMES", "reminders": [["minutes_before": -5]], "colour": "red",
            ])
        #expect(reply.status == 422)
        #expect(reply.errorCode == "validation_failed")
        let fields = Set(reply.invalidFields.map { $0.split(separator: "[").first.map(String.init) ?? $0 })
        #expect(fields == ["title", "description", "priority", "tags", "due_at", "recurrence", "reminders", "colour"])
    }

    @Test func dueAtAndDueDateAreExclusive() {
        let reply = backend.send(
            .post, "/api/tasks", token: token,
            json: ["title": "x", "due_at": "2026-12-01T10:00:00Z", "due_date": "2026-12-01"])
        #expect(reply.status == 422)
    }

    @Test func controlCharactersAreRefusedButEmojiJoinersAreNot() {
        #expect(backend.send(.post, "/api/tasks", token: token, json: ["title": "bell\u{7}"]).status == 422)
        #expect(backend.send(.post, "/api/tasks", token: token, json: ["title": "🏳️‍🌈 parade"]).status == 201)
    }

    @Test func malformedJSONIsA400() {
        let reply = Reply(
            backend.client.send(
                .post, "/api/tasks",
                headers: [("Authorization", "Bearer \(token)"), ("Content-Type", "application/json")],
                body: Array(#"{"title": "unterminated"#.utf8)))
        #expect(reply.status == 400)
        #expect(reply.errorCode == "malformed_json")
    }

    @Test func aBodyThatIsNotAnObjectIsA400() {
        #expect(backend.send(.post, "/api/tasks", token: token, json: ["a list"]).errorCode == "body_not_object")
    }

    @Test func theWrongContentTypeIsA415() {
        let reply = Reply(
            backend.client.send(
                .post, "/api/tasks", headers: [("Authorization", "Bearer \(token)"), ("Content-Type", "text/plain")],
                body: Array(#"{"title": "x"}"#.utf8)))
        #expect(reply.status == 415)
    }

    @Test func aBodyOverOneMebibyteIsA413() {
        let huge = String(repeating: "x", count: (1 << 20) + 1)
        let reply = backend.send(.post, "/api/tasks", token: token, json: ["title": .string(huge)])
        #expect(reply.status == 413)
    }

    @Test func unknownRoutesAndMethodsHaveTheirOwnCodes() {
        let missing = backend.send(.get, "/api/nothing-here", token: token)
        #expect(missing.status == 404)
        let wrongMethod = backend.send(.put, "/api/tasks", token: token, json: ["title": "x"])
        #expect(wrongMethod.status == 405)
        #expect(wrongMethod.headers["Allow"]?.contains("POST") == true)
    }
}

@Suite struct TimeZoneAndRuleInputTests {
    let backend: BackendHarness

    init() throws {
        backend = try BackendHarness()
    }

    @Test func currentIANANamesMissingFromICUsListAreAccepted_andUTCStaysUTC() throws {
        let token = try backend.signUp("ravi", timezone: "Asia/Kolkata")
        #expect(backend.send(.get, "/api/me", token: token).json["timezone"] == "Asia/Kolkata")
        for zone in ["Etc/UTC", "Asia/Ho_Chi_Minh", "UTC"] {
            #expect(backend.send(.patch, "/api/me", token: token, json: ["timezone": .string(zone)]).status == 200)
        }
        let task = try backend.createTask(token, ["title": "Tea"])
        #expect(task["timezone"] == "UTC")
        for zone in ["Mars/Olympus", "Asia/", "GMT+99"] {
            let reply = backend.send(.patch, "/api/me", token: token, json: ["timezone": .string(zone)])
            #expect(reply.status == 422, "\(zone)")
        }
    }

    @Test func aRuleWithANulIsRefusedNotCutShort() throws {
        let token = try backend.signUp("nul")
        let reply = backend.send(
            .post, "/api/tasks", token: token, json: ["title": "x", "recurrence": "FREQ=DAILY\u{0};BYMONTH=13"])
        #expect(reply.status == 422)
        #expect(reply.invalidFields == ["recurrence"])
    }
}
