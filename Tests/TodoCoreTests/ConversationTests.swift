import Foundation
import Testing
import TodoCore

@Suite struct ConversationTests {
    @Test func theTitle_isTheFirstLineCutAtAWordWithinTheLimit() {
        #expect(Conversation.title(from: "  add buy milk \nand more") == "add buy milk")
        let long = String(repeating: "remember ", count: 20)
        let title = Conversation.title(from: long)
        #expect(title.count <= Conversation.maximumTitleLength)
        #expect(title.hasSuffix("remember…"))
        #expect(Conversation.title(from: String(repeating: "x", count: 100)).count == Conversation.maximumTitleLength)
    }

    @Test func aCursorToken_roundTripsAndRejectsAnythingElse() {
        let cursor = ConversationCursor(updatedAt: Date(millisecondsSince1970: 1_796_000_000_123), id: "0190-ab.c")
        #expect(ConversationCursor(token: cursor.token) == cursor)
        for bad in ["", "nonsense", "12.", ".abc", "x1.abc"] { #expect(ConversationCursor(token: bad) == nil) }
    }
}
