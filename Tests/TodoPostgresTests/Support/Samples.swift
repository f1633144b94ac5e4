import Foundation
import TodoCore

/// Users and tasks for the Postgres-specific tests (the conformance suites bring their own).
enum Samples {
    static let ids = UUIDv7Generator()
    static let epoch = Date(millisecondsSince1970: 1_796_000_000_000)

    static func user(_ email: String) -> User {
        User(id: ids.next(), email: email, createdAt: epoch, updatedAt: epoch)
    }

    @discardableResult
    static func insertUser(_ store: any Store, _ email: String) throws -> User {
        let user = user(email)
        try store.write { try $0.insert(user: user, passwordHash: "hash") }
        return user
    }

    static func task(_ owner: User, _ title: String, description: String? = nil, tags: [String] = []) -> TodoTask {
        TodoTask(
            id: ids.next(), ownerID: owner.id, title: title, description: description, tags: tags, createdAt: epoch,
            updatedAt: epoch)
    }

    @discardableResult
    static func insert(_ store: any Store, _ tasks: [TodoTask]) throws -> [TodoTask] {
        try store.write { writer in
            for task in tasks { try writer.insert(task: task) }
        }
        return tasks
    }

    /// The titles of the owner's tasks that `edit` selects, up to the maximum page.
    static func titles(_ store: any Store, _ owner: User, _ edit: (inout TaskQuery) -> Void = { _ in }) throws
        -> [String]
    {
        var query = TaskQuery()
        query.limit = TaskQuery.maximumLimit
        edit(&query)
        return try store.read { try $0.tasks(ownerID: owner.id, query: query, now: epoch) }.tasks.map(\.title)
    }
}
