import Foundation
import TodoCore
import TodoDateText

/// Writes the reply to a message whose calls ran, from their results, and says which tasks it
/// was about (in the order shown) for the next turn's "it" and "the second one".
struct ReplyComposer {
    let dates: DateContext

    struct Reply {
        var text: String
        var taskIDs: [String]
        var listed: Bool
    }

    func compose(_ actions: [ChatAction]) -> Reply {
        var sentences: [String] = []
        var ids: [String] = []
        var listed = false
        var index = 0
        while index < actions.count {
            // Runs of the same tool are said together ("Added 3 tasks: ...").
            let tool = actions[index].call.tool
            var end = index
            while end < actions.count, actions[end].call.tool == tool { end += 1 }
            let group = Array(actions[index..<end])
            if tool == "list_tasks" {
                for action in group {
                    let (text, shown) = listing(action)
                    sentences.append(text)
                    ids = shown
                    listed = true
                }
            } else {
                sentences.append(contentsOf: describe(group))
                ids += group.compactMap(Self.taskID)
            }
            index = end
        }
        return Reply(text: sentences.joined(separator: "\n"), taskIDs: ids, listed: listed)
    }

    // MARK: Lists

    private func listing(_ action: ChatAction) -> (String, [String]) {
        guard !action.result.isError else { return ("I couldn't list your tasks: \(Self.error(action))", []) }
        let tasks = action.result.value["tasks"]?.arrayValue ?? []
        let status = action.call.arguments["status"]?.stringValue ?? "pending"
        let narrowed =
            (action.call.arguments.objectValue?.keys.filter { !["status", "sort", "order"].contains($0) }
                .isEmpty ?? true) == false
        guard !tasks.isEmpty else {
            if narrowed { return ("No tasks match that.", []) }
            return (status == "completed" ? "You haven't completed any tasks yet." : "Your list is empty. 🎉", [])
        }

        let noun = tasks.count == 1 ? "task" : "tasks"
        var header: String
        switch status {
        case "completed": header = "You've completed \(tasks.count) \(noun)"
        case "all": header = "You have \(tasks.count) \(noun) in all"
        default:
            header =
                action.call.arguments["overdue"] == true
                ? "\(tasks.count) overdue \(noun)"
                : "You have \(tasks.count) pending \(noun)"
        }
        if action.result.value["next_cursor"]?.stringValue != nil { header += " (showing the first \(tasks.count))" }
        let lines = tasks.enumerated().map { "\($0.offset + 1). " + line($0.element) }
        let text = ([header + ":"] + lines).joined(separator: "\n")
        return (text, tasks.compactMap { $0["id"]?.stringValue })
    }

    /// "Buy milk — due tomorrow · high · #errands".
    private func line(_ task: JSONValue) -> String {
        var parts = [task["title"]?.stringValue ?? "(untitled)"]
        var details: [String] = []
        if let due = Self.due(task) { details.append("due " + describe(due)) }
        if let priority = task["priority"]?.stringValue, priority != "none" { details.append(priority) }
        if let tags = task["tags"]?.arrayValue, !tags.isEmpty {
            details.append(tags.compactMap(\.stringValue).map { "#" + $0 }.joined(separator: " "))
        }
        if let rule = task["recurrence"]?.stringValue { details.append(RecurrenceDescriber.describe(rule)) }
        if task["completed"] == true { details.append("done") }
        if !details.isEmpty { parts.append(details.joined(separator: " · ")) }
        return parts.joined(separator: " — ")
    }

    // MARK: Changes

    private func describe(_ group: [ChatAction]) -> [String] {
        let failures = group.filter(\.result.isError)
        let successes = group.filter { !$0.result.isError }
        var sentences: [String] = []
        if successes.count == 1 {
            sentences.append(sentence(successes[0]))
        } else if successes.count > 1 {
            let names = successes.map { "'\(Self.title($0) ?? "task")'" }
            let verb = Self.pastTense[group[0].call.tool] ?? "Updated"
            let suffix = group[0].call.tool == "complete_task" ? " as done" : ""
            sentences.append("\(verb) \(successes.count) tasks\(suffix): \(Self.list(names)).")
        }
        for failure in failures {
            let verb = Self.infinitive[failure.call.tool] ?? "do that"
            sentences.append("I couldn't \(verb): \(Self.error(failure))")
        }
        return sentences
    }

    static let pastTense = [
        "add_task": "Added", "complete_task": "Marked", "delete_task": "Deleted", "update_task": "Updated",
        "set_reminder": "Set reminders on",
    ]
    static let infinitive = [
        "add_task": "add that", "complete_task": "complete that", "delete_task": "delete that",
        "update_task": "change that", "set_reminder": "set that reminder",
    ]

