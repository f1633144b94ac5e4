import Foundation

extension TaskChanges {
    /// Reads `due_at` and `due_date`; at most one of them may be non-null. Returns the update for
    /// `due`, or nil when neither was sent or the input was invalid.
    static func parseDue(_ object: [String: JSONValue], into problems: inout ValidationErrors) -> Due?? {
        let instantValue = object["due_at"]
        let dateValue = object["due_date"]
        guard instantValue != nil || dateValue != nil else { return nil }

        var instant: Date?
        var date: CalendarDate?
        var valid = true
        if let value = instantValue, !value.isNull {
            if let text = value.stringValue, let parsed = RFC3339.parse(text) {
                instant = parsed
            } else {
                problems.add(
                    "due_at", code: "invalid_datetime",
                    "due_at must be an RFC 3339 date-time with an offset, such as 2026-03-03T09:00:00+01:00")
                valid = false
            }
        }
        if let value = dateValue, !value.isNull {
            if let text = value.stringValue, let parsed = CalendarDate(text) {
                date = parsed
            } else {
                problems.add("due_date", code: "invalid_date", "due_date must be a calendar date such as 2026-03-03")
                valid = false
            }
        }
        guard valid else { return nil }

        if instant != nil, date != nil {
            problems.add("due_at", code: "conflict", "Send either due_at or due_date, not both")
            return nil
        }
        if let instant { return .some(.instant(instant)) }
        if let date { return .some(.allDay(date)) }
        // Only nulls were sent: the task no longer has a due time.
        return .some(nil)
    }

    static func parseRecurrence(_ value: JSONValue, into problems: inout ValidationErrors) -> String?? {
        if value.isNull { return .some(nil) }
        guard let text = value.stringValue else {
            problems.add("recurrence", code: "invalid_type", "recurrence must be an RRULE string or null")
            return nil
        }
        switch RecurrenceRule.parse(text) {
        case .success(let rule): return .some(rule.text)
        case .failure(let problem):
            problems.add("recurrence", code: "invalid_rrule", problem.message)
            return nil
        }
    }

    /// Returns `.some(nil)` for null (the default mode), nil when invalid.
    static func parseRecurrenceMode(_ value: JSONValue, into problems: inout ValidationErrors) -> RecurrenceMode?? {
        if value.isNull { return .some(nil) }
        guard let text = value.stringValue, let mode = RecurrenceMode(rawValue: text.lowercased()) else {
            let names = RecurrenceMode.allCases.map(\.rawValue).joined(separator: " or ")
            problems.add("recurrence_mode", code: "invalid_value", "recurrence_mode must be \(names)")
            return nil
        }
        return .some(mode)
    }

    static func parseReminders(_ value: JSONValue, into problems: inout ValidationErrors) -> [Reminder]? {
        if value.isNull { return [] }
        guard let items = value.arrayValue else {
            problems.add("reminders", code: "invalid_type", "reminders must be an array")
            return nil
        }
        if items.count > Reminder.maximumCount {
            problems.add("reminders", code: "too_many", "A task has at most \(Reminder.maximumCount) reminders")
            return nil
        }

        var reminders: [Reminder] = []
        var valid = true
        for (index, item) in items.enumerated() {
            let field = "reminders[\(index)]"
            guard let object = item.objectValue, object.count == 1 else {
                problems.add(
                    field, code: "invalid_reminder", #"A reminder is {"at": date-time} or {"minutes_before": n}"#)
                valid = false
                continue
            }
            if let at = object["at"] {
                if let text = at.stringValue, let instant = RFC3339.parse(text) {
                    reminders.append(.at(instant))
                } else {
                    problems.add(field + ".at", code: "invalid_datetime", "at must be an RFC 3339 date-time")
                    valid = false
                }
            } else if let minutes = object["minutes_before"] {
                if let count = minutes.intValue, (0...Reminder.maximumMinutesBefore).contains(count) {
                    reminders.append(.before(minutes: count))
                } else {
                    problems.add(
                        field + ".minutes_before", code: "invalid_value",
                        "minutes_before must be a whole number from 0 to \(Reminder.maximumMinutesBefore)")
                    valid = false
                }
            } else {
                problems.add(
                    field, code: "invalid_reminder", #"A reminder is {"at": date-time} or {"minutes_before": n}"#)
                valid = false
            }
        }
        return valid ? Array(Set(reminders)).sorted(by: Reminder.displayOrder) : nil
    }
}

extension Reminder {
    /// Offsets first (largest first), then instants (earliest first); the order reminders are shown in.
    static func displayOrder(_ lhs: Reminder, _ rhs: Reminder) -> Bool {
        switch (lhs, rhs) {
        case (.before(let left), .before(let right)): left > right
        case (.before, .at): true
        case (.at, .before): false
        case (.at(let left), .at(let right)): left < right
        }
    }
}
