import TodoCore

/// Argument schemas shared by several task tools.
extension TaskToolbox {
    static let taskID = JSONSchema.Property(
        "task_id", .string("The task's id, as list_tasks or add_task returned it", maxLength: 100))

    static let title = JSONSchema.Property(
        "title", .string("A short title, such as \"Buy oat milk\"", maxLength: TaskChanges.maximumTitleLength))

    static func description(nullable: Bool) -> JSONSchema.Property {
        JSONSchema.Property(
            "description",
            .string(
                "Longer notes" + (nullable ? "; null removes them" : ""),
                maxLength: TaskChanges.maximumDescriptionLength, nullable: nullable))
    }

    static let priority = JSONSchema.Property(
        "priority", .string("How much the task matters", choices: Priority.allCases.map(\.rawValue)))

    static func tags(_ description: String, nullable: Bool = false) -> JSONSchema {
        .array(
            description, of: .string("A tag name without '#'", maxLength: Tag.maximumLength),
            maxItems: Tag.maximumCount, nullable: nullable)
    }

    static func dueDate(nullable: Bool) -> JSONSchema.Property {
        JSONSchema.Property(
            "due_date",
            .string(
                "An all-day due date, YYYY-MM-DD, in the user's timezone; send either due_date or due_at"
                    + (nullable ? "; null removes the due date" : ""),
                format: "date", nullable: nullable))
    }

    static func dueAt(nullable: Bool) -> JSONSchema.Property {
        JSONSchema.Property(
            "due_at",
            .string(
                "An exact due time, RFC 3339 with an offset (2026-03-10T09:00:00-04:00)"
                    + (nullable ? "; null removes the due date" : ""),
                format: "date-time", nullable: nullable))
    }

    static func recurrence(nullable: Bool) -> JSONSchema.Property {
        JSONSchema.Property(
            "recurrence",
            .string(
                "An RFC 5545 RRULE value such as FREQ=WEEKLY;BYDAY=MO (DAILY, WEEKLY, MONTHLY or YEARLY)"
                    + (nullable ? "; null stops the task repeating" : ""),
                maxLength: 500, nullable: nullable))
    }

    static let minutesBefore = JSONSchema.Property(
        "minutes_before",
        .integer(
            "Minutes before the task is due (it needs a due date)", minimum: 0,
            maximum: Reminder.maximumMinutesBefore))

    static let remindAt = JSONSchema.Property(
        "at", .string("An exact time to remind, RFC 3339 with an offset", format: "date-time"))

    static func reminders(nullable: Bool) -> JSONSchema.Property {
        JSONSchema.Property(
            "reminders",
            .array(
                "Reminders, each {\"minutes_before\": n} or {\"at\": date-time}"
                    + (nullable ? "; replaces the task's reminders" : ""),
                of: .object([minutesBefore, remindAt]), maxItems: Reminder.maximumCount, nullable: nullable))
    }
}
