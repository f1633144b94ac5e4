import Foundation

/// A filtered, sorted, paginated view of one user's tasks, as `GET /api/tasks` asks for it.
public struct TaskQuery: Sendable, Equatable {
    public enum Status: String, Sendable, CaseIterable {
        case all, pending, completed
    }

    public enum Sort: String, Sendable, CaseIterable {
        case due, priority, created, updated, title
    }

    public enum Order: String, Sendable, CaseIterable {
        case asc, desc
    }

    public static let defaultLimit = 50
    public static let maximumLimit = 200

    public var status: Status = .all
    /// Tasks with any of these priorities; empty means every priority.
    public var priorities: [Priority] = []
    /// Tasks carrying every one of these tags (compared by ``Tag/key(_:)``).
    public var tags: [String] = []
    /// Deadline strictly before this instant.
    public var dueBefore: Date?
    /// Deadline at or after this instant.
    public var dueAfter: Date?
    /// true: pending tasks whose deadline has passed; false: everything else.
    public var overdue: Bool?
    /// Folded search text (see ``TextSearch``), matched as a substring of title and description.
    public var search: String?
    public var sort: Sort = .due
    public var order: Order = .asc
    public var limit: Int = TaskQuery.defaultLimit
    /// Where the previous page ended.
    public var after: TaskCursor?

    public init() {}
}

/// One page of tasks and the cursor to the next, if there are more.
public struct TaskPage: Sendable, Equatable {
    public var tasks: [TodoTask]
    public var next: TaskCursor?

    public init(tasks: [TodoTask], next: TaskCursor?) {
        self.tasks = tasks
        self.next = next
    }
}

/// The position after a task in a sorted listing: its sort key and id (keyset pagination, stable
/// while tasks are added or removed). Encoded opaquely for clients.
public struct TaskCursor: Sendable, Equatable {
    public enum Key: Sendable, Equatable {
        case integer(Int64)
        case text(String)
    }

    public var sort: TaskQuery.Sort
    public var order: TaskQuery.Order
    public var key: Key
    public var id: String

    public init(sort: TaskQuery.Sort, order: TaskQuery.Order, key: Key, id: String) {
        self.sort = sort
        self.order = order
        self.key = key
        self.id = id
    }

    /// The sort key a store orders `task` by for `sort`. Tasks without a deadline sort after all
    /// others in ascending order (their key is the largest integer).
    public static func key(of task: TodoTask, for sort: TaskQuery.Sort) -> Key {
        switch sort {
        case .due: .integer(task.deadline?.millisecondsSince1970 ?? Int64.max)
        case .priority: .integer(Int64(task.priority.rank))
        case .created: .integer(task.createdAt.millisecondsSince1970)
        case .updated: .integer(task.updatedAt.millisecondsSince1970)
        case .title: .text(TextSearch.fold(task.title))
        }
    }

    public static func after(_ task: TodoTask, sort: TaskQuery.Sort, order: TaskQuery.Order) -> TaskCursor {
        TaskCursor(sort: sort, order: order, key: key(of: task, for: sort), id: task.id)
    }
}
