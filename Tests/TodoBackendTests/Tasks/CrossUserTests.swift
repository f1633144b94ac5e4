import Foundation
import Testing
import TodoCore
import TodoHTTP

/// Another user's task is indistinguishable from a missing one, on every task route.
@Suite struct CrossUserTests {
    let backend: BackendHarness
    let owner: String
    let intruder: String
    let taskID: String

    init() throws {
        backend = try BackendHarness()
        owner = try backend.signUp("owner")
        intruder = try backend.signUp("intruder")
        taskID = try backend.createTask(owner, ["title": "Private", "tags": ["secret"]])["id"]?.stringValue ?? ""
    }

    static let routes: [(HTTPMethod, String, JSONValue?)] = [
        (.get, "", nil), (.patch, "", ["title": "Mine now"]), (.delete, "", nil),
        (.post, "/complete", nil), (.post, "/reopen", nil),
    ]

    @Test(arguments: 0..<routes.count)
    func anotherUsersTaskIsNotFound(route: Int) {
        let (method, suffix, body) = Self.routes[route]
        let foreign = backend.send(method, "/api/tasks/\(taskID)\(suffix)", token: intruder, json: body)
        let missing = backend.send(
            method, "/api/tasks/0190a1b2-0000-7000-8000-000000000000\(suffix)", token: intruder, json: body)

        #expect(foreign.status == 404)
        #expect(foreign.errorCode == "task_not_found")
        #expect(foreign.json["error"]?["message"] == missing.json["error"]?["message"])

        let original = backend.send(.get, "/api/tasks/\(taskID)", token: owner)
        #expect(original.json["title"] == "Private")
        #expect(original.json["version"] == 1)
    }

    @Test func listsAndTagsShowOnlyYourOwn() {
        #expect(backend.send(.get, "/api/tasks", token: intruder).json["tasks"] == [])
        #expect(backend.send(.get, "/api/tags", token: intruder).json["tags"] == [])
        #expect(backend.send(.get, "/api/tasks?q=private", token: intruder).json["tasks"] == [])
    }

    @Test func aBodyCannotPickTheOwner() throws {
        let reply = backend.send(.post, "/api/tasks", token: intruder, json: ["title": "x", "owner_id": "someone"])
        #expect(reply.status == 422)
        #expect(reply.invalidFields == ["owner_id"])
    }
}
