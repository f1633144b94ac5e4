import Foundation
import Testing
import TodoCore
import TodoHTTP

/// `POST /api/chat` against real SQLite: the engine's tool calls change the user's tasks, and
/// the conversation is stored so the next request can refer back to it.
@Suite struct ChatAPITests {
    let backend: BackendHarness
    let token: String

    init() throws {
        backend = try BackendHarness()
        token = try backend.signUp("ada", timezone: "Europe/Berlin")
    }

    private func chat(_ message: String, in conversation: String? = nil, headers: [(String, String)] = []) -> Reply {
        var body: [String: JSONValue] = ["message": .string(message)]
        if let conversation { body["conversation_id"] = .string(conversation) }
        return backend.send(.post, "/api/chat", token: token, json: .object(body), headers: headers)
    }

    @Test func addThenMarkItDone_completesTheTaskAddedInTheEarlierRequest() throws {
        let first = chat("add buy milk")
        #expect(first.status == 200)
        let conversation = try #require(first.json["conversation_id"]?.stringValue)
        let action = try #require(first.json["actions"]?.arrayValue?.first)
        #expect(action["tool"] == "add_task")
        #expect(action["result"]?["task"]?["title"] == "Buy milk")
        let taskID = try #require(action["result"]?["task"]?["id"]?.stringValue)
        #expect(first.json["question"] == .null)

        let second = chat("mark it done", in: conversation)
        #expect(second.status == 200)
        #expect(second.json["conversation_id"]?.stringValue == conversation)
        #expect(second.json["actions"]?.arrayValue?.first?["tool"] == "complete_task")
        #expect(backend.send(.get, "/api/tasks/\(taskID)", token: token).json["completed"] == true)

        let stored = backend.send(.get, "/api/conversations/\(conversation)", token: token)
        #expect(stored.status == 200)
        #expect(stored.json["title"] == "add buy milk")
        #expect(stored.json["message_count"] == 4)
        let messages = stored.json["messages"]?.arrayValue ?? []
        #expect(messages.compactMap { $0["role"]?.stringValue } == ["user", "assistant", "user", "assistant"])
        #expect(messages.compactMap { $0["text"]?.stringValue }.first == "add buy milk")
        #expect(messages[1]["actions"]?.arrayValue?.first?["tool"] == "add_task")
        #expect(messages[1]["text"] == first.json["reply"])
    }

    @Test func aNewConversation_doesNotSeeAnotherConversationsTasks() throws {
        let first = chat("add buy milk")
        let taskID = try #require(first.json["actions"]?.arrayValue?.first?["result"]?["task"]?["id"]?.stringValue)

        let fresh = chat("mark it done")
        #expect(fresh.status == 200)
        #expect(fresh.json["conversation_id"] != first.json["conversation_id"])
        #expect(fresh.json["actions"]?.arrayValue?.isEmpty == true)
        #expect(backend.send(.get, "/api/tasks/\(taskID)", token: token).json["completed"] == false)
    }

    @Test func anAmbiguousReference_asksAndTheAnswerInTheNextRequestActs() throws {
        _ = try backend.createTask(token, ["title": "Call mom"])
        let dad = try backend.createTask(token, ["title": "Call dad"])["id"]?.stringValue

        let question = chat("delete the call task")
        #expect(question.status == 200)
        #expect(question.json["actions"]?.arrayValue?.isEmpty == true)
        #expect(question.json["question"]?.stringValue == question.json["reply"]?.stringValue)
        let conversation = question.json["conversation_id"]?.stringValue

        let answer = chat("dad", in: conversation)
        #expect(answer.json["question"] == .null)
        #expect(answer.json["actions"]?.arrayValue?.first?["tool"] == "delete_task")
        #expect(backend.send(.get, "/api/tasks/\(dad ?? "")", token: token).status == 404)
        let left = backend.send(.get, "/api/tasks", token: token).json["tasks"]?.arrayValue ?? []
        #expect(left.compactMap { $0["title"]?.stringValue } == ["Call mom"])
    }

    @Test func chatChanges_emitEventsWithTheRequestsCorrelationIDAndTheChatSource() throws {
        let reply = chat("add call the bank tomorrow", headers: [("X-Correlation-ID", "chat-tour-7")])
        #expect(reply.status == 200)
        #expect(reply.headers["X-Correlation-ID"] == "chat-tour-7")

        let created = try #require(try backend.events(EventTopics.taskEvents).first)
        #expect(created.type == TaskEventType.created.rawValue)
        #expect(created.correlationID == "chat-tour-7")
        #expect(created.source == "/chat")
        #expect(created.data["task"]?["title"] == "Call the bank")
    }

    @Test func emptyMissingAndOverLongMessages_are422WithTheFieldNamed() {
        let empty = chat("   ")
        #expect(empty.status == 422)
        #expect(empty.invalidFields == ["message"])

        let missing = backend.send(.post, "/api/chat", token: token, json: ["conversation_id": .null])
        #expect(missing.status == 422)
        #expect(missing.invalidFields == ["message"])

        let long = chat(String(repeating: "a", count: 2001))
        #expect(long.status == 422)
        #expect(long.json["error"]?["details"]?["fields"]?.arrayValue?.first?["code"] == "too_long")
        #expect(backend.send(.get, "/api/conversations", token: token).json["conversations"] == [])
    }

    @Test func aBodyThatIsNotAnObjectOrHasUnknownFields_isRefusedAsOnEveryRoute() {
        let array = backend.send(.post, "/api/chat", token: token, json: ["message"])
        #expect(array.status == 400)
        #expect(array.errorCode == "body_not_object")

        let extra = backend.send(.post, "/api/chat", token: token, json: ["message": "hi", "mesage": "hi"])
        #expect(extra.status == 422)
        #expect(extra.invalidFields == ["mesage"])
        #expect(backend.send(.get, "/api/conversations", token: token).json["conversations"] == [])
    }

    @Test func unknownConversation_is404AndStoresNothing() {
        let reply = chat("add buy milk", in: "0190a000-0000-7000-8000-000000000000")
        #expect(reply.status == 404)
        #expect(reply.errorCode == "conversation_not_found")
        #expect(backend.send(.get, "/api/conversations", token: token).json["conversations"] == [])
    }

    @Test func withoutAToken_everyChatRouteIs401() {
        #expect(backend.send(.post, "/api/chat", json: ["message": "hi"]).status == 401)
        #expect(backend.send(.get, "/api/conversations").status == 401)
    }
}
