import Foundation

/// Where a page of conversations ended: the last one's `updatedAt` and id. The next page holds
/// the conversations updated earlier (or at the same moment with a smaller id).
public struct ConversationCursor: Sendable, Equatable {
    public var updatedAt: Date
    public var id: String

    public init(updatedAt: Date, id: String) {
        self.updatedAt = updatedAt
        self.id = id
    }

    /// The opaque form the API hands out: `<milliseconds>.<id>`.
    public var token: String { "\(updatedAt.millisecondsSince1970).\(id)" }

    /// Reads ``token``; nil for anything else.
    public init?(token: String) {
        guard let dot = token.firstIndex(of: "."), let millis = Int64(token[..<dot]) else { return nil }
        let id = String(token[token.index(after: dot)...])
        guard !id.isEmpty else { return nil }
        self.init(updatedAt: Date(millisecondsSince1970: millis), id: id)
    }
}
