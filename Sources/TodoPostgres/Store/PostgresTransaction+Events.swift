import Foundation
import TodoCore

extension PostgresTransaction {
    /// The outbox: the messages go straight into the log tables of this database, in this
    /// transaction. Timestamps come from the system clock.
    func append(_ messages: [OutgoingMessage]) throws {
        guard !messages.isEmpty else { return }
        try connection.appendMessages(messages, at: SystemTimeSource().now)
        appendedMessages += messages.count
    }

    func markProcessed(group: String, eventID: String) throws -> Bool {
        try connection.markProcessed(group: group, eventID: eventID, at: SystemTimeSource().now)
    }
}
