import Foundation
import Testing
import TodoCore

extension EventLogConformance {
    static func metadataAndLag(_ harness: Harness) throws {
        let log = try harness.open()
        try log.ensureTopics([TopicSpec(name: "alpha", partitions: 2), TopicSpec(name: "beta", partitions: 1)])
        let keys = (0..<6).map { "key-\($0)" }
        try log.publish(keys.map { message("alpha", key: $0, $0) })

        var ends = [Int64](repeating: 0, count: 2)
        for key in keys { ends[Partitioner.partition(forKey: key, partitions: 2)] += 1 }
        let topics = try log.topics()
        #expect(topics.map(\.name) == ["alpha", "beta"])
        #expect(topics[0].partitions.map(\.endOffset) == ends)
        #expect(topics[0].partitions.map(\.startOffset) == [0, 0])
        #expect(topics[0].messageCount == 6)
        #expect(topics[1].partitions == [PartitionMetadata(partition: 0, startOffset: 0, endOffset: 0)])
        let busiest = ends[0] >= ends[1] ? 0 : 1
        #expect(try log.read(topic: "alpha", partition: busiest, from: 1, limit: 2).map(\.offset) == [1, 2])

        // A member that consumed everything: no lag, owning both partitions.
        let subscription = try log.subscribe(group: "reader", topics: ["alpha"], options: SubscriptionOptions()) { _ in
        }
        #expect(try waitForNoLag(log, group: "reader", topic: "alpha"))
        let live = try log.groups().first { $0.group == "reader" }
        #expect(live?.members.count == 1)
        #expect(live?.members.first?.memberID == subscription.memberID)
        #expect(live?.members.first?.assignments.count == 2)
        subscription.stop()

        // After it left: committed offsets stay, new messages show as lag.
        try log.publish((0..<4).map { message("alpha", key: "more-\($0)", "more") })
        let idle = try log.groups().first { $0.group == "reader" }
        #expect(idle?.members.isEmpty == true)
        #expect(idle?.totalLag == 4)
        #expect(idle?.offsets.map(\.committedOffset) == ends.map { Optional($0) })
        #expect(idle?.offsets.map(\.endOffset) == (try log.topics()[0].partitions.map(\.endOffset)))
    }

    static func retentionByCount(_ harness: Harness) throws {
        let log = try harness.open()
        try log.ensureTopics([TopicSpec(name: "capped", partitions: 1)])
        try log.publish((0..<12).map { message("capped", key: "k", "m\($0)") })

        try log.applyRetention()
        let partition = try log.topics().first { $0.name == "capped" }?.partitions.first
        #expect(partition == PartitionMetadata(partition: 0, startOffset: 7, endOffset: 12))
        #expect(try log.read(topic: "capped", partition: 0, from: 0, limit: 100).map(\.offset) == [7, 8, 9, 10, 11])

        // A group without commits starts at the oldest retained message; offsets are never reused.
        let received = Received()
        let subscription = try log.subscribe(group: "late", topics: ["capped"], options: SubscriptionOptions()) {
            received.add($0)
        }
        defer { subscription.stop() }
        #expect(waitUntil { received.count >= 5 })
        #expect(received.texts == ["m7", "m8", "m9", "m10", "m11"])
        try log.publish([message("capped", key: "k", "m12")])
        #expect(try log.read(topic: "capped", partition: 0, from: 12, limit: 1).first?.offset == 12)
    }

    static func retentionByAge(_ harness: Harness) throws {
        guard let clock = harness.setup.clock as? ManualTimeSource else {
            Issue.record("retention by age needs the manual clock of its setup")
            return
        }
        let log = try harness.open()
        try log.ensureTopics([TopicSpec(name: "aging", partitions: 1)])
        try log.publish([message("aging", key: "k", "old-1"), message("aging", key: "k", "old-2")])
        clock.advance(by: 1800)
        try log.publish([message("aging", key: "k", "middle")])
        clock.advance(by: 1801)

        try log.applyRetention()
        #expect(try log.read(topic: "aging", partition: 0, from: 0, limit: 10).map(\.offset) == [2])
        clock.advance(by: 3600)
        try log.applyRetention()
        #expect(
            try log.topics().first?.partitions.first == PartitionMetadata(partition: 0, startOffset: 3, endOffset: 3))
    }
}
