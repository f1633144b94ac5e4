import Foundation

/// How every SQL store keeps the list fields of a ``TodoTask`` in one text column each, so that the
/// adapters read each other's rows the same way.
///
/// - Tags: the display names in order, joined by U+001F (a separator no tag can contain).
/// - Reminders: a comma list of `a:<ms>` (at an instant) and `b:<minutes>` (before due).
public enum TaskFieldCoding {
    public static let tagSeparator: Character = "\u{1F}"

    public static func encode(tags: [String]) -> String {
        tags.joined(separator: String(tagSeparator))
    }

    public static func decodeTags(_ text: String) -> [String] {
        text.isEmpty ? [] : text.split(separator: tagSeparator).map(String.init)
    }

    public static func encode(reminders: [Reminder]) -> String {
        reminders.map { reminder in
            switch reminder {
            case .at(let instant): "a:\(instant.millisecondsSince1970)"
            case .before(let minutes): "b:\(minutes)"
            }
        }.joined(separator: ",")
    }

    /// Throws `internal` naming the task when the text was not written by ``encode(reminders:)``.
    public static func decodeReminders(_ text: String, taskID: String) throws -> [Reminder] {
        try text.split(separator: ",").map { item in
            if item.hasPrefix("a:"), let millis = Int64(item.dropFirst(2)) {
                return .at(Date(millisecondsSince1970: millis))
            }
            if item.hasPrefix("b:"), let minutes = Int(item.dropFirst(2)) {
                return .before(minutes: minutes)
            }
            throw AppError.internal("decode task \(taskID): invalid reminder '\(item)'")
        }
    }
}
