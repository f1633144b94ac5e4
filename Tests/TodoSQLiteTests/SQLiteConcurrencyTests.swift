import Foundation
import Synchronization
import Testing
import TodoCore
import TodoSQLite
import TodoTestSupport

@Suite struct SQLiteConcurrencyTests {
    @Test func concurrentWritersOnOneStoreLoseNoUpdates() throws {
        let database = TemporaryDatabase()
        defer { database.remove() }
        let store = try database.openMigratedStore()
        defer { store.close() }
        let (user, task) = try seed(store)

        let failures = runOnThreads(count: 8) { _ in
            for _ in 0..<200 { try increment(task.id, of: user, in: store) }
        }

        #expect(failures.isEmpty, "\(failures)")
        let stored = try store.read { try $0.task(id: task.id, ownerID: user.id) }
        #expect(stored?.version == 1 + 8 * 200)
        #expect(stored?.title == "count \(8 * 200)")
    }

    @Test func twoStoresOnOneFileSerializeTheirWrites() throws {
        let database = TemporaryDatabase()
        defer { database.remove() }
        let first = try database.openMigratedStore()
        let second = try database.openStore()
        defer {
            first.close()
            second.close()
        }
        let (user, task) = try seed(first)

        let failures = runOnThreads(count: 8) { index in
            let store = index.isMultiple(of: 2) ? first : second
            for _ in 0..<100 {
                try increment(task.id, of: user, in: store)
                // Reads on the other store see a committed state and never fail.
                let seen = try (index.isMultiple(of: 2) ? second : first).read {
                    try $0.task(id: task.id, ownerID: user.id)
                }
                guard let seen, seen.title == "count \(seen.version - 1)" else {
                    throw AppError.internal("inconsistent snapshot: \(String(describing: seen))")
                }
            }
        }

        #expect(failures.isEmpty, "\(failures)")
        #expect(try second.read { try $0.task(id: task.id, ownerID: user.id) }?.version == 1 + 8 * 100)
    }

    @Test func aWriteLockHeldBeyondTheTimeoutIsDatabaseBusy() throws {
        let database = TemporaryDatabase()
        defer { database.remove() }
        let holder = try database.openMigratedStore()
        let impatient = try database.openStore(busyTimeoutMilliseconds: 50)
        defer {
            holder.close()
            impatient.close()
        }

        // While the holder's write transaction is open, the other store cannot begin one.
        let error = try holder.write { _ in
            #expect(throws: AppError.self) { try impatient.write { _ in } }
            return Result { try impatient.write { _ in } }.failure
        }
        #expect((error as? AppError)?.kind == .unavailable)
        #expect((error as? AppError)?.code == "database_busy")

        // Once the lock is released the same store writes normally.
        try impatient.write { _ in }
    }

    // MARK: Helpers

    private func seed(_ store: SQLiteStore) throws -> (User, TodoTask) {
        let now = Date(millisecondsSince1970: 1_796_000_000_000)
        let ids = UUIDv7Generator()
        let user = User(id: ids.next(), email: "busy@example.com", createdAt: now, updatedAt: now)
        let task = TodoTask(id: ids.next(), ownerID: user.id, title: "count 0", createdAt: now, updatedAt: now)
        try store.write { writer in
            try writer.insert(user: user, passwordHash: "h")
            try writer.insert(task: task)
        }
        return (user, task)
    }

    /// Reads the task and writes it back one version later, in one write transaction. Fails when
    /// the version check does: that would be a lost update.
    private func increment(_ id: String, of user: User, in store: SQLiteStore) throws {
        try store.write { writer in
            guard var task = try writer.task(id: id, ownerID: user.id) else {
                throw AppError.internal("task vanished")
            }
            let previous = task.version
            task.version += 1
            task.title = "count \(task.version - 1)"
            guard try writer.update(task: task, expectedVersion: previous) else {
                throw AppError.internal("version check failed at \(previous)")
            }
        }
    }

    /// Runs `body` on `count` new threads at once and returns what they threw.
    private func runOnThreads(count: Int, _ body: @escaping @Sendable (Int) throws -> Void) -> [String] {
        let failures = Mutex<[String]>([])
        let group = DispatchGroup()
        for index in 0..<count {
            group.enter()
            let thread = Thread {
                do {
                    try body(index)
                } catch {
                    failures.withLock { $0.append("thread \(index): \(error)") }
                }
                group.leave()
            }
            thread.start()
        }
        group.wait()
        return failures.withLock { $0 }
    }
}

extension Result {
    fileprivate var failure: Failure? {
        if case .failure(let error) = self { error } else { nil }
    }
}
