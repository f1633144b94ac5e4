import Foundation
import TodoCore

extension OutboxRelay {
    /// What the relay reports to readiness: how many messages wait in the outbox, and whether the
    /// broker takes them.
    public struct Status: Sendable, Equatable {
        /// Messages in the outbox the relay group has not yet published, over every partition.
        public var backlog: Int64
        /// Messages published since the relay started.
        public var relayed: Int
        public var lastRelayedAt: Date?
        /// Why the last attempt failed, while the relay is failing.
        public var lastError: String?
        public var failingSince: Date?
        /// How long the publish in flight has waited for the broker's acknowledgement.
        public var waitingFor: TimeInterval?
        /// Failing, or waiting longer than ``Options/stallThreshold``.
        public var degraded: Bool
    }

    /// The current status; reads the backlog from the outbox (a local query), never the broker.
    public func status() throws -> Status {
        let backlog = try source.groups().first { $0.group == options.group }?.totalLag
        let total = try backlog ?? source.topics().reduce(0) { $0 + $1.messageCount }
        let progress = progressSnapshot
        let waiting = progress.waitingSince.map { Date().timeIntervalSince($0) }
        let stalled = (waiting ?? 0) > options.stallThreshold
        return Status(
            backlog: total, relayed: progress.relayed, lastRelayedAt: progress.lastRelayedAt,
            lastError: progress.lastError, failingSince: progress.failingSince, waitingFor: waiting,
            degraded: progress.lastError != nil || stalled)
    }

    /// The readiness details: `backlog`, `relayed`, and while degraded `last_error` and
    /// `failing_since` or `waiting_seconds`.
    public func statusDetails() throws -> (degraded: Bool, details: JSONValue) {
        let status = try self.status()
        var details: [String: JSONValue] = [
            "backlog": .number(Double(status.backlog)), "relayed": .number(Double(status.relayed)),
            "group": .string(options.group),
        ]
        if let error = status.lastError { details["last_error"] = .string(error) }
        if let since = status.failingSince { details["failing_since"] = .string(RFC3339.format(since)) }
        if let waiting = status.waitingFor { details["waiting_seconds"] = .number((waiting * 10).rounded() / 10) }
        if let last = status.lastRelayedAt { details["last_relayed_at"] = .string(RFC3339.format(last)) }
        return (status.degraded, .object(details))
    }
}
