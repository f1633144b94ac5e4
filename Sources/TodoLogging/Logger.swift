import Foundation
import Synchronization

/// A structured logger in the manner of swift-log: a fixed level vocabulary, data in metadata
/// rather than in the message, and one JSON object per line.
///
/// Libraries receive a `Logger` and never build one; the composition root makes the first one and
/// derives the rest with ``with(_:_:)``. Never put tokens, passwords or request bodies in metadata.
public struct Logger: Sendable {
    /// Levels with fixed meanings: `error` needs an operator, `warning` may need one, `info` is a
    /// normal lifecycle event, `debug` and `trace` are for developers.
    public enum Level: Int, Sendable, Comparable, CaseIterable {
        case trace, debug, info, warning, error

        public init?(name: String) {
            guard let level = Level.allCases.first(where: { $0.name == name.lowercased() }) else { return nil }
            self = level
        }

        public var name: String {
            switch self {
            case .trace: "trace"
            case .debug: "debug"
            case .info: "info"
            case .warning: "warning"
            case .error: "error"
            }
        }

        public static func < (lhs: Level, rhs: Level) -> Bool { lhs.rawValue < rhs.rawValue }
    }

    public var level: Level
    public private(set) var metadata: [String: String]
    private let sink: any LogSink

    public init(service: String, level: Level = .info, sink: any LogSink = StandardOutputSink.shared) {
        self.level = level
        self.metadata = [LogKey.service: service]
        self.sink = sink
    }

    /// A logger that carries one more metadata entry on every line.
    public func with(_ key: String, _ value: String) -> Logger {
        var copy = self
        copy.metadata[key] = value
        return copy
    }

    public func log(_ level: Level, _ message: String, _ extra: [String: String] = [:]) {
        guard level >= self.level else { return }
        sink.write(LogRecord(time: Date(), level: level, message: message, metadata: metadata.merging(extra) { $1 }))
    }

    public func trace(_ message: String, _ extra: [String: String] = [:]) { log(.trace, message, extra) }
    public func debug(_ message: String, _ extra: [String: String] = [:]) { log(.debug, message, extra) }
    public func info(_ message: String, _ extra: [String: String] = [:]) { log(.info, message, extra) }
    public func warning(_ message: String, _ extra: [String: String] = [:]) { log(.warning, message, extra) }
    public func error(_ message: String, _ extra: [String: String] = [:]) { log(.error, message, extra) }
}

/// The metadata keys used across the project, so that every service logs the same names.
public enum LogKey {
    public static let service = "service"
    public static let requestID = "request.id"
    public static let correlationID = "correlation.id"
    public static let userID = "user.id"
    public static let taskID = "task.id"
    /// The task tool a chat or MCP call ran.
    public static let tool = "tool"
    public static let method = "http.method"
    public static let route = "http.route"
    public static let status = "http.status"
    public static let durationMS = "duration_ms"
    public static let remoteAddress = "client.address"
    public static let port = "port"
    public static let error = "error"
    public static let errorCode = "error.code"
    public static let database = "database"
    public static let migration = "migration"
    public static let consumerGroup = "consumer.group"
    public static let topic = "topic"
    public static let partition = "partition"
    public static let offset = "offset"
    public static let attempt = "attempt"
    public static let eventID = "event.id"
    public static let eventType = "event.type"
    public static let seriesID = "series.id"
    public static let occurrence = "series.occurrence"
    public static let nextTaskID = "next.task.id"
    public static let reason = "reason"
}

public struct LogRecord: Sendable {
    public var time: Date
    public var level: Logger.Level
    public var message: String
    public var metadata: [String: String]
}

/// Where log records go. Implementations must be safe to call from any thread.
public protocol LogSink: Sendable {
    func write(_ record: LogRecord)
}
