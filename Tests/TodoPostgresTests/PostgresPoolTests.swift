import Foundation
import Synchronization
import Testing
import TodoCore
import TodoTestSupport

@testable import TodoPostgres

@Suite(.enabled(if: TestServer.isConfigured, TestServer.skipReason))
struct PostgresPoolTests {
    @Test func aRequestThatFindsThePoolBusyGets503DatabaseBusyAfterTheTimeout() throws {
        let schema = try TestSchema()
        defer { schema.drop() }
        try schema.openMigratedStore().close()
        let store = try PostgresStore(configuration: schema.configuration(poolSize: 1, poolTimeout: 0.3))
        defer { store.close() }
        let backend = try PostgresBackend(store: store)
        let token = try backend.signUp("busy@example.com")

        // The only connection is held by a write that waits for the test.
        let holding = DispatchSemaphore(value: 0)
        let release = DispatchSemaphore(value: 0)
        Thread.detachNewThread {
            try? store.write { _ in
                holding.signal()
                release.wait()
            }
        }
        holding.wait()

        let started = Date()
        let reply = backend.send(.get, "/api/tasks", token: token)
        let waited = Date().timeIntervalSince(started)
        release.signal()

        #expect(reply.status == 503)
        #expect(reply.json["error"]?["code"] == "database_busy")
        #expect(waited >= 0.25 && waited < 3, "waited \(waited) s")
        #expect(backend.send(.get, "/api/tasks", token: token).status == 200)
    }

    @Test func aConnectionTheServerDroppedIsReplacedBeforeReuse() throws {
        let schema = try TestSchema()
        defer { schema.drop() }
        let store = try PostgresStore(configuration: schema.configuration(poolSize: 1))
        defer { store.close() }
        try PostgresMigrator(store: store).upgrade(to: nil)
        let first = try store.withConnection { $0.backendPID }

        // The server ends that session while it sits idle in the pool, as a restart would.
        _ = try TestSchema.withAdminConnection { admin in
            try admin.execute("SELECT pg_terminate_backend($1::integer)", [.integer(Int64(first))], step: "terminate")
        }
        #expect(
            try eventually {
                try TestSchema.withAdminConnection { admin in
                    try admin.execute(
                        "SELECT 1 FROM pg_stat_activity WHERE pid = $1::integer", [.integer(Int64(first))], step: "look"
                    ).rowCount == 0
                }
            })

        #expect(try store.read { try $0.user(id: "nobody") } == nil)
        let second = try store.withConnection { $0.backendPID }
        #expect(second != first)
        #expect(store.pool.openConnections == 1)
    }

    @Test func thePoolNeverOpensMoreConnectionsThanItsSize() throws {
        let schema = try TestSchema()
        defer { schema.drop() }
        try schema.openMigratedStore().close()
        let name = "pool-\(UUID().uuidString.prefix(8))"
        var configuration = schema.configuration(poolSize: 3)
        configuration.url += "&application_name=\(name)"
        let store = try PostgresStore(configuration: configuration)
        defer { store.close() }
        let owner = try Samples.insertUser(store, "many@example.com")

        // Twelve threads write at once while the server is asked how many sessions the pool has.
        let sessions: @Sendable () throws -> Int = {
            try TestSchema.withAdminConnection { admin in
                Int(
                    try admin.execute(
                        "SELECT count(*) FROM pg_stat_activity WHERE application_name = $1", [.text(name)],
                        step: "count sessions"
                    ).int64(0, 0))
            }
        }
        let most = Mutex(0)
        let done = Atomic(false)
        let sampler = Thread {
            while !done.load(ordering: .relaxed) {
                let count = (try? sessions()) ?? 0
                most.withLock { $0 = max($0, count) }
            }
        }
        sampler.start()
        let failures = Mutex<[String]>([])
        DispatchQueue.concurrentPerform(iterations: 12) { worker in
            for index in 0..<15 {
                do {
                    try Samples.insert(store, [Samples.task(owner, "Task \(worker)-\(index)")])
                } catch {
                    failures.withLock { $0.append("\(error)") }
                }
            }
        }
        done.store(true, ordering: .relaxed)
        // The pool's connections stay open, idle: one last count that must succeed, for a sampler
        // starved of its admin connections on a loaded machine.
        let last = try sessions()
        most.withLock { $0 = max($0, last) }

        #expect(failures.withLock { $0 }.isEmpty)
        #expect(try Samples.titles(store, owner).count == 180)
        #expect(most.withLock { $0 } <= 3)
        #expect(most.withLock { $0 } >= 1)
        #expect(store.pool.openConnections <= 3)
    }

    @Test func theStatementTimeoutCancelsALongStatementAndKeepsTheConnection() throws {
        let schema = try TestSchema()
        defer { schema.drop() }
        let store = try PostgresStore(
            configuration: schema.configuration(poolSize: 1, statementTimeoutMilliseconds: 200))
        defer { store.close() }

        let started = Date()
        let error = try #require(throws: AppError.self) {
            try store.withConnection { try $0.execute("SELECT pg_sleep(5)", step: "sleep") }
        }
        #expect(error.kind == .unavailable)
        #expect(error.code == "database_timeout")
        #expect(Date().timeIntervalSince(started) < 3)

        try store.ping()
        #expect(store.pool.openConnections == 1)
    }
}
