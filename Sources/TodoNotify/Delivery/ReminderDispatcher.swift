import Foundation
import TodoCore
import TodoLogging

/// Delivers the reminders that are due: claims them (a lease in storage), then for each decides —
/// missed, held by quiet hours, or delivered — and records the outcome in one transaction with
/// its effects: the notification row, the in-app event, the webhook delivery to make.
///
/// A crash after the claim and before that transaction commits leaves the claim to run out; the
/// next claim (by this or another instance) delivers it then: one retry, never a second
/// notification, because the outcome and the notification commit together.
public struct ReminderDispatcher: Sendable {
    let store: any Store
    let clock: any TimeSource
    let ids: any IDGenerator
    let policy: NotificationPolicy
    /// Identifies this instance's claims.
    let owner: String
    let logger: Logger

    public init(
        store: any Store, clock: any TimeSource, ids: any IDGenerator, policy: NotificationPolicy, owner: String,
        logger: Logger
    ) {
        self.store = store
        self.clock = clock
        self.ids = ids
        self.policy = policy
        self.owner = owner
        self.logger = logger
    }

    /// What one pass did.
    public struct Outcome: Sendable, Equatable {
        public var delivered = 0
        public var late = 0
        public var deferred = 0
        public var dropped = 0
        public var missed = 0
        /// Lateness (delivery time minus fire time) of each delivered reminder, in seconds.
        public var lateness: [TimeInterval] = []

        public init() {}
    }

    /// Handles every reminder due at the clock's now, in batches of `batchSize`.
    @discardableResult
    public func runDue(batchSize: Int = 200) throws -> Outcome {
        var outcome = Outcome()
        while true {
            let now = clock.now
            let claimed = try store.write { transaction in
                try transaction.claimDueReminders(
                    now: now, owner: owner, leaseUntil: now.addingTimeInterval(policy.lease), limit: batchSize)
            }
            for reminder in claimed { try handle(reminder, outcome: &outcome) }
            if claimed.count < batchSize { return outcome }
        }
    }

    private func handle(_ reminder: ScheduledReminder, outcome: inout Outcome) throws {
        let now = clock.now
        let lateness = now.timeIntervalSince(reminder.fireAt)
        let reminderLogger = logger.with(LogKey.taskID, reminder.taskID).with(LogKey.userID, reminder.userID)
            .with(LogKey.correlationID, reminder.correlationID ?? "-")

        // Missed counts from when delivery was allowed, so quiet hours do not turn a held reminder
        // into a missed one; lateness counts from the reminder's own time.
        if now.timeIntervalSince(reminder.deliverAt) > policy.missedAfter {
            if try store.write({ try $0.finishReminder(id: reminder.id, owner: owner, status: .missed) }) {
                outcome.missed += 1
                reminderLogger.info("Reminder missed", ["late_s": String(Int(lateness))])
            }
            return
        }

        let (user, preferences) = try store.read { reader in
            (try reader.user(id: reminder.userID), try reader.notificationPreferences(userID: reminder.userID))
        }
        guard let user else {
            _ = try store.write { try $0.finishReminder(id: reminder.id, owner: owner, status: .dropped) }
            return
        }
        let settings = preferences ?? NotificationPreferences(userID: user.id)

        if let quietEnd = user.quietHours?.end(containing: now, in: user.timeZone) {
            switch settings.quietPolicy {
            case .deliverAtEnd:
                if try store.write({ try $0.deferReminder(id: reminder.id, owner: owner, until: quietEnd) }) {
                    outcome.deferred += 1
                }
            case .drop:
                if try store.write({ try $0.finishReminder(id: reminder.id, owner: owner, status: .dropped) }) {
                    outcome.dropped += 1
                }
            }
            return
        }

        guard try deliver(reminder, to: user, preferences: settings, at: now) else { return }
        outcome.delivered += 1
        outcome.lateness.append(lateness)
        if lateness > policy.lateAfter { outcome.late += 1 }
    }

    /// The notification, its in-app event and its webhook delivery, with the claim's end, in one
    /// transaction; false when the claim was lost meanwhile (nothing is written then).
    private func deliver(
        _ reminder: ScheduledReminder, to user: User, preferences: NotificationPreferences, at now: Date
    ) throws -> Bool {
        let notification = UserNotification(
            id: ids.next(), userID: user.id, taskID: reminder.taskID, reminderID: reminder.id, title: reminder.title,
            dueAt: reminder.dueAt, fireAt: reminder.fireAt, deliveredAt: now,
            late: now.timeIntervalSince(reminder.fireAt) > policy.lateAfter)
        let body = NotificationJSON.encode(notification)

        do {
            try store.write { transaction in
                guard try transaction.finishReminder(id: reminder.id, owner: owner, status: .delivered) else {
                    throw LostClaim()
                }
                try transaction.insert(notification: notification)
                if user.notificationChannels.contains(.inApp) {
                    try transaction.append([
                        NotificationJSON.event(
                            notification, body: body, id: ids.next(), correlationID: reminder.correlationID)
                    ])
                }
                if preferences.webhookEnabled, let url = preferences.webhookURL {
                    try transaction.insert(
                        webhookDelivery: WebhookDelivery(
                            id: ids.next(), notificationID: notification.id, userID: user.id, url: url, body: body,
                            nextAttemptAt: now))
                }
            }
        } catch is LostClaim {
            return false
        }
        logger.info(
            "Reminder delivered",
            [
                LogKey.taskID: reminder.taskID, LogKey.userID: user.id, "late": String(notification.late),
                LogKey.correlationID: reminder.correlationID ?? "-",
            ])
        return true
    }
}

/// The claim ran out and another instance took the reminder: roll back, deliver nothing.
private struct LostClaim: Error {}
