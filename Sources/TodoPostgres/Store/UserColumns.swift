import Foundation
import TodoCore

/// How a ``User`` maps to a `users` row (instants as milliseconds since the epoch, like SQLite).
enum UserColumns {
    static let select = """
        SELECT id, email, name, timezone, quiet_start, quiet_end, notification_channels, created_at, updated_at, \
        password_hash FROM users
        """

    /// Values for `id, email, name, timezone, quiet_start, quiet_end, notification_channels,
    /// created_at, updated_at`, in that order.
    static func values(of user: User) -> [PostgresValue] {
        [
            .text(user.id), .text(user.email), .text(user.name), .text(user.timeZoneID),
            .text(user.quietHours?.start.description), .text(user.quietHours?.end.description),
            .text(user.notificationChannels.map(\.rawValue).joined(separator: ",")),
            .integer(user.createdAt.millisecondsSince1970), .integer(user.updatedAt.millisecondsSince1970),
        ]
    }

    /// Reads row `row` of a result selected by ``select``.
    static func credentials(from result: PostgresResult, row: Int) throws -> UserCredentials {
        let id = result.text(row, 0)
        var quietHours: QuietHours?
        if let startText = result.optionalText(row, 4), let endText = result.optionalText(row, 5) {
            guard let start = LocalTime(startText), let end = LocalTime(endText) else {
                throw AppError.internal("decode user \(id): invalid quiet hours")
            }
            quietHours = QuietHours(start: start, end: end)
        }
        let channels = result.text(row, 6).split(separator: ",").compactMap {
            NotificationChannel(rawValue: String($0))
        }

        let user = User(
            id: id, email: result.text(row, 1), name: result.optionalText(row, 2), timeZoneID: result.text(row, 3),
            quietHours: quietHours, notificationChannels: channels,
            createdAt: Date(millisecondsSince1970: try result.int64(row, 7)),
            updatedAt: Date(millisecondsSince1970: try result.int64(row, 8)))
        return UserCredentials(user: user, passwordHash: result.text(row, 9))
    }
}
