import Foundation

/// One reminder in the notification service's durable schedule: a task's reminder at the instant
/// it fires, with what the notification will say.
public struct ScheduledReminder: Sendable, Equatable {
    public enum Status: String, Sendable {
        /// Waiting for its time (or for the end of quiet hours).
        case pending
        /// Taken by a service instance, which holds a lease until `leaseUntil`.
        case claimed
        /// Sent: a notification exists.
        case delivered
        /// Due too long ago when the service saw it (down for longer than the missed limit).
        case missed
        /// Fell inside quiet hours under the drop policy.
        case dropped
    }

    /// `<task id>@<fire time in Unix milliseconds>` (``id(taskID:fireAt:)``): the same reminder at the
    /// same time is one entry however often it is rescheduled, and a reminder that moved is a new one.
    public var id: String
    public var userID: String
    public var taskID: String
    /// The task version whose reminders this entry came from.
    public var taskVersion: Int
    public var title: String
    public var dueAt: Date?
    /// When the reminder was meant to fire.
    public var fireAt: Date
    /// When it may be delivered: `fireAt`, or later when quiet hours pushed it back.
    public var deliverAt: Date
    public var status: Status
    /// Deliveries tried; a claim whose lease ran out counts as one.
    public var attempts: Int
    /// The correlation id of the change that scheduled it, carried into the delivery.
    public var correlationID: String?

    public init(
        id: String, userID: String, taskID: String, taskVersion: Int, title: String, dueAt: Date?, fireAt: Date,
        deliverAt: Date? = nil, status: Status = .pending, attempts: Int = 0, correlationID: String? = nil
    ) {
        self.id = id
        self.userID = userID
        self.taskID = taskID
        self.taskVersion = taskVersion
        self.title = title
        self.dueAt = dueAt
        self.fireAt = fireAt
        self.deliverAt = deliverAt ?? fireAt
        self.status = status
        self.attempts = attempts
        self.correlationID = correlationID
    }
}

extension ScheduledReminder {
    public static func id(taskID: String, fireAt: Date) -> String {
        "\(taskID)@\(fireAt.millisecondsSince1970)"
    }
}

/// How many reminders wait, and how many of those are past their time: `/health/ready` details.
public struct ReminderBacklog: Sendable, Equatable {
    public var pending: Int
    public var late: Int

    public init(pending: Int, late: Int) {
        self.pending = pending
        self.late = late
    }
}
