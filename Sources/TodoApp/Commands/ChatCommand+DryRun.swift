import Foundation
import TodoChat
import TodoCore

/// `chat --dry-run`: the plan for one message as JSON, running nothing.
extension ChatCommand {
    static func dryRun(_ arguments: inout Arguments) throws {
        let nowText = try arguments.option("now")
        let zoneText = try arguments.option("tz")
        let tasksPath = try arguments.option("tasks")
        let contextPath = try arguments.option("context")
        var words: [String] = []
        while let word = arguments.positional() { words.append(word) }
        try arguments.finish()

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
