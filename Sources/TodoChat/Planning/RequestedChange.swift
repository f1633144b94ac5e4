import TodoCore
import TodoDateText

/// One change an update asks for, before it is applied to a particular task.
enum RequestedChange {
    case rename(String)
    case reschedule(DateValue)
    case shift(count: Int, unit: ShiftUnit, later: Bool)
    case priority(Priority)
    case addTags([String])
    case removeTags([String]?)
    case repeats(RecurrencePattern)
    case stopRepeating
    case clearDue
    /// Several details at once, read from the words ("make it high priority and weekly").
    case details(TaskDetails)

    enum ShiftUnit {
        case minutes, hours, days, weeks, months

        init?(_ word: String) {
            switch word {
            case "minute", "minutes", "min", "mins": self = .minutes
            case "hour", "hours", "hr", "hrs": self = .hours
            case "day", "days": self = .days
            case "week", "weeks": self = .weeks
            case "month", "months": self = .months
            default: return nil
            }
        }
    }

    /// "2 days", "a week", "an hour", "one more day".
    static func shiftAmount(_ words: [String]) -> (Int, ShiftUnit)? {
        let words = words.filter { !["by", "another", "more", "extra", "about", "the"].contains($0) }
        guard let first = words.first else { return nil }
        if let unit = ShiftUnit(first) { return (1, unit) }
        let count = ["a": 1, "an": 1, "couple": 2, "few": 3][first] ?? NumberWords.cardinal(first)
        guard let count, count > 0 else { return nil }
        let rest = words.dropFirst().filter { $0 != "of" && $0 != "couple" }
        guard let unitWord = rest.first, let unit = ShiftUnit(unitWord) else { return nil }
        return (first == "couple" || words.dropFirst().first == "couple" ? 2 : count, unit)
    }

    /// The update_task members for `task`, or the question to ask instead. `task` is nil when the
    /// change is prepared before the user has picked the task; then nothing may depend on it.
    func members(for task: TodoTask?, arguments: TaskArguments) -> Result<[String: JSONValue], Question> {
        switch self {
        case .rename(let title):
            return .success(["title": .string(title)])
        case .reschedule(let value):
            guard let due = arguments.plainDue(value, keepingTimeOf: task?.due) else {
                return .failure(Question(text: "When should it be due?", asksForDate: true))
            }
            var members: [String: JSONValue] = [:]
            arguments.write(due, into: &members)
            return .success(members)
        case .shift(let count, let unit, let later):
            return shifted(task, count: later ? count : -count, unit: unit, arguments: arguments)
        case .priority(let priority):
            return .success(["priority": .string(priority.rawValue)])
        case .addTags(let tags):
            return .success(["add_tags": .array(tags.map(JSONValue.string))])
        case .removeTags(let tags):
            guard let tags else { return .success(["tags": .array([])]) }
            return .success(["remove_tags": .array(tags.map(JSONValue.string))])
        case .repeats(let pattern):
            var members: [String: JSONValue] = ["recurrence": .string(pattern.rrule)]
            if let task, task.due == nil, let due = arguments.due(nil, recurrence: pattern) {
                arguments.write(due, into: &members)
            }
            return .success(members)
        case .stopRepeating:
            return .success(["recurrence": .null])
        case .clearDue:
            return .success(["due_date": .null])
        case .details(let details):
            return .success(members(of: details, for: task, arguments: arguments))
        }
    }

    private func members(of details: TaskDetails, for task: TodoTask?, arguments: TaskArguments) -> [String: JSONValue]
    {
        var members: [String: JSONValue] = [:]
        if let priority = details.priority { members["priority"] = .string(priority.rawValue) }
        if !details.tags.isEmpty { members["add_tags"] = .array(details.tags.map(JSONValue.string)) }
        if let recurrence = details.recurrence {
            members["recurrence"] = .string(recurrence.rrule)
            let explicit = details.due != nil || task?.due == nil
            if explicit, let due = arguments.due(details.due, recurrence: recurrence, keepingTimeOf: task?.due) {
                arguments.write(due, into: &members)
            }
        } else if let due = arguments.plainDue(details.due, keepingTimeOf: task?.due) {
            arguments.write(due, into: &members)
        }
        let reminders = details.reminders.compactMap { arguments.reminder($0, due: task?.due) }
        if !reminders.isEmpty {
            let existing = task.map { TaskJSONValue.reminders($0.reminders).arrayValue ?? [] } ?? []
            members["reminders"] = .array(existing + reminders)
        }
        return members
    }

    private func shifted(_ task: TodoTask?, count: Int, unit: ShiftUnit, arguments: TaskArguments)
        -> Result<[String: JSONValue], Question>
    {
        guard let task else { return .failure(Question(text: "Which task should I move?", asksForDate: false)) }
        guard let due = task.due else {
            return .failure(
                Question(text: "'\(task.title)' has no due date yet. When should it be due?", asksForDate: true))
        }
        let dates = arguments.dates
        var moved: Due?
        switch (due, unit) {
        case (.instant(let instant), .minutes): moved = .instant(instant.addingTimeInterval(Double(count * 60)))
        case (.instant(let instant), .hours): moved = .instant(instant.addingTimeInterval(Double(count * 3600)))
        case (.allDay, .minutes), (.allDay, .hours):
            return .failure(
                Question(
                    text: "'\(task.title)' is due on a day, not at a time. By how many days?",
                    asksForDate: false))
        case (.allDay(let day), _):
            moved = Self.shift(day, count, unit).map(Due.allDay)
        case (.instant(let instant), _):
            let day = CalendarDate.of(instant, in: dates.timeZone)
            let time = WallClock.localTime(of: instant, in: dates.timeZone)
            moved = Self.shift(day, count, unit).map { .instant(dates.instant($0, time)) }
        }
        guard let moved else { return .failure(Question(text: "That date is out of range.", asksForDate: false)) }
        var members: [String: JSONValue] = [:]
        arguments.write(moved, into: &members)
        return .success(members)
    }

    private static func shift(_ day: CalendarDate, _ count: Int, _ unit: ShiftUnit) -> CalendarDate? {
        switch unit {
        case .weeks: day.adding(days: 7 * count)
        case .months: day.adding(months: count)
        default: day.adding(days: count)
        }
    }

    /// What to ask when a change cannot be made as asked.
    struct Question: Error {
        let text: String
        /// The answer is a date, which the next message can give.
        let asksForDate: Bool
    }
}
