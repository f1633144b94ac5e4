import Foundation
import Synchronization
import Testing
import TodoCore
import TodoTestSupport

@testable import TodoPostgres

/// Work that two consumers could both take: the partitions of one group. A member works on a
/// partition only while its claim (a `FOR UPDATE SKIP LOCKED` row lock) holds, so no message is
/// handled by two members, even by two processes that both believe they own every partition.
@Suite(.enabled(if: TestServer.isConfigured, TestServer.skipReason))
struct PostgresClaimTests {
    @Test func aHeldClaimMakesAnotherMemberSkipThePartitionAtOnce() throws {
        let schema = try TestSchema()
        defer { schema.drop() }
        let first = try schema.openMigratedStore()
        defer { first.close() }
        let second = try schema.openStore()
        defer { second.close() }
        let logA = PostgresEventLog(store: first)
        let logB = PostgresEventLog(store: second)
        defer {
            logA.close()
            logB.close()
        }
        try logA.ensureTopics([TopicSpec(name: "jobs", partitions: 1)])
        try logA.publish((0..<5).map { OutgoingMessage(topic: "jobs", key: "k", value: [UInt8($0)]) })
        let partition = TopicPartition(topic: "jobs", partition: 0)

        var skipped: Bool?
        var waited: TimeInterval = 0
        let claimedByA = try logA.withClaim(group: "g", memberID: "a", partition: partition) { cursor in
            try cursor.commit(3)
            let started = Date()
            skipped = try !logB.withClaim(group: "g", memberID: "b", partition: partition) { _ in }
            waited = Date().timeIntervalSince(started)
        }

        #expect(claimedByA)
        #expect(skipped == true)
        #expect(waited < 1, "the second claim waited \(waited) s instead of skipping")
        // Released with A's transaction, which committed A's offset on the way.
        var seen: Int64?
        #expect(try logB.withClaim(group: "g", memberID: "b", partition: partition) { seen = $0.committedOffset })
        #expect(seen == 3)

        // Once everything is committed there is nothing to claim.
        #expect(try logB.withClaim(group: "g", memberID: "b", partition: partition) { try $0.commit(5) })
        var ranAgain = false
        #expect(try !logB.withClaim(group: "g", memberID: "b", partition: partition) { _ in ranAgain = true })
        #expect(!ranAgain)
    }

    @Test func twoProcessesOfOneGroupNeverHandleTheSameMessage() throws {
        let schema = try TestSchema()
        defer { schema.drop() }
        let store = try schema.openMigratedStore()
        defer { store.close() }
        let log = PostgresEventLog(store: store)
        defer { log.close() }
        try log.ensureTopics([TopicSpec(name: "work", partitions: 4)])
        let count = 600
        try log.publish(
            (0..<count).map { OutgoingMessage(topic: "work", key: "job-\($0)", value: Array("\($0)".utf8)) })
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("claims-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }

        // Both start at once, so each begins alone in the group and assigns itself every partition.
        let tool = try CommandLineTool()
        let arguments = ["topic", "consume", "work", "--group", "workers", "--json"]
        let children = try (0..<2).map { _ in try tool.start(arguments, databaseURL: schema.url, directory: directory) }
        let results = try children.map { try $0.finish(timeout: 60) }

        var handled: [String] = []
        for (index, result) in results.enumerated() {
            #expect(result.status == 0, "process \(index) failed: \(result.stderr)")
            handled += try result.stdout.split(separator: "\n").map { line in
                let record = try JSONValue.parse(Array(line.utf8))
                return "\(record["partition"]?.intValue ?? -1)@\(record["offset"]?.intValue ?? -1)"
            }
        }
        let duplicates = Dictionary(grouping: handled, by: { $0 }).filter { $0.value.count > 1 }.keys
        #expect(duplicates.isEmpty, "handled twice: \(duplicates.sorted().prefix(10))")
        #expect(Set(handled).count == count)
        let lag = try log.groups().first { $0.group == "workers" }?.totalLag
        #expect(lag == 0)
    }
}
