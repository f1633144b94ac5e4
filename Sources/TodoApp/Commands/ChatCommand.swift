import Foundation
import TodoChat
import TodoCore

/// `chat --dry-run`: shows the tool calls the offline engine would make for a message, without
/// running them.
enum ChatCommand: Command {
    static let name = "chat"
    static let summary = "show what the chat engine would do with a message (--dry-run)"
    static let help = """
        Usage: todo-chatbot chat --dry-run [--now RFC3339] [--tz IANA] [--tasks FILE] [--context FILE] MESSAGE...

        Plans MESSAGE with the offline English engine and prints the plan as JSON, running nothing.
        For debugging and evaluation; the interactive chat comes with the chat API.

        Options:
          --dry-run        required: plan only
          --now TIME       the current time, RFC 3339 with an offset (default: now)
          --tz ZONE        the user's IANA timezone, such as Europe/Berlin (default: the system's)
          --tasks FILE     the user's tasks to resolve "the meeting task" or "task 3" against: a JSON array
                           of {"id", "title", "priority", "tags", "due_at" or "due_date", "recurrence",
                           "completed"}, pending tasks in list order first (Fixtures/chat-corpus.json works)
          --context FILE   earlier turns as stored: a JSON array of {"message", "reply", "task_ids",
                           "listed", "pending"}, oldest first

        Output, one JSON object:
          kind       "act" (run calls now), "confirm" (ask, then run calls), "clarify" (ask, run
                     nothing) or "reply" (answer, run nothing)
          intent     add, list, complete, reopen, delete, update, remind, confirm, deny, greeting,
                     thanks, farewell, help, small_talk, clock or unknown
          calls      [{"tool": NAME, "arguments": {...}}], tools add_task, list_tasks, complete_task,
                     delete_task, update_task, set_reminder, arguments as their JSON Schemas say
          message    the question or reply for confirm, clarify and reply; null for act
          pending    what answering the question will do, or null: {"kind": "confirm", "calls"},
                     {"kind": "choose_task", "call", "candidates"} or {"kind": "supply_date", "calls"}
          task_ids   the tasks the plan is about, in the order shown

        Example:
          todo-chatbot chat --dry-run --now 2026-03-07T21:00:00-05:00 --tz America/New_York \\
            "remind me to call mom tomorrow at 9am"
        """

    static func run(_ arguments: inout Arguments, global: GlobalOptions) throws {
        let dryRun = arguments.flag("dry-run")
        let nowText = try arguments.option("now")
        let zoneText = try arguments.option("tz")
        let tasksPath = try arguments.option("tasks")
        let contextPath = try arguments.option("context")
        var words: [String] = []
        while let word = arguments.positional() { words.append(word) }
        try arguments.finish()

        guard dryRun else {
            throw CLIError.usage("The interactive chat needs the chat API, which is not built yet; use --dry-run")
        }
        guard !words.isEmpty else { throw CLIError.usage("Give the message to plan") }
        let timeZone = try zone(zoneText)
        let now = try instant(nowText)
        let tasks = try tasksPath.map { path in try TaskSnapshot.tasks(from: read(path), timeZone: timeZone) } ?? []
        let turns = try contextPath.map(turns) ?? []

        let message = try ChatResponder.validated(words.joined(separator: " "))
        let context = PlanningContext(
            now: now, timeZone: timeZone, tasks: tasks, conversation: ConversationContext(turns: turns))
        let plan = ChatEngine().plan(message, in: context)
        print(String(decoding: plan.json.serialized(), as: UTF8.self))
    }

    private static func zone(_ text: String?) throws -> TimeZone {
        guard let text else { return TimeZone.current }
        guard let zone = TimeZone(identifier: text) else {
            throw CLIError.usage("--tz: '\(text)' is not an IANA timezone such as America/New_York")
        }
        return zone
    }

    private static func instant(_ text: String?) throws -> Date {
        guard let text else { return SystemTimeSource().now }
        guard let date = RFC3339.parse(text) else {
            throw CLIError.usage("--now: '\(text)' is not an RFC 3339 time such as 2026-03-05T10:00:00-05:00")
        }
        return date
    }

    private static func read(_ path: String) throws -> JSONValue {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw CLIError.failure("Cannot read \(path)")
        }
        do {
            return try JSONValue.parse(Array(data))
        } catch {
            throw CLIError.failure("\(path) is not valid JSON")
        }
    }

    private static func turns(_ path: String) throws -> [ConversationTurn] {
        guard let items = try read(path).arrayValue else {
            throw CLIError.failure("\(path): expected a JSON array of turns")
        }
        return try items.enumerated().map { index, item in
            guard let turn = ConversationTurn(json: item) else {
                throw CLIError.failure("\(path): turn \(index + 1) needs a message and a reply")
            }
            return turn
        }
    }
}
