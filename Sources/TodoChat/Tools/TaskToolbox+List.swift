import Foundation
import TodoCore

extension TaskToolbox {
    static let listTasks = ChatTool(
        name: "list_tasks",
        description: """
            List the user's tasks, filtered and sorted. Without filters: pending tasks, soonest due first. \
            A date range includes both ends; all-day tasks count on their day.
            """,
        parameters: .object([
            JSONSchema.Property(
                "status",
                .string(
                    "Which tasks: pending (the default), completed or all", choices: ["pending", "completed", "all"])
            ),
            JSONSchema.Property(
                "priority",
                .array("Only tasks with one of these priorities", of: priority.schema, maxItems: 5)),
            JSONSchema.Property("tags", tags("Only tasks carrying every one of these tags")),
            JSONSchema.Property(
                "due_from",
                .string("Only tasks due on or after this day (YYYY-MM-DD, user's timezone) or instant (RFC 3339)")),
            JSONSchema.Property(
                "due_to", .string("Only tasks due on or before this day (YYYY-MM-DD) or instant (RFC 3339)")),
            JSONSchema.Property("overdue", .boolean("true: only pending tasks past their due time")),
            JSONSchema.Property("search", .string("Words to find in the title or description", maxLength: 200)),
            JSONSchema.Property(
                "sort", .string("Sort key (default due)", choices: TaskQuery.Sort.allCases.map(\.rawValue))),
            JSONSchema.Property(
                "order", .string("asc (the default) or desc", choices: TaskQuery.Order.allCases.map(\.rawValue))),
            JSONSchema.Property(
                "limit", .integer("At most this many tasks (default 50)", minimum: 1, maximum: TaskQuery.maximumLimit)),
            JSONSchema.Property("cursor", .string("next_cursor from a previous call, for the next page")),
        ])
    ) { arguments, context in
        let query = try taskQuery(arguments, timeZone: context.user.timeZone)
        let page = try context.tasks.list(for: context.user, query: query)
        let tasks = page.tasks.map { TaskJSONValue.value($0, timeZone: context.user.timeZone) }
        return .object([
            "tasks": .array(tasks), "count": .number(Double(tasks.count)),
            "next_cursor": page.next.map { .string($0.encoded()) } ?? .null,
        ])
    }

    /// Reads validated list_tasks arguments into a query; bad tags, bounds or cursors are a 422.
    static func taskQuery(_ arguments: JSONValue, timeZone: TimeZone) throws(AppError) -> TaskQuery {
        var query = TaskQuery()
        var problems = ValidationErrors()
        query.status = arguments["status"]?.stringValue.flatMap(TaskQuery.Status.init(rawValue:)) ?? .pending
        query.priorities = (arguments["priority"]?.arrayValue ?? []).compactMap {
            $0.stringValue.flatMap(Priority.init(rawValue:))
        }
        for (index, value) in (arguments["tags"]?.arrayValue ?? []).enumerated() {
            switch Tag.normalize(value.stringValue ?? "") {
            case .success(let tag): query.tags.append(tag)
            case .failure(let problem): problems.add("tags[\(index)]", code: "invalid_tag", problem.message)
            }
        }
        if let text = arguments["due_from"]?.stringValue {
            query.dueAfter = bound(text, field: "due_from", timeZone: timeZone, into: &problems)
        }
        if let text = arguments["due_to"]?.stringValue {
            query.dueBefore = bound(text, field: "due_to", timeZone: timeZone, into: &problems)
        }
        query.overdue = arguments["overdue"]?.boolValue
        if let text = arguments["search"]?.stringValue?.trimmingCharacters(in: .whitespaces), !text.isEmpty {
            query.search = TextSearch.fold(text)
        }
        query.sort = arguments["sort"]?.stringValue.flatMap(TaskQuery.Sort.init(rawValue:)) ?? .due
        query.order = arguments["order"]?.stringValue.flatMap(TaskQuery.Order.init(rawValue:)) ?? .asc
        query.limit = arguments["limit"]?.intValue ?? TaskQuery.defaultLimit
        if let token = arguments["cursor"]?.stringValue {
            if let cursor = TaskCursor(encoded: token), cursor.sort == query.sort, cursor.order == query.order {
                query.after = cursor
            } else {
                problems.add("cursor", code: "invalid_cursor", "cursor does not belong to this sort and order")
            }
        }
        try problems.throwIfAny()
        return query
    }

    /// A store bound for one end of an inclusive due range.
    ///
    /// Stores compare deadlines, and an all-day task's deadline is the first instant of the next
    /// day, so the range for days D1...D2 is deadlines in (start of D1, start of D2 + 1 day]: the
    /// bounds below are shifted by one millisecond to make those ends exclusive and inclusive.
    private static func bound(
        _ text: String, field: String, timeZone: TimeZone, into problems: inout ValidationErrors
    ) -> Date? {
        let isStart = field == "due_from"
        if let day = CalendarDate(text) {
            let edge = isStart ? day.startInstant(in: timeZone) : day.next.startInstant(in: timeZone)
            return edge.addingTimeInterval(0.001)
        }
        if let instant = RFC3339.parse(text) {
            return isStart ? instant : instant.addingTimeInterval(0.001)
        }
        problems.add(field, code: "invalid_date", "\(field) must be YYYY-MM-DD or an RFC 3339 date-time")
        return nil
    }
}
