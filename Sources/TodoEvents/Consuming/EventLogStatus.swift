import Foundation
import TodoCore

/// The readiness details of a service's event log: that it answers, what its topics hold, what
/// waits in dead-letter topics, and the status of each consumer the service runs.
public enum EventLogStatus {
    /// Throws when the log cannot be read; the details otherwise.
    public static func details(log: any EventLog, consumers: [EventConsumer]) throws -> JSONValue {
        let topics = try log.topics()
        let deadLetters = topics.filter { $0.name.hasSuffix(".dlq") }
            .reduce(into: [String: JSONValue]()) { $0[$1.name] = .number(Double($1.messageCount)) }
        let ends = topics.filter { !$0.name.hasSuffix(".dlq") }
            .reduce(into: [String: JSONValue]()) { result, topic in
                result[topic.name] = .number(Double(topic.partitions.reduce(0) { $0 + $1.endOffset }))
            }

        var details: [String: JSONValue] = [
            "topics": .object(ends),
            "dead_letter_messages": .object(deadLetters),
        ]
        if !consumers.isEmpty {
            details["consumers"] = .array(try consumers.map { try $0.status() })
        }
        return .object(details)
    }
}
