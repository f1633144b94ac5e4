import Foundation
import TodoCore

/// The columns of `reminder_schedule` in the order ``reminders(from:)`` reads them.
enum ReminderColumns {
    static let names =
        "id, user_id, task_id, task_version, title, due_at, fire_at, deliver_at, status, attempts, correlation_id"

    static func reminders(from result: PostgresResult) throws -> [ScheduledReminder] {
        try (0..<result.rowCount).map { row in
            let statusText = result.text(row, 8)
            guard let status = ScheduledReminder.Status(rawValue: statusText) else {
                throw AppError.internal("read reminder: unknown status '\(statusText)'")
            }
            return ScheduledReminder(
                id: result.text(row, 0), userID: result.text(row, 1), taskID: result.text(row, 2),
                taskVersion: Int(try result.int64(row, 3)), title: result.text(row, 4),
                dueAt: try result.optionalInt64(row, 5).map(Date.init(millisecondsSince1970:)),
                fireAt: Date(millisecondsSince1970: try result.int64(row, 6)),
                deliverAt: Date(millisecondsSince1970: try result.int64(row, 7)), status: status,
                attempts: Int(try result.int64(row, 9)), correlationID: result.optionalText(row, 10))
        }
    }
}
