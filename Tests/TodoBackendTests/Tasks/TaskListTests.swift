import Foundation
import Testing
import TodoCore
import TodoHTTP

@Suite struct TaskListTests {
    let backend: BackendHarness
    let token: String

    init() throws {
        backend = try BackendHarness()
        token = try backend.signUp("ada")
        let fixtures: [[String: JSONValue]] = [
            ["title": "Café order", "priority": "low", "tags": ["errands"], "due_at": "2026-11-29T10:00:00Z"],
            ["title": "Résumé update", "priority": "high", "tags": ["work"], "due_at": "2026-12-05T10:00:00Z"],
            [
                "title": "Plan 🎉 party", "priority": "urgent", "tags": ["family", "errands"],
                "due_date": "2026-12-10", "description": "Invite ZOË and the neighbours",
            ],
            ["title": "Read a book", "tags": ["leisure"]],
            ["title": "File taxes", "priority": "medium", "tags": ["work"], "due_at": "2026-12-01T10:00:00Z"],
        ]
        for fields in fixtures { _ = try backend.createTask(token, fields) }
        let done = try backend.createTask(token, ["title": "Done already", "tags": ["work"]])
        _ = backend.send(.post, "/api/tasks/\(done["id"]?.stringValue ?? "")/complete", token: token)
    }

    private func titles(_ query: String) -> [String] {
        let reply = backend.send(.get, "/api/tasks\(query)", token: token)
        return (reply.json["tasks"]?.arrayValue ?? []).compactMap { $0["title"]?.stringValue }
    }

    @Test func filtersByStatusPriorityAndTag() {
        #expect(titles("?status=completed") == ["Done already"])
        #expect(titles("?status=pending").count == 5)
        #expect(titles("?status=all").count == 6)
        #expect(Set(titles("?priority=high&priority=urgent")) == ["Résumé update", "Plan 🎉 party"])
        #expect(Set(titles("?priority=high,urgent")) == ["Résumé update", "Plan 🎉 party"])
        #expect(Set(titles("?tag=WORK&status=pending")) == ["Résumé update", "File taxes"])
        #expect(titles("?tag=work&tag=errands") == [])
        #expect(titles("?tag=family&tag=errands") == ["Plan 🎉 party"])
    }

    @Test func filtersByDueWindowAndOverdue() {
        #expect(titles("?overdue=true") == ["Café order"])
        #expect(Set(titles("?due_before=2026-12-02T00:00:00Z")) == ["Café order", "File taxes"])
        #expect(Set(titles("?due_after=2026-12-04T00:00:00%2B01:00")) == ["Résumé update", "Plan 🎉 party"])
    }

    @Test func searchIsCaseAndAccentInsensitiveAcrossTitleAndDescription() {
        #expect(titles("?q=CAFE") == ["Café order"])
        #expect(titles("?q=r%C3%A9sum%C3%A9") == ["Résumé update"])
        #expect(titles("?q=zoe") == ["Plan 🎉 party"])
        #expect(titles("?q=%F0%9F%8E%89") == ["Plan 🎉 party"])
        #expect(titles("?q=100%25") == [])
        #expect(titles("?q=_") == [])
    }

    @Test func sortsByEachFieldBothWays() {
        #expect(
            titles("?sort=due&status=pending") == [
                "Café order", "File taxes", "Résumé update", "Plan 🎉 party", "Read a book",
            ])
        #expect(titles("?sort=priority&order=desc&status=pending").prefix(2) == ["Plan 🎉 party", "Résumé update"])
        #expect(
            titles("?sort=title&status=pending") == [
                "Café order", "File taxes", "Plan 🎉 party", "Read a book", "Résumé update",
            ])
        #expect(titles("?sort=created&order=desc").first == "Done already")
    }

    @Test func cursorPaginationVisitsEveryTaskOnce() {
        for sort in ["due", "priority", "created", "updated", "title"] {
            for order in ["asc", "desc"] {
                var seen: [String] = []
                var cursor: String?
                repeat {
                    let suffix = cursor.map { "&cursor=\($0)" } ?? ""
                    let page = backend.send(
                        .get, "/api/tasks?limit=2&sort=\(sort)&order=\(order)\(suffix)", token: token)
                    #expect(page.status == 200)
                    seen += (page.json["tasks"]?.arrayValue ?? []).compactMap { $0["id"]?.stringValue }
                    cursor = page.json["next_cursor"]?.stringValue
                } while cursor != nil && seen.count < 20
                #expect(seen.count == 6, "sort=\(sort) order=\(order)")
                #expect(Set(seen).count == 6, "sort=\(sort) order=\(order)")
            }
        }
    }

    @Test func badQueriesNameEveryProblem() {
        let reply = backend.send(
            .get, "/api/tasks?status=maybe&limit=500&sort=color&due_before=tomorrow&overdue=perhaps&page=2",
            token: token)
        #expect(reply.status == 422)
        #expect(Set(reply.invalidFields) == ["status", "limit", "sort", "due_before", "overdue", "page"])

        let cursor = backend.send(.get, "/api/tasks?cursor=not-a-cursor", token: token)
        #expect(cursor.status == 422)
        #expect(cursor.invalidFields == ["cursor"])
    }
}
