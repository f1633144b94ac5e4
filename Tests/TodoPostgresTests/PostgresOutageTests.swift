import Foundation
import Synchronization
import Testing
import TodoCore
import TodoTestSupport

@testable import TodoPostgres

/// The database going away and coming back while a store is open: the store reaches the server
/// through a ``TCPProxy`` that the test cuts (every connection dropped, new ones refused, as when
/// the server stops) and restores.
@Suite(.enabled(if: TestServer.isConfigured, TestServer.skipReason))
struct PostgresOutageTests {
    @Test func readinessReportsTheOutageWithinSecondsAndRecoversWithoutARestart() throws {
        let schema = try TestSchema()
        defer { schema.drop() }
        let proxy = try TCPProxy(upstreamPort: UInt16(TestServer.components.port ?? 5432))
        defer { proxy.cut() }
        let store = try Self.store(through: proxy, schema: schema)
        defer { store.close() }
        try PostgresMigrator(store: store).upgrade(to: nil)
        try PostgresEventLog(store: store).ensureTopics(EventTopics.standard(partitions: 2))
        let backend = try PostgresBackend(store: store)
        let token = try backend.signUp("outage@example.com")
        #expect(backend.readiness == 200)

        proxy.cut()
        let cutAt = Date()
        #expect(eventually(timeout: 5) { backend.readiness == 503 })
        #expect(Date().timeIntervalSince(cutAt) < 5)
        let ready = backend.send(.get, "/api/health/ready")
        #expect(ready.json["failing"] == ["database"])
        let write = backend.send(.post, "/api/tasks", token: token, json: ["title": "During the outage"])
        #expect(write.status == 503)
        #expect(write.json["error"]?["code"] == "database_unavailable")

        try proxy.restore()
        #expect(eventually(timeout: 10) { backend.readiness == 200 })
        #expect(backend.send(.post, "/api/tasks", token: token, json: ["title": "After the outage"]).status == 201)
        let titles = backend.send(.get, "/api/tasks", token: token).json["tasks"]?.arrayValue?.compactMap {
            $0["title"]?.stringValue
        }
        #expect(titles == ["After the outage"])
    }

    @Test func everyWriteThatReportedSuccessSurvivesOutages() throws {
        let schema = try TestSchema()
        defer { schema.drop() }
        let direct = try schema.openMigratedStore()
        defer { direct.close() }
        let owner = try Samples.insertUser(direct, "writer@example.com")
        let proxy = try TCPProxy(upstreamPort: UInt16(TestServer.components.port ?? 5432))
        defer { proxy.cut() }
        let store = try Self.store(through: proxy, schema: schema)
        defer { store.close() }

        // Four writers insert tasks without pause while the network goes away twice.
        let acknowledged = Mutex<[String]>([])
        let refusals = Mutex<[String: Int]>([:])
        let stop = Atomic(false)
        let writers = DispatchGroup()
        for worker in 0..<4 {
            writers.enter()
            Thread.detachNewThread {
                var index = 0
                while !stop.load(ordering: .relaxed) {
                    let task = Samples.task(owner, "Write \(worker)-\(index)")
                    index += 1
                    do {
                        try store.write { try $0.insert(task: task) }
                        acknowledged.withLock { $0.append(task.id) }
                    } catch let error as AppError {
                        refusals.withLock { $0["\(error.kind)/\(error.code)", default: 0] += 1 }
                        Thread.sleep(forTimeInterval: 0.01)
                    } catch {
                        refusals.withLock { $0["\(error)", default: 0] += 1 }
                    }
                }
                writers.leave()
            }
        }
        for _ in 0..<2 {
            Thread.sleep(forTimeInterval: 0.3)
            proxy.cut()
            Thread.sleep(forTimeInterval: 0.3)
            try proxy.restore()
        }
        Thread.sleep(forTimeInterval: 0.3)
        stop.store(true, ordering: .relaxed)
        writers.wait()

        let written = try direct.withConnection { connection in
            let rows = try connection.execute(
                "SELECT id FROM tasks WHERE owner_id = $1", [.text(owner.id)], step: "list written ids")
            return Set((0..<rows.rowCount).map { rows.text($0, 0) })
        }
        let confirmed = acknowledged.withLock { $0 }
        let lost = Set(confirmed).subtracting(written)
        #expect(confirmed.count > 20)
        #expect(lost.isEmpty, "\(lost.count) of \(confirmed.count) acknowledged writes are missing")
        // Refusals are 503s a client can retry, never internal errors.
        #expect(
            refusals.withLock { $0 }.keys.allSatisfy { $0.hasPrefix("unavailable/") }, "\(refusals.withLock { $0 })")
        #expect(!refusals.withLock { $0 }.isEmpty)
    }

    /// A store on `schema` whose connections go through `proxy`, giving up on a connection after
    /// two seconds.
    private static func store(through proxy: TCPProxy, schema: TestSchema) throws -> PostgresStore {
        var configuration = schema.configuration(poolSize: 4, poolTimeout: 2)
        configuration.url = TestSchema.url(
            TestServer.url {
                $0.host = "127.0.0.1"
                $0.port = Int(proxy.port)
            }, searchPath: schema.name)
        configuration.connectTimeoutSeconds = 2
        return try PostgresStore(configuration: configuration)
    }
}
