import Foundation
import TodoCore
import TodoEvents

/// Keeps the durable reminder schedule in step with the `reminders` topic: a `scheduled` event
/// replaces the task's pending reminders with the ones it lists, a `cancelled` event removes
/// them. Events of an older task version than one already applied change nothing, so order
/// problems across redeliveries cannot resurrect a cancelled reminder.
public struct ReminderEventHandler: Sendable {
    public init() {}

    public func handle(_ delivery: EventConsumer.Delivery, in transaction: any StoreWriter) throws {
        let data = delivery.event.data
        guard let taskID = data["task_id"]?.stringValue, let userID = data["user_id"]?.stringValue,
            let version = data["version"]?.intValue
        else {
            throw AppError(
                .badRequest, code: "malformed_event", message: "A reminders event lacks task_id, user_id or version")
        }

        switch delivery.event.type {
        case ReminderEventType.scheduled.rawValue:
            let entries = try Self.entries(
                of: data, taskID: taskID, userID: userID, version: version, correlationID: delivery.event.correlationID)
            _ = try transaction.replaceReminders(taskID: taskID, version: version, with: entries)
        case ReminderEventType.cancelled.rawValue:
            _ = try transaction.replaceReminders(taskID: taskID, version: version, with: [])
        default:
            // Types this version does not know are for someone else; nothing to do.
            return
        }
    }

    private static func entries(
        of data: JSONValue, taskID: String, userID: String, version: Int, correlationID: String?
    ) throws -> [ScheduledReminder] {
        let title = data["title"]?.stringValue ?? ""
        let dueAt = data["due_at"]?.stringValue.flatMap(RFC3339.parse)
        return try (data["reminders"]?.arrayValue ?? []).map { reminder in
            guard let fireAt = reminder["fire_at"]?.stringValue.flatMap(RFC3339.parse) else {
                throw AppError(.badRequest, code: "malformed_event", message: "A scheduled reminder lacks fire_at")
            }
            return ScheduledReminder(
                id: ScheduledReminder.id(taskID: taskID, fireAt: fireAt), userID: userID, taskID: taskID,
                taskVersion: version, title: title, dueAt: dueAt, fireAt: fireAt, correlationID: correlationID)
        }
    }
}
