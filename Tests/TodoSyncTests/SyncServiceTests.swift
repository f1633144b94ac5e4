import Foundation
import Testing
import TodoCore
import TodoTestSupport

@testable import TodoSync

@Suite("Sync service over real sockets and a real log", .serialized)
struct SyncServiceTests {
    /// The task ids of the next `count` event messages.
    private func taskIDs(_ client: RawWebSocketClient, count: Int) throws -> [String] {
        try (0..<count).map { _ in
            let message = try SyncTestHarness.json(client.readMessage())
            return message["task_id"]?.stringValue ?? "not an event: \(message)"
        }
    }

    @Test func eventsPublishedDuringACatchUp_areNeitherLostNorDuplicated() throws {
        let harness = try SyncTestHarness(maxQueuedMessages: 512)
        defer { harness.stop() }
        let (first, _, ready) = try harness.connect("alice")
        let start = try #require(ready["position"]?.stringValue)
        _ = first

        // A writer keeps publishing while clients resume from the same old position, so the live
        // feed, the buffer of a session catching up and the replay overlap in every way.
        let total = 120
        let writer = Thread {
            for index in 0..<total {
                try? harness.publishChange(user: "alice", task: "t\(index)")
                if index % 3 == 0 { try? harness.publishChange(user: "bob", task: "b\(index)") }
                usleep(500)
            }
        }
        writer.start()
        var resumed: [(RawWebSocketClient, [String])] = []
        for _ in 0..<6 {
            let (client, replayed, _) = try harness.connect("alice", since: start)
            resumed.append((client, replayed.compactMap { $0["task_id"]?.stringValue }))
            usleep(8000)
        }

        let expected = (0..<total).map { "t\($0)" }
        for (client, replayed) in resumed {
            let live = try taskIDs(client, count: total - replayed.count)
            #expect(replayed + live == expected)
        }
        #expect(try taskIDs(first, count: total) == expected)
    }

    @Test func positionThatRetentionRemoved_isAnsweredWithRefetch() throws {
        let harness = try SyncTestHarness(retention: RetentionPolicy(maxMessagesPerPartition: 5))
        defer { harness.stop() }
        let (_, _, ready) = try harness.connect("alice")
        let old = try #require(ready["position"]?.stringValue)

        for index in 0..<8 { try harness.publishChange(user: "alice", task: "t\(index)") }
        _ = try harness.log.applyRetention()
        let (client, before, again) = try harness.connect("alice", since: old)

        #expect(before.map { $0["type"]?.stringValue } == ["refetch"])
        #expect(before.first?["reason"] == .string("position_expired"))
        #expect(again["replayed"] == .number(0))
        try harness.publishChange(user: "alice", task: "after")
        #expect(try taskIDs(client, count: 1) == ["after"])
    }

    @Test func retainedPosition_replaysOnlyThatUsersEvents_inOrder() throws {
        let harness = try SyncTestHarness()
        defer { harness.stop() }
        let (_, _, ready) = try harness.connect("alice")
        let old = try #require(ready["position"]?.stringValue)

        for index in 0..<5 {
            try harness.publishChange(user: "alice", task: "a\(index)")
            try harness.publishChange(user: "carol", task: "c\(index)")
        }
        let (_, replayed, again) = try harness.connect("alice", since: old)

        #expect(replayed.map { $0["task_id"]?.stringValue } == ["a0", "a1", "a2", "a3", "a4"])
        #expect(replayed.map { $0["version"] } == Array(repeating: .number(1), count: 5))
        #expect(again["replayed"] == .number(5))
        let positions = replayed.compactMap { $0["position"]?.stringValue.flatMap(SyncCursor.init)?[.taskUpdates] }
        #expect(positions.count == 5)
        #expect(positions.map(\.nextOffset) == positions.map(\.nextOffset).sorted())
    }

    /// The messages of one stream, in the order received.
    private func stream(_ messages: [JSONValue], _ type: String) -> [String] {
        messages.filter { $0["type"]?.stringValue == type }.compactMap { $0["task_id"]?.stringValue }
    }

    @Test func notifications_areDeliveredLiveAndReplayed_inOrderWithinEachStream() throws {
        let harness = try SyncTestHarness()
        defer { harness.stop() }
        let (live, _, ready) = try harness.connect("alice")
        let old = try #require(ready["position"]?.stringValue)

        try harness.publishChange(user: "alice", task: "a")
        try harness.publishNotification(user: "alice", task: "a")
        try harness.publishChange(user: "alice", task: "b")
        try harness.publishNotification(user: "alice", task: "c")
        try harness.publishNotification(user: "bob", task: "z")
        let received = try (0..<4).map { _ in try SyncTestHarness.json(live.readMessage()) }
        #expect(stream(received, "task.changed") == ["a", "b"])
        #expect(stream(received, "notification") == ["a", "c"])
        let notification = try #require(received.first { $0["type"]?.stringValue == "notification" })
        #expect(notification["notification"]?["title"] == .string("Reminder"))
        let cursors = received.compactMap { $0["position"]?.stringValue.flatMap(SyncCursor.init) }
        #expect(cursors.count == 4)
        let start = try #require(SyncCursor(old))
        #expect(cursors.last?[.taskUpdates].map { $0.nextOffset > start[.taskUpdates]!.nextOffset } == true)
        #expect(cursors.last?[.notifications].map { $0.nextOffset > start[.notifications]!.nextOffset } == true)

        let (_, replayed, again) = try harness.connect("alice", since: old)
        #expect(stream(replayed, "task.changed") == ["a", "b"])
        #expect(stream(replayed, "notification") == ["a", "c"])
        #expect(again["replayed"] == .number(4))
        let cursor = try #require(again["position"]?.stringValue.flatMap(SyncCursor.init))
        let last = try #require(cursors.last)
        // Bob's notification may share the partition: the cursor then stands past it too.
        #expect(cursor[.notifications]?.partition == last[.notifications]?.partition)
        #expect(cursor[.notifications].map { $0.nextOffset >= last[.notifications]!.nextOffset } == true)
        #expect(cursor[.taskUpdates] == last[.taskUpdates])
    }

    @Test func statsCountConnectionsUsersAndDeliveries() throws {
        let harness = try SyncTestHarness()
        defer { harness.stop() }
        let (one, _, _) = try harness.connect("alice")
        let (two, _, _) = try harness.connect("alice")
        let (other, _, _) = try harness.connect("dave")

        try harness.publishChange(user: "alice", task: "x")
        #expect(try taskIDs(one, count: 1) == ["x"])
        #expect(try taskIDs(two, count: 1) == ["x"])
        let stats = harness.sync.stats()
        #expect(stats["connections"] == .number(3))
        #expect(stats["users"] == .number(2))
        #expect(stats["events_delivered"] == .number(2))
        _ = other
    }
}
