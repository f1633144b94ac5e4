import Foundation
import TodoBackend
import TodoCore
import TodoCrypto
import TodoEvents
import TodoHTTP
import TodoLogging
import TodoRecurring
import TodoSQLite
import TodoTestSupport

/// The backend API and the recurring-task service over one real SQLite file with its embedded
/// event log, as the local stack runs them: the API driven in process, the service's consumer on
/// its own threads. Only the clock is a double.
final class RecurringHarness: Sendable {
    static let secret = Array("recurring-tests-signing-secret-0123456789".utf8)

    let directory: URL
    let path: String
    let store: SQLiteStore
    let eventLog: SQLiteEventLog
    let clock: ManualTimeSource
    let logs = MemoryLogSink()
    let client: InProcessClient
    let tokens: TokenService

    /// `now` is where the clock of both services starts.
    init(now: String = "2026-03-01T12:00:00Z") throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("recurring-\(UUID().uuidString)")
        path = directory.appendingPathComponent("todo.db").path
        clock = ManualTimeSource(RFC3339.parse(now) ?? Date())
        store = try SQLiteStore(path: path)
        try SQLiteMigrator(store: store).upgrade(to: nil)
        eventLog = SQLiteEventLog(store: store, pollInterval: 0.02)
        try eventLog.ensureTopics(EventTopics.standard(partitions: 3))

        tokens = try TokenService(
            signingKey: JWTKey(id: "test", secret: Self.secret), verificationKeys: [], issuer: "todo-chatbot",
            lifetime: 365 * 86400)
        let api = BackendAPI(
            store: store, clock: clock, ids: UUIDv7Generator(clock: clock), hasher: PasswordHasher(logN: 10),
            tokens: tokens, limiter: LoginRateLimiter(maxFailures: 5, window: 300))
        var router = Router()
        api.register(on: &router)
        client = InProcessClient(
            handler: HTTPPipeline.standard(router: router, cors: CORSPolicy(allowedOrigins: []), maxBodyBytes: 1 << 20)
                .handler)
    }

    deinit {
        eventLog.close()
        store.close()
        try? FileManager.default.removeItem(at: directory)
    }

    /// The recurring-task service on `store` and `log` (this harness's by default), with quick retries.
    func service() -> RecurringTaskService {
        RecurringTaskService(
            ids: UUIDv7Generator(clock: clock), clock: clock,
            logger: Logger(service: "recurring-task", level: .debug, sink: logs))
    }

    /// A started member of the `recurring` group.
    func startConsumer(log: (any EventLog)? = nil, store: (any Store)? = nil) throws -> EventConsumer {
        let options = EventConsumer.Options(
            maxAttempts: 5, subscription: SubscriptionOptions(retryBackoff: 0.005, maxRetryBackoff: 0.05))
        let consumer = service().consumer(log: log ?? eventLog, store: store ?? self.store, options: options)
        try consumer.start()
        return consumer
    }

    /// Waits until the `recurring` group has consumed everything in `task-events`.
    func waitForNoLag() throws -> Bool {
        try eventually {
            guard let group = try eventLog.groups().first(where: { $0.group == RecurringTaskService.group }) else {
                return false
            }
            let offsets = group.offsets.filter { $0.topic == EventTopics.taskEvents }
            return offsets.count == 3 && offsets.allSatisfy { $0.lag == 0 }
        }
    }

    // MARK: The API

    @discardableResult
    func send(
        _ method: HTTPMethod, _ target: String, token: String? = nil, json: JSONValue? = nil,
        headers: [(String, String)] = []
    ) -> Reply {
        var all = headers
        if let token { all.append(("Authorization", "Bearer \(token)")) }
        var body: [UInt8] = []
        if let json {
            all.append(("Content-Type", "application/json"))
            body = json.serialized()
        }
        return Reply(client.send(method, target, headers: all, body: body))
    }

    func signUp(_ name: String, timezone: String = "America/New_York") throws -> String {
        let reply = send(
            .post, "/api/auth/signup",
            json: [
                "email": .string("\(name)@example.com"), "password": "correct horse battery",
                "timezone": .string(timezone),
            ])
        guard reply.status == 201, let token = reply.json["access_token"]?.stringValue else {
            throw HarnessError("sign-up of \(name) failed: \(reply.status) \(reply.text)")
        }
        return token
    }

    func createTask(_ token: String, _ fields: [String: JSONValue]) throws -> JSONValue {
        let reply = send(.post, "/api/tasks", token: token, json: .object(fields))
        guard reply.status == 201 else { throw HarnessError("create failed: \(reply.status) \(reply.text)") }
        return reply.json
    }

    func complete(_ token: String, _ id: String, correlationID: String = "completion-1") throws {
        let reply = send(
            .post, "/api/tasks/\(id)/complete", token: token, headers: [("X-Correlation-ID", correlationID)])
        guard reply.status == 200 else { throw HarnessError("complete failed: \(reply.status) \(reply.text)") }
    }

    /// Every task of the user, oldest first.
    func tasks(_ token: String) throws -> [JSONValue] {
        let reply = send(.get, "/api/tasks?sort=created&order=asc&limit=200", token: token)
        guard reply.status == 200 else { throw HarnessError("list failed: \(reply.status) \(reply.text)") }
        return reply.json["tasks"]?.arrayValue ?? []
    }

    /// Every retained event of `topic`, decoded, partition by partition.
    func events(_ topic: String) throws -> [CloudEvent] {
        guard let metadata = try eventLog.topics().first(where: { $0.name == topic }) else { return [] }
        return try metadata.partitions.flatMap { partition in
            try eventLog.read(topic: topic, partition: partition.partition, from: 0, limit: 100_000)
        }
        .map { try CloudEvent.decode($0.value) }
    }

    /// The raw `task-events` messages of `type`, in log order.
    func taskEventMessages(type: TaskEventType) throws -> [LogMessage] {
        try (0..<3).flatMap { try eventLog.read(topic: EventTopics.taskEvents, partition: $0, from: 0, limit: 10_000) }
            .filter { (try? CloudEvent.decode($0.value).type) == type.rawValue }
    }
}

/// A response with its body parsed as JSON.
struct Reply {
    let status: Int
    let text: String
    let json: JSONValue

    init(_ response: HTTPResponse) {
        status = response.status
        text = String(decoding: response.body, as: UTF8.self)
        json = (try? JSONValue.parse(response.body)) ?? .null
    }

    var errorCode: String? { json["error"]?["code"]?.stringValue }
}

struct HarnessError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
