import Foundation
import TodoCore

extension PostgresTransaction {
    /// The outbox: the messages go straight into the log tables of this database, in this
    /// transaction. Timestamps come from the system clock. A topic that was never created fails
    /// the whole change with a 503: the change is fine, the server's setup is not.
    func append(_ messages: [OutgoingMessage]) throws {
        guard !messages.isEmpty else { return }
        do {
            try connection.appendMessages(messages, at: SystemTimeSource().now)
        } catch let error as AppError where error.code == AppError.unknownTopic("").code {
            throw AppError.unavailable(
                "The event log is not ready; try again shortly", code: "event_log_not_ready",
                context: error.message)
        }
        appendedMessages += messages.count
    }

    func markProcessed(group: String, eventID: String) throws -> Bool {
        try connection.markProcessed(group: group, eventID: eventID, at: SystemTimeSource().now)
    }
}
