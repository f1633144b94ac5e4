import Foundation
import Testing
import TodoCore

extension EventLogConformance {
    static func keysKeepPartitionAndOrder(_ harness: Harness) throws {
        let log = try harness.open()
        try log.ensureTopics([TopicSpec(name: "orders", partitions: 3)])
        let keys = ["user-1", "user-2", "user-3", "user-4", "user-5"]
        let sent = (0..<30).map { index in
            message("orders", key: keys[index % keys.count], "\(keys[index % 5])#\(index)")
        }
        try log.publish(Array(sent[..<10]))
        try log.publish(Array(sent[10...]))

        // Stored: each key in the partition the murmur2 partitioner picks, in publish order.
        for key in keys {
            let partition = Partitioner.partition(forKey: key, partitions: 3)
            let stored = try log.read(topic: "orders", partition: partition, from: 0, limit: 100).filter {
                $0.key == key
            }
            #expect(
                stored.map { String(decoding: $0.value, as: UTF8.self) }
                    == sent.filter { $0.key == key }.map {
                        String(decoding: $0.value, as: UTF8.self)
                    })
            #expect(stored.map(\.offset) == stored.map(\.offset).sorted())
            #expect(stored.allSatisfy { $0.header("kind") == "test" && $0.partition == partition })
        }

        // Delivered: every message once, in publish order per key.
        let received = Received()
        let subscription = try log.subscribe(group: "ordering", topics: ["orders"], options: SubscriptionOptions()) {
            received.add($0)
        }
        defer { subscription.stop() }
        #expect(waitUntil { received.count >= 30 })
        for key in keys {
            #expect(received.all.filter { $0.key == key }.map(\.value) == sent.filter { $0.key == key }.map(\.value))
        }
        #expect(received.count == 30)
    }

    static func unknownTopicsAreRefused(_ harness: Harness) throws {
        let log = try harness.open()
        try log.ensureTopics([TopicSpec(name: "known", partitions: 1)])

        #expect {
            try log.publish([message("known", key: "k", "ok"), message("missing", key: "k", "lost")])
        } throws: { ($0 as? AppError)?.code == "unknown_topic" }
        #expect(throws: AppError.self) {
            _ = try log.subscribe(group: "g", topics: ["missing"], options: SubscriptionOptions()) { _ in }
        }
        // Existing topics keep their partition count.
        try log.ensureTopics([TopicSpec(name: "known", partitions: 4)])
        #expect(try log.topics().first { $0.name == "known" }?.partitions.count == 1)
    }

    static func everyGroupSeesEveryMessage(_ harness: Harness) throws {
        let log = try harness.open()
        try log.ensureTopics([TopicSpec(name: "news", partitions: 2)])
        let first = Received()
        let second = Received()
        let a = try log.subscribe(group: "group-a", topics: ["news"], options: SubscriptionOptions()) { first.add($0) }
        let b = try log.subscribe(group: "group-b", topics: ["news"], options: SubscriptionOptions()) { second.add($0) }
        defer {
            a.stop()
            b.stop()
        }

        try log.publish((0..<20).map { message("news", key: "key-\($0 % 7)", "item-\($0)") })

        #expect(waitUntil { first.count >= 20 && second.count >= 20 })
        let expected = Set((0..<20).map { "item-\($0)" })
        #expect(Set(first.texts) == expected)
        #expect(Set(second.texts) == expected)
    }

    static func membersSharePartitions(_ harness: Harness) throws {
        let firstLog = try harness.open()
        let secondLog = try harness.open()
        try firstLog.ensureTopics([TopicSpec(name: "work", partitions: 4)])
        let all = Set((0..<4).map { TopicPartition(topic: "work", partition: $0) })
        let receivedByA = Received()
        let receivedByB = Received()
        let a = try firstLog.subscribe(group: "workers", topics: ["work"], options: SubscriptionOptions()) {
            receivedByA.add($0)
        }
        defer { a.stop() }
        #expect(waitUntil { Set(a.assignments) == all })

        // A second member takes half of the partitions.
        let b = try secondLog.subscribe(group: "workers", topics: ["work"], options: SubscriptionOptions()) {
            receivedByB.add($0)
        }
        #expect(
            waitUntil {
                let (ownedByA, ownedByB) = (Set(a.assignments), Set(b.assignments))
                return ownedByA.count == 2 && ownedByB.count == 2 && ownedByA.union(ownedByB) == all
            })
        let ownedByA = Set(a.assignments)

        try firstLog.publish((0..<40).map { message("work", key: "job-\($0)", "job-\($0)") })
        #expect(waitUntil { receivedByA.count + receivedByB.count >= 40 })
        #expect(Set(receivedByA.texts + receivedByB.texts) == Set((0..<40).map { "job-\($0)" }))
        #expect(
            receivedByA.all.allSatisfy { ownedByA.contains(TopicPartition(topic: $0.topic, partition: $0.partition)) })
        #expect(
            receivedByB.all.allSatisfy { !ownedByA.contains(TopicPartition(topic: $0.topic, partition: $0.partition)) })
        let described = try firstLog.groups().first { $0.group == "workers" }
        #expect(described?.members.contains { $0.memberID == a.memberID } == true)
        if harness.features.listsMembersOfOtherLogs {
            #expect(described?.members.count == 2)
        }

        // When it leaves, the first member gets every partition back and consumes what follows.
        b.stop()
        #expect(waitUntil { Set(a.assignments) == all })
        try secondLog.publish((40..<50).map { message("work", key: "job-\($0)", "job-\($0)") })
        #expect(waitUntil { Set(receivedByA.texts).isSuperset(of: (40..<50).map { "job-\($0)" }) })
    }

    static func restartResumesAtCommit(_ harness: Harness) throws {
        let before = try harness.open()
        try before.ensureTopics([TopicSpec(name: "audit", partitions: 2)])
        try before.publish((0..<6).map { message("audit", key: "k\($0)", "old-\($0)") })

        let firstRun = Received()
        let first = try before.subscribe(group: "auditor", topics: ["audit"], options: SubscriptionOptions()) {
            firstRun.add($0)
        }
        #expect(waitUntil { firstRun.count >= 6 })
        #expect(try waitForNoLag(before, group: "auditor", topic: "audit"))
        first.stop()

        try before.publish((0..<3).map { message("audit", key: "k\($0)", "new-\($0)") })

        // A new process of the same group starts where the first one committed.
        let after = try harness.open()
        let secondRun = Received()
        let second = try after.subscribe(group: "auditor", topics: ["audit"], options: SubscriptionOptions()) {
            secondRun.add($0)
        }
        defer { second.stop() }
        #expect(waitUntil { secondRun.count >= 3 })
        #expect(try waitForNoLag(after, group: "auditor", topic: "audit"))
        #expect(Set(secondRun.texts) == ["new-0", "new-1", "new-2"])
        #expect(Set(firstRun.texts) == Set((0..<6).map { "old-\($0)" }))
    }
}
