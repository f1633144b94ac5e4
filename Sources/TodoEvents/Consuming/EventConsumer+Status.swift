import Foundation
import TodoCore

extension EventConsumer {
    /// What this consumer did since it started, and where its group stands in the log.
    public var counts: ConsumerCounts { counters.snapshot }

    /// The group's lag per partition and in total, the retained messages in the dead-letter topics
    /// of its topics, and this member's counts: the details of a service's `/health/ready`.
    public func status() throws -> JSONValue {
        let metadata: GroupMetadata? = try log.groups().first { $0.group == group }
        let offsets: [GroupOffset] = (metadata?.offsets ?? []).filter { topics.contains($0.topic) }
        let deadLetterTopics = Set(topics.map(EventTopics.deadLetter))
        let deadLetters: Int64 = try log.topics().filter { deadLetterTopics.contains($0.name) }
            .reduce(0) { $0 + $1.messageCount }
        let lag: Int64 = offsets.reduce(0) { $0 + $1.lag }
        let counts = self.counts

        let partitions: [JSONValue] = offsets.map(Self.json)
        let members = metadata?.members.count ?? 0
        return .object([
            "group": .string(group),
            "members": .number(Double(members)),
            "lag": .number(Double(lag)),
            "partitions": .array(partitions),
            "dead_letter_messages": .number(Double(deadLetters)),
            "processed": .number(Double(counts.processed)),
            "duplicates_skipped": .number(Double(counts.duplicates)),
            "retries": .number(Double(counts.retried)),
            "dead_lettered": .number(Double(counts.deadLettered)),
        ])
    }

    private static func json(_ offset: GroupOffset) -> JSONValue {
        let committed: JSONValue = offset.committedOffset.map { .number(Double($0)) } ?? .null
        return .object([
            "topic": .string(offset.topic),
            "partition": .number(Double(offset.partition)),
            "committed_offset": committed,
            "end_offset": .number(Double(offset.endOffset)),
            "lag": .number(Double(offset.lag)),
        ])
    }
}
