import Foundation
import TodoCore
import TodoDateText

/// What a list request asks for, in the terms of the list_tasks tool.
public struct ListFilter: Sendable, Equatable {
    public var status: TaskQuery.Status = .pending
    public var priorities: [Priority] = []
    public var tags: [String] = []
    /// Inclusive calendar days in the user's timezone.
    public var dueFrom: CalendarDate?
    public var dueTo: CalendarDate?
    public var overdue: Bool?
    public var search: String?
    public var sort: TaskQuery.Sort?
    public var order: TaskQuery.Order?
    public var limit: Int?
    /// Whether the words named a status ("completed", "pending"); bulk requests without one
    /// ("delete everything") cover every status.
    public var statusNamed = false

    public init() {}

    /// Whether anything beyond the status narrows the list.
    public var isNarrowed: Bool {
        !priorities.isEmpty || !tags.isEmpty || dueFrom != nil || dueTo != nil || overdue != nil || search != nil
    }

    /// The list_tasks arguments: status always, everything else only when set.
    public var arguments: JSONValue {
        var members: [String: JSONValue] = ["status": .string(status.rawValue)]
        if !priorities.isEmpty { members["priority"] = .array(priorities.map { .string($0.rawValue) }) }
        if !tags.isEmpty { members["tags"] = .array(tags.map(JSONValue.string)) }
        if let dueFrom { members["due_from"] = .string(dueFrom.description) }
        if let dueTo { members["due_to"] = .string(dueTo.description) }
        if let overdue { members["overdue"] = .bool(overdue) }
        if let search { members["search"] = .string(search) }
        if let sort { members["sort"] = .string(sort.rawValue) }
        if let order { members["order"] = .string(order.rawValue) }
        if let limit { members["limit"] = .number(Double(limit)) }
        return .object(members)
    }

    /// Whether `task` is one this filter selects, judged the way list_tasks judges it; used to
    /// pick the tasks of "delete all completed tasks" from the tasks at hand.
    public func matches(_ task: TodoTask, context: DateContext) -> Bool {
        switch status {
        case .pending where task.completed, .completed where !task.completed: return false
        default: break
        }
        if !priorities.isEmpty, !priorities.contains(task.priority) { return false }
        let keys = Set(task.tags.map(Tag.key))
        if !tags.allSatisfy({ keys.contains(Tag.key($0)) }) { return false }
        if let search, !task.searchText.contains(TextSearch.fold(search)) { return false }
        if let overdue {
            let late = !task.completed && (task.deadline.map { $0 <= context.now } ?? false)
            if late != overdue { return false }
        }
        if dueFrom != nil || dueTo != nil {
            guard let deadline = task.deadline else { return false }
            if let dueFrom, deadline <= context.start(of: dueFrom) { return false }
            if let dueTo, deadline > context.start(of: dueTo.next) { return false }
        }
        return true
    }
}
