import Foundation
import Synchronization
import TodoCore
import TodoCrypto
import TodoEvents
import TodoHTTP
import TodoLogging
import TodoTestSupport

@testable import TodoSync

/// A sync service on a real HTTP listener over loopback, consuming a real in-memory event log,
/// with tokens from a test key. Events are published straight to the log, as the backend's outbox
/// would append them.
final class SyncTestHarness: Sendable {
    static let partitions = 3

    let log: MemoryEventLog
    let tokens: TokenService
    let sync: SyncService
    let http: HTTPServer
    private let versions = Mutex<[String: Int]>([:])

    var port: Int { http.port }

    init(retention: RetentionPolicy = RetentionPolicy(), maxQueuedMessages: Int = 64) throws {
        log = MemoryEventLog(retention: retention, pollInterval: 0.05)
        try log.ensureTopics(SyncStream.allCases.map { TopicSpec(name: $0.topic, partitions: Self.partitions) })
        tokens = try TokenService(
            signingKey: JWTKey(id: "test", secret: Array(repeating: 7, count: 32)), issuer: "todo-test",
            lifetime: 3600)

        let logger = Logger(service: "sync-test", sink: NullLogSink())
        let webSocket = WebSocketConfiguration(
            reactorThreads: 2, tickInterval: .milliseconds(20), maxQueuedMessages: maxQueuedMessages)
        sync = SyncService(
            log: log, tokens: tokens, clock: SystemTimeSource(),
            configuration: SyncConfiguration(replicaID: "test", webSocket: webSocket), logger: logger)
        var router = Router()
        sync.register(on: &router)
        let pipeline = HTTPPipeline.standard(router: router, cors: CORSPolicy(allowedOrigins: []), maxBodyBytes: 1024)
        http = HTTPServer(
            configuration: HTTPServerConfiguration(host: "127.0.0.1", port: 0, threads: 2), handler: pipeline.handler,
            logger: logger)

        try sync.start()
        try http.start()
        try waitUntilSubscribed()
    }

    func stop() {
        sync.stop(gracePeriod: .seconds(1))
        http.shutdown(gracePeriod: .seconds(1))
        log.close()
    }

    func token(for user: String) throws -> String {
        try tokens.issue(subject: user, now: Date()).token
    }

    /// A connected client of `user` that has read everything up to `ready`; returns the messages
    /// before `ready` and `ready` itself.
    func connect(_ user: String, since: String? = nil) throws -> (RawWebSocketClient, [JSONValue], JSONValue) {
        let client = try RawWebSocketClient(port: port)
        var target = "/ws?token=\(try token(for: user))"
        if let since { target += "&since=\(since)" }
        guard try client.handshake(target) else {
            throw RawWebSocketClient.Failure(description: "handshake refused")
        }
        var before: [JSONValue] = []
        while true {
            let message = try Self.json(client.readMessage())
            if message["type"]?.stringValue == "ready" { return (client, before, message) }
            before.append(message)
        }
    }

    /// Publishes a `task.changed` event for a new version of `task` of `user`.
    func publishChange(user: String, task: String) throws {
        let version = versions.withLock { versions in
            versions[task, default: 0] += 1
            return versions[task]!
        }
        let data: JSONValue = .object([
            "user_id": .string(user), "task_id": .string(task), "version": .number(Double(version)),
            "task": .object(["id": .string(task), "title": .string("v\(version)")]),
        ])
        let value = CloudEvent(
            id: UUID().uuidString, source: "/test", type: SyncEventType.changed.rawValue, subject: nil, time: Date(),
            correlationID: nil, data: data
        ).encoded()
        try log.publish([OutgoingMessage(topic: EventTopics.taskUpdates, key: user, value: value)])
    }

    /// Publishes a `notification.delivered` event for `task` of `user`.
    func publishNotification(user: String, task: String) throws {
        let data: JSONValue = .object([
            "user_id": .string(user), "task_id": .string(task),
            "notification": .object(["id": .string(UUID().uuidString), "title": .string("Reminder")]),
        ])
        let value = CloudEvent(
            id: UUID().uuidString, source: "/notification", type: NotificationEventType.delivered.rawValue,
            subject: nil, time: Date(), correlationID: nil, data: data
        ).encoded()
        try log.publish([OutgoingMessage(topic: EventTopics.notifications, key: user, value: value)])
    }

    static func json(_ frame: RawWebSocketClient.Frame) throws -> JSONValue {
        guard frame.opcode == 0x1 else {
            throw RawWebSocketClient.Failure(
                description: "expected text, got opcode \(frame.opcode) \(frame.closeCode ?? 0)")
        }
        return try JSONValue.parse(frame.payload)
    }

    private func waitUntilSubscribed() throws {
        for _ in 0..<400 {
            if (try? sync.readinessChecks[0].probe()) != nil { return }
            usleep(10_000)
        }
        throw RawWebSocketClient.Failure(description: "the subscription never got its partitions")
    }
}
