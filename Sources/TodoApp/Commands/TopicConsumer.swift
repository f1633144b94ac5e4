import Foundation
import Synchronization
import TodoCore

/// `topic consume` options.
struct ConsumeOptions {
    enum Start: Equatable {
        case start
        case end
        case offset(Int64)
    }

    var limit: Int?
    var start: Start = .start
    var group: String?

    static func parse(_ arguments: inout Arguments) throws(CLIError) -> ConsumeOptions {
        var options = ConsumeOptions()
        if let text = try arguments.option("num") {
            guard let limit = Int(text), limit >= 1 else { throw CLIError.usage("--num takes a positive number") }
            options.limit = limit
        }
        switch try arguments.option("offset") {
        case nil, "start": options.start = .start
        case "end": options.start = .end
        case let text?:
            guard let offset = Int64(text), offset >= 0 else {
                throw CLIError.usage("--offset takes start, end or a non-negative offset")
            }
            options.start = .offset(offset)
        }
        options.group = try arguments.option("group")
        if let group = options.group, !Self.isGroupName(group) {
            throw CLIError.usage("--group takes 1-100 characters of letters, digits, '.', '_' and '-'")
        }
        if options.group != nil, case .offset = options.start {
            throw CLIError.usage("--group resumes at the group's committed offset; use --offset start or end with it")
        }
        return options
    }

    /// Group names as Kafka tools accept them without quoting.
    static func isGroupName(_ name: String) -> Bool {
        (1...100).contains(name.utf8.count)
            && name.utf8.allSatisfy { byte in
                (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte)
                    || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
                    || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || byte == UInt8(ascii: ".")
                    || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "-")
            }
    }
}

/// Prints the messages of one topic, without waiting for new ones: straight from the partitions,
/// or as a member of a group that commits what it printed.
struct TopicConsumer {
    let log: any EventLog
    let topic: TopicMetadata
    let options: ConsumeOptions
    let json: Bool

    func run() throws {
        if let group = options.group {
            try consume(as: group)
        } else {
            try readPartitions()
        }
    }

    private func readPartitions() throws {
        var remaining = options.limit ?? Int.max
        for partition in topic.partitions where remaining > 0 {
            let first: Int64
            switch options.start {
            case .start: first = partition.startOffset
            case .end: first = partition.endOffset
            case .offset(let offset): first = offset
            }
            var next = first
            while remaining > 0 {
                let batch = try log.read(
                    topic: topic.name, partition: partition.partition, from: next, limit: min(500, remaining))
                guard let last = batch.last else { break }
                for message in batch { print(render(message)) }
                remaining -= batch.count
                next = last.offset + 1
            }
        }
    }

    /// Joins `group`, prints until the group has no lag in this topic (or `--num` is reached), leaves.
    private func consume(as group: String) throws {
        let limit = options.limit ?? Int.max
        let printed = Mutex(0)
        let subscription = try log.subscribe(
            group: group, topics: [topic.name],
            options: SubscriptionOptions(startPosition: options.start == .end ? .latest : .earliest)
        ) { message in
            // Past the limit: fail, so the offset is not committed and the message stays for later.
            guard printed.withLock({ $0 < limit }) else { throw ConsumeLimitReached() }
            print(render(message))
            printed.withLock { $0 += 1 }
        }
        defer { subscription.stop() }

        let deadline = Date(timeIntervalSinceNow: 30)
        while Date() < deadline {
            if printed.withLock({ $0 >= limit }) { return }
            let offsets = try log.group(named: group)?.offsets.filter { $0.topic == topic.name }
            let caughtUp = offsets.map { !$0.isEmpty && $0.allSatisfy { $0.lag == 0 } } ?? false
            if caughtUp && !subscription.assignments.isEmpty { return }
            Thread.sleep(forTimeInterval: 0.02)
        }
        throw CLIError.failure("Gave up after 30 s: group '\(group)' did not catch up on '\(topic.name)'")
    }

    private func render(_ message: LogMessage) -> String {
        let value = String(decoding: message.value, as: UTF8.self)
        let headers = message.headers.map { JSONValue.object(["name": .string($0.name), "value": .string($0.value)]) }
        let record: [String: JSONValue] = [
            "topic": .string(message.topic), "partition": .number(Double(message.partition)),
            "offset": .number(Double(message.offset)), "key": .string(message.key), "headers": .array(headers),
            "value": .string(value), "timestamp": .string(RFC3339.format(message.timestamp)),
        ]
        if json { return CLIJSON.object(record) }
        return "\(message.topic)/\(message.partition)@\(message.offset)  \(RFC3339.format(message.timestamp))  "
            + "key=\(message.key)  \(value)"
    }
}

private struct ConsumeLimitReached: Error {}
