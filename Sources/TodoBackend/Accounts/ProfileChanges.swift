import Foundation
import TodoCore

/// A validated `PATCH /api/me`: only the fields sent change.
public struct ProfileChanges: Sendable {
    public var name: FieldUpdate<String?> = .unchanged
    public var timeZoneID: FieldUpdate<String> = .unchanged
    public var quietHours: FieldUpdate<QuietHours?> = .unchanged
    public var notificationChannels: FieldUpdate<[NotificationChannel]> = .unchanged

    public static let maximumNameLength = 200

    public static func parse(_ json: JSONValue) throws(AppError) -> ProfileChanges {
        let object = try ValidationErrors.object(json)
        var problems = ValidationErrors()
        var changes = ProfileChanges()
        let known: Set<String> = ["name", "timezone", "quiet_hours_start", "quiet_hours_end", "notification_channels"]
        let readOnly: Set<String> = ["id", "email", "created_at", "updated_at"]
        problems.addUnknownFields(of: object, known: known.union(readOnly))

        if let value = object["name"], let name = parseName(value, into: &problems) {
            changes.name = .set(name)
        }
        if let value = object["timezone"], let zone = parseTimeZone(value, into: &problems) {
            changes.timeZoneID = .set(zone)
        }
        if let quiet = parseQuietHours(object, into: &problems) {
            changes.quietHours = .set(quiet)
        }
        if let value = object["notification_channels"], let channels = parseChannels(value, into: &problems) {
            changes.notificationChannels = .set(channels)
        }

        try problems.throwIfAny()
        return changes
    }

    func apply(to user: inout User) {
        if case .set(let name) = name { user.name = name }
        if let zone = timeZoneID.value { user.timeZoneID = zone }
        if case .set(let quiet) = quietHours { user.quietHours = quiet }
        if let channels = notificationChannels.value { user.notificationChannels = channels }
    }

    /// Returns `.some(nil)` to clear the name; nil when absent or invalid.
    static func parseName(_ value: JSONValue?, into problems: inout ValidationErrors) -> String?? {
        guard let value else { return nil }
        if value.isNull { return .some(nil) }
        guard let raw = value.stringValue else {
            problems.add("name", code: "invalid_type", "name must be a string or null")
            return nil
        }
        let name = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        if !name.fits(characters: maximumNameLength) {
            problems.add(
                "name", code: "too_long",
                "name has at most \(maximumNameLength) characters (and 8 code points per character)")
            return nil
        }
        if name.unicodeScalars.contains(where: \.isControlCode) {
            problems.add("name", code: "invalid_characters", "name cannot contain control characters")
            return nil
        }
        return .some(name.isEmpty ? nil : name)
    }

    /// An IANA identifier, kept as spelled when it is canonical (so "UTC" stays "UTC").
    static func parseTimeZone(_ value: JSONValue, into problems: inout ValidationErrors) -> String? {
        // Foundation's list of known identifiers is ICU's canonical set, which lacks current IANA
        // names such as Asia/Kolkata; any Area/Location name the tz database resolves is accepted.
        let known = TimeZone.knownTimeZoneIdentifiers
        if let identifier = value.stringValue, identifier.utf8.count <= 64, TimeZone(identifier: identifier) != nil,
            known.contains(identifier) || identifier == "UTC" || identifier.contains("/")
        {
            return identifier
        }
        problems.add("timezone", code: "invalid_timezone", "timezone must be an IANA timezone such as Europe/Berlin")
        return nil
    }

    /// Both ends are set together, or both cleared with null.
    static func parseQuietHours(_ object: [String: JSONValue], into problems: inout ValidationErrors) -> QuietHours?? {
        let startValue = object["quiet_hours_start"]
        let endValue = object["quiet_hours_end"]
        guard startValue != nil || endValue != nil else { return nil }
        if startValue?.isNull == true, endValue?.isNull == true { return .some(nil) }

        var times: [LocalTime] = []
        for (field, value) in [("quiet_hours_start", startValue), ("quiet_hours_end", endValue)] {
            guard let text = value?.stringValue, let time = LocalTime(text) else {
                problems.add(
                    field, code: "invalid_time",
                    "\(field) must be HH:MM (24-hour); set both ends together, or both to null")
                continue
            }
            times.append(time)
        }
        guard times.count == 2 else { return nil }
        if times[0] == times[1] {
            problems.add("quiet_hours_end", code: "empty_window", "Quiet hours must start and end at different times")
            return nil
        }
        return .some(QuietHours(start: times[0], end: times[1]))
    }

    static func parseChannels(_ value: JSONValue, into problems: inout ValidationErrors) -> [NotificationChannel]? {
        let names = NotificationChannel.allCases.map(\.rawValue).joined(separator: ", ")
        guard let items = value.arrayValue else {
            problems.add("notification_channels", code: "invalid_type", "notification_channels must be an array")
            return nil
        }
        var channels: [NotificationChannel] = []
        for (index, item) in items.enumerated() {
            guard let name = item.stringValue, let channel = NotificationChannel(rawValue: name) else {
                problems.add(
                    "notification_channels[\(index)]", code: "invalid_value", "A channel is one of \(names)")
                return nil
            }
            if !channels.contains(channel) { channels.append(channel) }
        }
        return channels
    }
}
