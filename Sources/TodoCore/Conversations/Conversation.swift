import Foundation

/// One of a user's chat conversations: its messages are ``ConversationMessage``s, numbered from 0.
public struct Conversation: Sendable, Equatable {
    /// The longest title kept; a longer first message is cut at a word and ends in "…".
    public static let maximumTitleLength = 80

    public var id: String
    public var userID: String
    /// The first message, shortened; what the conversation list shows.
    public var title: String
    /// How many messages it holds, which is also the position the next one takes.
    public var messageCount: Int
    public var createdAt: Date
    public var updatedAt: Date

    public init(id: String, userID: String, title: String, messageCount: Int = 0, createdAt: Date, updatedAt: Date) {
        self.id = id
        self.userID = userID
        self.title = title
        self.messageCount = messageCount
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }

    /// A title from the first message: its first line, at most ``maximumTitleLength`` characters.
    public static func title(from message: String) -> String {
        let line = message.split(whereSeparator: \.isNewline).first.map(String.init) ?? message
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        guard trimmed.count > maximumTitleLength else { return trimmed }

        let cut = trimmed.prefix(maximumTitleLength - 1)
        let atWord = cut.lastIndex(of: " ").map { cut[..<$0] } ?? cut
        return atWord.trimmingCharacters(in: .whitespaces) + "…"
    }
}
