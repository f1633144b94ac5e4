import Foundation
import Testing
import TodoCore

extension StoreConformance {
    static func conversationsRoundTrip(_ store: any Store) throws {
        let ada = try StoreFixtures.insertUser(store, "ada@example.com")
        var conversation = Conversation(
            id: StoreFixtures.ids.next(), userID: ada.id, title: "Add buy milk", createdAt: StoreFixtures.epoch,
            updatedAt: StoreFixtures.epoch)
        let turn: JSONValue = ["message": "add buy milk", "reply": "Added “Buy milk”.", "task_ids": ["t1"]]
        let actions: JSONValue = [["tool": "add_task", "arguments": ["title": "Buy milk"], "result": ["ok": true]]]
        let messages = [
            ConversationMessage(
                id: StoreFixtures.ids.next(), conversationID: conversation.id, position: 0, role: .user,
                text: "add buy milk", createdAt: StoreFixtures.at(minutes: 1)),
            ConversationMessage(
                id: StoreFixtures.ids.next(), conversationID: conversation.id, position: 1, role: .assistant,
                text: "Added “Buy milk”.", turn: turn, actions: actions, createdAt: StoreFixtures.at(minutes: 1)),
        ]
        conversation.messageCount = 2
        conversation.updatedAt = StoreFixtures.at(minutes: 1)
        try store.write { writer in
            try writer.insert(conversation: conversation)
            for message in messages { try writer.insert(message: message) }
        }

        #expect(try store.read { try $0.conversation(id: conversation.id, userID: ada.id) } == conversation)
        #expect(
            try store.read { try $0.messages(conversationID: conversation.id, userID: ada.id, last: nil) } == messages)
        #expect(
            try store.read { try $0.messages(conversationID: conversation.id, userID: ada.id, last: 1) }
                == [messages[1]])

        conversation.title = "Groceries"
        conversation.messageCount = 3
        conversation.updatedAt = StoreFixtures.at(minutes: 2)
        #expect(try store.write { try $0.update(conversation: conversation) })
        #expect(try store.read { try $0.conversation(id: conversation.id, userID: ada.id) } == conversation)
    }

    static func conversationsAreScopedByUser(_ store: any Store) throws {
        let ada = try StoreFixtures.insertUser(store, "ada@example.com")
        let bob = try StoreFixtures.insertUser(store, "bob@example.com")
        let conversation = Conversation(
            id: StoreFixtures.ids.next(), userID: ada.id, title: "Mine", messageCount: 1,
            createdAt: StoreFixtures.epoch, updatedAt: StoreFixtures.epoch)
        let message = ConversationMessage(
            id: StoreFixtures.ids.next(), conversationID: conversation.id, position: 0, role: .user, text: "hi",
            createdAt: StoreFixtures.epoch)
        try store.write { writer in
            try writer.insert(conversation: conversation)
            try writer.insert(message: message)
        }

        #expect(try store.read { try $0.conversation(id: conversation.id, userID: bob.id) } == nil)
        #expect(try store.read { try $0.conversations(userID: bob.id, limit: 10, after: nil) }.isEmpty)
        #expect(try store.read { try $0.messages(conversationID: conversation.id, userID: bob.id, last: nil) }.isEmpty)
        var stolen = conversation
        stolen.userID = bob.id
        stolen.title = "Taken"
        #expect(try store.write { try $0.update(conversation: stolen) } == false)
        #expect(try store.write { try $0.deleteConversation(id: conversation.id, userID: bob.id) } == false)
        #expect(try store.read { try $0.conversation(id: conversation.id, userID: ada.id) }?.title == "Mine")

        #expect(try store.write { try $0.deleteConversation(id: conversation.id, userID: ada.id) })
        #expect(try store.read { try $0.conversation(id: conversation.id, userID: ada.id) } == nil)
        #expect(try store.read { try $0.messages(conversationID: conversation.id, userID: ada.id, last: nil) }.isEmpty)
        #expect(try store.write { try $0.deleteConversation(id: conversation.id, userID: ada.id) } == false)
    }

    static func messagePositionsAreUnique(_ store: any Store) throws {
        let ada = try StoreFixtures.insertUser(store, "ada@example.com")
        let conversation = Conversation(
            id: StoreFixtures.ids.next(), userID: ada.id, title: "Race", createdAt: StoreFixtures.epoch,
            updatedAt: StoreFixtures.epoch)
        func message(_ text: String) -> ConversationMessage {
            ConversationMessage(
                id: StoreFixtures.ids.next(), conversationID: conversation.id, position: 0, role: .user, text: text,
                createdAt: StoreFixtures.epoch)
        }
        try store.write { writer in
            try writer.insert(conversation: conversation)
            try writer.insert(message: message("first"))
        }

        expectAppError(.conflict, "message_position_taken") {
            try store.write { try $0.insert(message: message("second")) }
        }
        #expect(
            try store.read { try $0.messages(conversationID: conversation.id, userID: ada.id, last: nil) }.map(\.text)
                == ["first"])
    }

    static func conversationPagesVisitEachOnceNewestFirst(_ store: any Store) throws {
        let ada = try StoreFixtures.insertUser(store, "ada@example.com")
        // Seven conversations, three of them updated at the same instant, so ties need the id.
        let updates = [5, 1, 3, 3, 3, 7, 2]
        let conversations = updates.map { minutes in
            Conversation(
                id: StoreFixtures.ids.next(), userID: ada.id, title: "At \(minutes)", createdAt: StoreFixtures.epoch,
                updatedAt: StoreFixtures.at(minutes: minutes))
        }
        try store.write { writer in
            for conversation in conversations { try writer.insert(conversation: conversation) }
        }

        var seen: [Conversation] = []
        var cursor: ConversationCursor?
        repeat {
            let page = try store.read { try $0.conversations(userID: ada.id, limit: 2, after: cursor) }
            #expect(page.count <= 2)
            seen += page
            cursor = page.count == 2 ? page.last.map { ConversationCursor(updatedAt: $0.updatedAt, id: $0.id) } : nil
        } while cursor != nil

        let expected = conversations.sorted { ($0.updatedAt, $0.id) > ($1.updatedAt, $1.id) }
        #expect(seen == expected)
    }
}
