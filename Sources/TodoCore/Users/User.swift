import Foundation

/// An account. The password hash is not part of it: only the account service ever sees that.
public struct User: Sendable, Equatable {
    public var id: String
    /// Lowercased and trimmed; unique.
    public var email: String
    public var name: String?
    /// An IANA timezone identifier such as `Europe/Berlin`.
    public var timeZoneID: String
    public var quietHours: QuietHours?
    public var notificationChannels: [NotificationChannel]
    public var createdAt: Date
    public var updatedAt: Date

    public init(
        id: String, email: String, name: String? = nil, timeZoneID: String = "UTC", quietHours: QuietHours? = nil,
        notificationChannels: [NotificationChannel] = [.inApp], createdAt: Date, updatedAt: Date
    ) {
        self.id = id
        self.email = email
        self.name = name
        self.timeZoneID = timeZoneID
        self.quietHours = quietHours
        self.notificationChannels = notificationChannels
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }

    /// The user's timezone; an identifier that no longer resolves falls back to UTC.
    public var timeZone: TimeZone {
        TimeZone(identifier: timeZoneID) ?? TimeZone(identifier: "UTC")!
    }
}

/// Where a user wants to hear about reminders.
public enum NotificationChannel: String, Sendable, CaseIterable {
    case inApp = "in_app"
    case browser
}

/// A daily window in the user's local time during which reminders wait. `start` after `end`
/// means the window crosses midnight (22:00–07:00).
public struct QuietHours: Sendable, Equatable {
    public var start: LocalTime
    public var end: LocalTime

    public init(start: LocalTime, end: LocalTime) {
        self.start = start
        self.end = end
    }
}

/// A wall-clock time of day, `HH:MM`.
public struct LocalTime: Sendable, Hashable, CustomStringConvertible {
    public let hour: Int
    public let minute: Int

    public init?(hour: Int, minute: Int) {
        guard (0..<24).contains(hour), (0..<60).contains(minute) else { return nil }
        self.hour = hour
        self.minute = minute
    }

    /// Parses exactly `HH:MM` (24-hour clock).
    public init?(_ text: String) {
        let bytes = Array(text.utf8)
        guard bytes.count == 5, bytes[2] == UInt8(ascii: ":"), let hour = Digits.parse(bytes[0..<2]),
            let minute = Digits.parse(bytes[3..<5])
        else { return nil }
        self.init(hour: hour, minute: minute)
    }

    public var description: String { Digits.pad(hour, 2) + ":" + Digits.pad(minute, 2) }
}
