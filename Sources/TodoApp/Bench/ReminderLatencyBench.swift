import Foundation
import TodoBackend
import TodoCore
import TodoLogging
import TodoNotify

/// `bench reminders`: how late reminders are delivered when many fall due in the same minute. It
/// creates `count` tasks through `TaskService`, each with a reminder at an instant spread evenly
/// over one minute that starts once the schedule is in place, runs the notification service as
/// `serve notification` does (its consumer, scheduler and claims, on the system clock), and
/// reads each notification's delivery time against its fire time.
struct ReminderLatencyBench {
    let composition: Composition
    let count: Int

    func run() throws -> [Double] {
        let service = NotificationService(
            store: composition.store, log: composition.eventLog, clock: SystemTimeSource(), ids: composition.ids,
            policy: composition.settings.notificationPolicy, instanceID: "bench", logger: composition.logger)
        let user = try composition.backend.accounts.signUp(
            SignUpInput.parse(
                .object(["email": "reminders@bench.invalid", "password": "bench-password-reminders", "timezone": "UTC"])
            )
        ).user

        // Fire times start after setup: creating the tasks and scheduling take a few seconds.
        let start = Date().addingTimeInterval(max(10, Double(count) / 500))
        for index in 0..<count {
            let fireAt = start.addingTimeInterval(60 * Double(index) / Double(count))
            let changes = try TaskChanges.parse(
                .object([
                    "title": .string("Reminder \(index)"),
                    "due_at": .string(RFC3339.format(start.addingTimeInterval(3600))),
                    "reminders": [["at": .string(RFC3339.format(fireAt))]],
                ]), mode: .create)
            _ = try composition.backend.tasks.create(for: user, changes)
        }
        guard Date() < start else {
            throw CLIError.failure("Setup took longer than the head start; use fewer reminders")
        }
        try service.start()
        defer { service.stop() }

        let deadline = start.addingTimeInterval(120)
        var delivered: [UserNotification] = []
        while Date() < deadline {
            Thread.sleep(forTimeInterval: 0.5)
            delivered = try allNotifications(of: user)
            if delivered.count >= count { break }
        }
        return delivered.map { $0.deliveredAt.timeIntervalSince($0.fireAt) * 1000 }
    }

    private func allNotifications(of user: User) throws -> [UserNotification] {
        var all: [UserNotification] = []
        var before: String?
        while true {
            let page = try composition.store.read {
                try $0.notifications(userID: user.id, unreadOnly: false, limit: 200, before: before)
            }
            all += page
            guard page.count == 200 else { return all }
            before = page.last?.id
        }
    }
}
