import Foundation
import Testing
import TodoCore
import TodoHTTP

/// `/api/conversations*`: paging, reading, deleting, other users' conversations and the
/// per-user chat rate limit.
@Suite struct ConversationRoutesTests {
    @Test func anotherUsersConversation_is404OnEveryRouteAndStaysIntact() throws {
        let backend = try BackendHarness()
        let ada = try backend.signUp("ada")
        let bob = try backend.signUp("bob")
        let started = backend.send(.post, "/api/chat", token: ada, json: ["message": "add buy milk"])
        let id = try #require(started.json["conversation_id"]?.stringValue)

        let read = backend.send(.get, "/api/conversations/\(id)", token: bob)
        #expect(read.status == 404)
        #expect(read.errorCode == "conversation_not_found")
        #expect(backend.send(.delete, "/api/conversations/\(id)", token: bob).status == 404)
        let post = backend.send(
            .post, "/api/chat", token: bob, json: ["message": "mark it done", "conversation_id": .string(id)])
        #expect(post.status == 404)
        #expect(backend.send(.get, "/api/conversations", token: bob).json["conversations"] == [])

        let mine = backend.send(.get, "/api/conversations/\(id)", token: ada)
        #expect(mine.json["message_count"] == 2)
        let tasks = backend.send(.get, "/api/tasks", token: ada).json["tasks"]?.arrayValue ?? []
        #expect(tasks.map { $0["completed"] } == [false])
    }

    @Test func conversations_pageMostRecentlyActiveFirstAndDeleteRemovesOne() throws {
        let backend = try BackendHarness()
        let token = try backend.signUp("ada")
        var ids: [String] = []
        for message in ["add milk", "add eggs", "add bread"] {
            backend.clock.advance(by: 10)
            let reply = backend.send(.post, "/api/chat", token: token, json: ["message": .string(message)])
            ids.append(reply.json["conversation_id"]?.stringValue ?? "")
        }
        // Talking in the first conversation again makes it the most recent.
        backend.clock.advance(by: 10)
        backend.send(.post, "/api/chat", token: token, json: ["message": "thanks", "conversation_id": .string(ids[0])])

        let first = backend.send(.get, "/api/conversations?limit=2", token: token)
        #expect(first.status == 200)
        let firstIDs = (first.json["conversations"]?.arrayValue ?? []).compactMap { $0["id"]?.stringValue }
        #expect(firstIDs == [ids[0], ids[2]])
        let cursor = try #require(first.json["next_cursor"]?.stringValue)
        let second = backend.send(.get, "/api/conversations?limit=2&cursor=\(cursor)", token: token)
        #expect((second.json["conversations"]?.arrayValue ?? []).compactMap { $0["id"]?.stringValue } == [ids[1]])
        #expect(second.json["next_cursor"] == .null)

        #expect(backend.send(.get, "/api/conversations?limit=0", token: token).status == 422)
        #expect(backend.send(.get, "/api/conversations?cursor=nonsense", token: token).status == 400)

        #expect(backend.send(.delete, "/api/conversations/\(ids[1])", token: token).status == 204)
        #expect(backend.send(.get, "/api/conversations/\(ids[1])", token: token).status == 404)
        #expect(backend.send(.delete, "/api/conversations/\(ids[1])", token: token).status == 404)
        let left = backend.send(.get, "/api/conversations", token: token).json["conversations"]?.arrayValue ?? []
        #expect(left.count == 2)
    }

    @Test func pastTheLimit_chatIs429WithRetryAfterUntilTheWindowPasses() throws {
        let backend = try BackendHarness(chatMessagesPerMinute: 2)
        let ada = try backend.signUp("ada")
        let bob = try backend.signUp("bob")

        #expect(backend.send(.post, "/api/chat", token: ada, json: ["message": "add milk"]).status == 200)
        backend.clock.advance(by: 15)
        #expect(backend.send(.post, "/api/chat", token: ada, json: ["message": "add eggs"]).status == 200)
        let refused = backend.send(.post, "/api/chat", token: ada, json: ["message": "add bread"])
        #expect(refused.status == 429)
        #expect(refused.errorCode == "chat_rate_limited")
        #expect(refused.headers["Retry-After"] == "45")

        // The limit is per user, and a refused message changed nothing.
        #expect(backend.send(.post, "/api/chat", token: bob, json: ["message": "add bread"]).status == 200)
        let titles = (backend.send(.get, "/api/tasks", token: ada).json["tasks"]?.arrayValue ?? [])
            .compactMap { $0["title"]?.stringValue }
        #expect(titles.sorted() == ["Eggs", "Milk"])

        backend.clock.advance(by: 45)
        #expect(backend.send(.post, "/api/chat", token: ada, json: ["message": "add bread"]).status == 200)
    }
}
