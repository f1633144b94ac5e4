import Foundation
import TodoCore

/// Builders shared by the conformance checks. Instants are whole milliseconds, the precision every
/// store keeps.
enum StoreFixtures {
    static let epoch = Date(millisecondsSince1970: 1_796_000_000_000)
    static let ids = UUIDv7Generator()

    static func at(minutes: Int) -> Date {
        epoch.addingTimeInterval(TimeInterval(minutes * 60))
    }

    static func user(_ email: String, timeZoneID: String = "UTC") -> User {
        User(id: ids.next(), email: email, timeZoneID: timeZoneID, createdAt: epoch, updatedAt: epoch)
    }

    @discardableResult
    static func insertUser(_ store: any Store, _ email: String) throws -> User {
        let user = user(email)
        try store.write { try $0.insert(user: user, passwordHash: "hash-of-\(email)") }
        return user
    }

    static func task(
        _ owner: User, _ title: String, priority: Priority = .none, tags: [String] = [], dueMinutes: Int? = nil,
        completed: Bool = false, createdMinutes: Int = 0
    ) -> TodoTask {
        let due = dueMinutes.map { at(minutes: $0) }
        let created = at(minutes: createdMinutes)
        return TodoTask(
            id: ids.next(), ownerID: owner.id, title: title, completed: completed,
            completedAt: completed ? created : nil, priority: priority, tags: tags, due: due.map { .instant($0) },
            deadline: due, createdAt: created, updatedAt: created)
    }

    @discardableResult
    static func insert(_ store: any Store, _ tasks: [TodoTask]) throws -> [TodoTask] {
        try store.write { writer in
            for task in tasks { try writer.insert(task: task) }
        }
        return tasks
    }

    static func list(_ store: any Store, _ owner: User, now: Date = epoch, _ edit: (inout TaskQuery) -> Void)
        throws -> [String]
    {
        var query = TaskQuery()
        query.limit = TaskQuery.maximumLimit
        edit(&query)
        return try store.read { try $0.tasks(ownerID: owner.id, query: query, now: now) }.tasks.map(\.title)
    }
}
