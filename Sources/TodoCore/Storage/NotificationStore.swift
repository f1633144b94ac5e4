import Foundation

/// Notification queries inside a transaction: the reminder schedule, delivered notifications,
/// preferences and webhook deliveries. Part of ``StoreReader``.
public protocol NotificationReader {
    /// Pending or claimed reminders, and those of them whose `deliverAt` is more than
    /// `lateAfter` seconds before `now`.
    func reminderBacklog(now: Date, lateAfter: TimeInterval) throws -> ReminderBacklog
    /// The earliest moment a reminder may need work: the soonest `deliverAt` of a pending entry or
    /// lease end of a claimed one; nil when nothing waits.
    func nextReminderWake() throws -> Date?
    /// The user's notifications, newest first; `before` is the id of the last one of the previous page.
    func notifications(userID: String, unreadOnly: Bool, limit: Int, before: String?) throws -> [UserNotification]
    /// One of the user's notifications; nil for another user's.
    func notification(id: String, userID: String) throws -> UserNotification?
    func notificationPreferences(userID: String) throws -> NotificationPreferences?
    /// The webhook deliveries of one notification, with their attempts so far.
    func webhookDeliveries(notificationID: String) throws -> [WebhookDelivery]
}

/// Notification changes inside a transaction. Part of ``StoreWriter``.
///
/// Claims are leases: a claimed entry belongs to `owner` until `leaseUntil`; when the lease runs
/// out (the owner crashed mid-delivery) the next claim takes it again. Two instances never hold
/// the same entry at once: on SQLite the single writer serializes claims, on Postgres they use
/// row locks that skip what another transaction holds.
public protocol NotificationWriter {
    /// Replaces the task's not-yet-delivered reminders with `entries`, unless a newer version of
    /// the task was applied already; returns false (changing nothing) for such a stale version.
    /// An empty `entries` cancels them.
    func replaceReminders(taskID: String, version: Int, with entries: [ScheduledReminder]) throws -> Bool
    /// Claims up to `limit` entries whose `deliverAt` ≤ `now` — pending ones, and claimed ones whose
    /// lease ended — for `owner` until `leaseUntil`, counting an attempt on each.
    func claimDueReminders(now: Date, owner: String, leaseUntil: Date, limit: Int) throws -> [ScheduledReminder]
    /// Ends `owner`'s claim with `status` (`delivered`, `missed`, `dropped`); false when the claim
    /// was lost (its lease ran out and another owner took it).
    func finishReminder(id: String, owner: String, status: ScheduledReminder.Status) throws -> Bool
    /// Ends `owner`'s claim by making the entry pending again until `until` (quiet hours).
    func deferReminder(id: String, owner: String, until: Date) throws -> Bool

    /// Throws `conflict` (`already_delivered`) when the reminder already has a notification.
    func insert(notification: UserNotification) throws
    /// False when the user has no such notification.
    func markNotificationRead(id: String, userID: String, at: Date) throws -> Bool
    func save(preferences: NotificationPreferences) throws

    func insert(webhookDelivery: WebhookDelivery) throws
    /// Takes up to `limit` pending deliveries whose next attempt is due, moving their next attempt
    /// to `leaseUntil` so that no other instance takes them meanwhile.
    func claimDueWebhookDeliveries(now: Date, leaseUntil: Date, limit: Int) throws -> [WebhookDelivery]
    /// Records one attempt (status code or error) and the delivery's new state.
    func recordWebhookAttempt(
        _ delivery: WebhookDelivery, statusCode: Int?, error: String?, at: Date
    ) throws
}
