/// The topics of the product. Keys are user ids, so each user's events stay in order.
public enum EventTopics {
    /// Every task change (`…task.created|updated|completed|reopened|deleted`).
    public static let taskEvents = "task-events"
    /// What live clients need to refresh.
    public static let taskUpdates = "task-updates"
    /// Reminder scheduled or cancelled.
    public static let reminders = "reminders"
    /// Notifications delivered in the app, for the WebSocket service to push to the user's tabs.
    public static let notifications = "notifications"

    /// The dead-letter topic of `topic`: where a consumer puts what it cannot process.
    public static func deadLetter(_ topic: String) -> String {
        topic + ".dlq"
    }

    /// Every topic and its dead-letter topic, each with `partitions` partitions.
    public static func standard(partitions: Int) -> [TopicSpec] {
        [taskEvents, taskUpdates, reminders, notifications].flatMap { topic in
            [
                TopicSpec(name: topic, partitions: partitions),
                TopicSpec(name: deadLetter(topic), partitions: partitions),
            ]
        }
    }
}
