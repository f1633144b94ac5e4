import Foundation
import TodoCore

/// How a ``User`` maps to a `users` row.
enum UserColumns {
    static let select = """
        SELECT id, email, name, timezone, quiet_start, quiet_end, notification_channels, created_at, updated_at, \
        password_hash FROM users
        """

    /// Values for `id, email, name, timezone, quiet_start, quiet_end, notification_channels,
    /// created_at, updated_at`, in that order.
    static func values(of user: User) -> [SQLiteValue] {
        [
            .text(user.id), .text(user.email), .text(user.name), .text(user.timeZoneID),
            .text(user.quietHours?.start.description), .text(user.quietHours?.end.description),
            .text(user.notificationChannels.map(\.rawValue).joined(separator: ",")),
            .integer(user.createdAt.millisecondsSince1970), .integer(user.updatedAt.millisecondsSince1970),
        ]
    }

    /// Reads a row selected by ``select``.
    static func credentials(from row: SQLiteStatement) throws -> UserCredentials {
        let id = row.text(0)
        var quietHours: QuietHours?
        if let startText = row.optionalText(4), let endText = row.optionalText(5) {
            guard let start = LocalTime(startText), let end = LocalTime(endText) else {
                throw AppError.internal("decode user \(id): invalid quiet hours")
            }
            quietHours = QuietHours(start: start, end: end)
        }
        let channels = row.text(6).split(separator: ",").compactMap { NotificationChannel(rawValue: String($0)) }

        let user = User(
            id: id, email: row.text(1), name: row.optionalText(2), timeZoneID: row.text(3), quietHours: quietHours,
            notificationChannels: channels, createdAt: Date(millisecondsSince1970: row.int64(7)),
            updatedAt: Date(millisecondsSince1970: row.int64(8)))
        return UserCredentials(user: user, passwordHash: row.text(9))
    }
}