    private func sentence(_ action: ChatAction) -> String {
        let title = "'\(Self.title(action) ?? "the task")'"
        let task = action.result.value["task"] ?? .null
        switch action.call.tool {
        case "add_task":
            return "Added \(title)" + detailsSuffix(task, reminders: true) + "."
        case "complete_task":
            return action.result.value["already_completed"] == true
                ? "\(title) was already done."
                : "Marked \(title) as done. ✅"
        case "delete_task":
            return "Deleted \(title)."
        case "set_reminder":
            let reminder = action.call.arguments
            if let minutes = reminder["minutes_before"]?.intValue {
                return "I'll remind you about \(title) "
                    + (minutes == 0 ? "when it's due." : "\(Self.duration(minutes)) before it's due.")
            }
            let when =
                reminder["at"]?.stringValue.flatMap(RFC3339.parse).map { DateDescriber(context: dates).describe($0) }
                ?? "then"
            return "I'll remind you about \(title) \(when)."
        default:
            return updateSentence(action, title: title, task: task)
        }
    }

    private func updateSentence(_ action: ChatAction, title: String, task: JSONValue) -> String {
        let arguments = action.call.arguments
        var changes: [String] = []
        if arguments["title"] != nil { changes.append("renamed it") }
        if arguments["due_at"] != nil || arguments["due_date"] != nil {
            changes.append(Self.due(task).map { "it's now due " + describe($0) } ?? "removed the due date")
        }
        if let priority = arguments["priority"]?.stringValue { changes.append("priority is now \(priority)") }
        if arguments["add_tags"] != nil || arguments["remove_tags"] != nil || arguments["tags"] != nil {
            let tags = task["tags"]?.arrayValue?.compactMap(\.stringValue) ?? []
            changes.append(tags.isEmpty ? "no tags now" : "tags: " + tags.map { "#" + $0 }.joined(separator: " "))
        }
        if let rule = arguments["recurrence"] {
            changes.append(
                rule.stringValue.map { "repeats " + RecurrenceDescriber.describe($0) } ?? "no longer repeats")
        }
        if arguments["completed"] == false { changes.append("reopened it") }
        if arguments["reminders"] != nil { changes.append("updated its reminders") }
        guard !changes.isEmpty else { return "Updated \(title)." }
        return "Updated \(title): " + changes.joined(separator: ", ") + "."
    }

    private func detailsSuffix(_ task: JSONValue, reminders: Bool) -> String {
        var parts: [String] = []
        if let due = Self.due(task) { parts.append("due " + describe(due)) }
        if let rule = task["recurrence"]?.stringValue {
            parts.append("repeating " + RecurrenceDescriber.describe(rule))
        }
        if let priority = task["priority"]?.stringValue, priority != "none" { parts.append("\(priority) priority") }
        if let tags = task["tags"]?.arrayValue, !tags.isEmpty {
            parts.append(tags.compactMap(\.stringValue).map { "#" + $0 }.joined(separator: " "))
        }
        if reminders, let count = task["reminders"]?.arrayValue?.count, count > 0 {
            parts.append(count == 1 ? "with a reminder" : "with \(count) reminders")
        }
        return parts.isEmpty ? "" : ", " + parts.joined(separator: ", ")
    }

    // MARK: Helpers

    private func describe(_ due: Due) -> String {
        DateDescriber(context: dates).describe(due)
    }

    static func due(_ task: JSONValue) -> Due? {
        if let text = task["due_at"]?.stringValue, let instant = RFC3339.parse(text) { return .instant(instant) }
        if let text = task["due_date"]?.stringValue, let day = CalendarDate(text) { return .allDay(day) }
        return nil
    }

    static func taskID(_ action: ChatAction) -> String? {
        action.result.value["task"]?["id"]?.stringValue ?? action.result.value["deleted"]?["id"]?.stringValue
    }

    static func title(_ action: ChatAction) -> String? {
        action.result.value["task"]?["title"]?.stringValue ?? action.result.value["deleted"]?["title"]?.stringValue
            ?? action.call.arguments["title"]?.stringValue
    }

    static func error(_ action: ChatAction) -> String {
        let message = action.result.value["error"]?["message"]?.stringValue ?? "something went wrong"
        return message.hasSuffix(".") ? message : message + "."
    }

    static func duration(_ minutes: Int) -> String {
        if minutes % 1440 == 0 { return minutes == 1440 ? "a day" : "\(minutes / 1440) days" }
        if minutes % 60 == 0 { return minutes == 60 ? "an hour" : "\(minutes / 60) hours" }
        return "\(minutes) minutes"
    }

    static func list(_ items: [String]) -> String {
        guard items.count > 1 else { return items.first ?? "" }
        return items.dropLast().joined(separator: ", ") + " and " + items.last!
    }
}
