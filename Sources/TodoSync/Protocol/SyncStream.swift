import TodoCore

/// The topics a client's stream is made of. Each has its own position (a partition and offset of
/// that topic); a letter tags it in positions (`u1:43`, `n1:7`).
public enum SyncStream: String, Sendable, CaseIterable, Comparable {
    /// `task-updates`: task changes and deletions.
    case taskUpdates = "u"
    /// `notifications`: reminders delivered in the app.
    case notifications = "n"

    public var topic: String {
        switch self {
        case .taskUpdates: EventTopics.taskUpdates
        case .notifications: EventTopics.notifications
        }
    }

    /// The stream of a topic, if it is one.
    public init?(topic: String) {
        guard let stream = Self.allCases.first(where: { $0.topic == topic }) else { return nil }
        self = stream
    }

    public static func < (lhs: SyncStream, rhs: SyncStream) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
