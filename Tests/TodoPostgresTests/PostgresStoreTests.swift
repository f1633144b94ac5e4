import Foundation
import Synchronization
import Testing
import TodoCore
import TodoTestSupport

@testable import TodoPostgres

/// What the Postgres store does beyond the shared contract, or where Postgres could differ from it.
@Suite(.enabled(if: TestServer.isConfigured, TestServer.skipReason))
struct PostgresStoreTests {
    @Test func writeBodiesThatReadThenUpdateOneTaskNeverLoseAnUpdate() throws {
        let schema = try TestSchema()
        defer { schema.drop() }
        let store = try schema.openMigratedStore(poolSize: 8)
        defer { store.close() }
        let owner = try Samples.insertUser(store, "racer@example.com")
        let task = try Samples.insert(store, [Samples.task(owner, "Contended")])[0]

        // Each body reads the task, then waits (briefly) until every other body has read it too,
        // then writes the version it read plus one. Row locks make the others wait at their read,
        // so each sees the previous body's result; without them all would read version 1.
        let workers = 6
        let reads = DispatchGroup()
        for _ in 0..<workers { reads.enter() }
        let lost = Mutex<[Int]>([])
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            do {
                try store.write { writer in
                    guard var current = try writer.task(id: task.id, ownerID: owner.id) else { return }
                    reads.leave()
                    _ = reads.wait(timeout: .now() + 0.3)

                    let expected = current.version
                    current.version += 1
                    current.tags.append("worker-\(worker)")
                    if try !writer.update(task: current, expectedVersion: expected) {
                        lost.withLock { $0.append(worker) }
                    }
                }
            } catch {
                lost.withLock { $0.append(worker) }
            }
        }

        #expect(lost.withLock { $0 }.isEmpty)
        let final = try store.read { try $0.task(id: task.id, ownerID: owner.id) }
        #expect(final?.version == 1 + workers)
        #expect(final?.tags.count == workers)
    }

    @Test func serverDetailsStayOutOfTheClientMessage() throws {
        let schema = try TestSchema()
        defer { schema.drop() }
        // Not migrated: the tables do not exist.
        let store = try schema.openStore()
        defer { store.close() }

        let error = try #require(throws: AppError.self) { try store.read { try $0.user(id: "x") } }
        #expect(error.kind == .internal)
        #expect(!error.message.contains("users"))
        #expect(error.debugContext?.contains("relation \"users\" does not exist") == true)
        #expect(error.debugContext?.contains("42P01") == true)
    }

    @Test func callsAfterCloseAreUnavailable() throws {
        let schema = try TestSchema()
        defer { schema.drop() }
        let store = try schema.openMigratedStore()
        try store.ping()

        store.close()

        for call in [{ try store.ping() }, { try store.write { _ in } }, { try store.read { _ in } }] {
            #expect { try call() } throws: { ($0 as? AppError)?.kind == .unavailable }
        }
        store.close()
    }

    @Test func aURLLibpqCannotReadIsRefusedWithoutEchoingIt() throws {
        let url = "postgres://todo:s3cret%zz@127.0.0.1/db"

        let error = try #require(throws: AppError.self) {
            try PostgresStore(configuration: PostgresConfiguration(url: url))
        }
        #expect(error.code == "invalid_database_url")
        #expect(!error.description.contains("s3cret"))
    }

    @Test func everyByteValueSurvivesTheLog() throws {
        let schema = try TestSchema()
        defer { schema.drop() }
        let store = try schema.openMigratedStore()
        defer { store.close() }
        let log = PostgresEventLog(store: store)
        defer { log.close() }
        try log.ensureTopics([TopicSpec(name: "bytes", partitions: 1)])
        let value = (0...255).map { UInt8($0) } + [0, 0]
        let headers = [MessageHeader(name: "ünï", value: "😀 \u{0} quote\" back\\slash")]

        try log.publish([OutgoingMessage(topic: "bytes", key: "k", headers: headers, value: value)])
        try store.write { try $0.append([OutgoingMessage(topic: "bytes", key: "k", value: [])]) }

        let stored = try log.read(topic: "bytes", partition: 0, from: 0, limit: 10)
        #expect(stored.map(\.value) == [value, []])
        #expect(stored.first?.headers == headers)
    }
}
