import Testing
import TodoCore
import TodoEvents
import TodoTestSupport

@Suite struct MemoryEventLogConformanceTests {
    @Test(arguments: EventLogConformance.checks)
    func conformsToTheEventLogContract(_ check: EventLogConformance.Check) throws {
        try check.run { setup in
            // Every "process" shares the one in-memory log.
            let log = MemoryEventLog(retention: setup.retention, clock: setup.clock)
            return { log }
        }
    }

    @Test func publishingKeepsAtMostTheRetainedCount() throws {
        let log = MemoryEventLog(retention: RetentionPolicy(maxAge: 3600, maxMessagesPerPartition: 3))
        defer { log.close() }
        try log.ensureTopics([TopicSpec(name: "bounded", partitions: 1)])

        for index in 0..<10 {
            try log.publish([OutgoingMessage(topic: "bounded", key: "k", value: [UInt8(index)])])
        }

        #expect(
            try log.topics().first?.partitions.first == PartitionMetadata(partition: 0, startOffset: 7, endOffset: 10))
    }

    @Test func closedLogRefusesWork() throws {
        let log = MemoryEventLog()
        try log.ensureTopics([TopicSpec(name: "t", partitions: 1)])
        log.close()

        #expect { try log.publish([OutgoingMessage(topic: "t", key: "k", value: [])]) } throws: {
            ($0 as? AppError)?.code == "event_log_closed"
        }
    }
}
