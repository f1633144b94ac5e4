import Foundation
import TodoBackend
import TodoCore
import TodoCrypto
import TodoHTTP
import TodoSQLite
import TodoTestSupport

/// The backend API over a real SQLite file in a fresh temporary directory, driven in process
/// through the same middleware pipeline the server uses.
final class BackendHarness: Sendable {
    static let secret = Array("backend-tests-signing-secret-0123456789".utf8)
    static let issuer = "todo-chatbot"

    let directory: URL
    let store: SQLiteStore
    /// The embedded log on the same file, with the standard topics: what the API's changes emit.
    let eventLog: SQLiteEventLog
    let clock = ManualTimeSource()
    let tokens: TokenService
    let client: InProcessClient

    /// `topics` are the event-log topics created up front (all standard topics by default).
    /// `chatMessagesPerMinute` is the chat rate limit per user.
    init(
        maxLoginFailures: Int = 5, chatMessagesPerMinute: Int = 30, signUpsPerHour: Int = 1000,
        trustedProxies: TrustedProxies = .none, topics: [TopicSpec] = EventTopics.standard(partitions: 3)
    ) throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("backend-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        store = try SQLiteStore(path: directory.appendingPathComponent("todo.db").path)
        try SQLiteMigrator(store: store).upgrade(to: nil)
        eventLog = SQLiteEventLog(store: store, retention: RetentionPolicy(), clock: clock)
        try eventLog.ensureTopics(topics)

        tokens = try TokenService(
            signingKey: JWTKey(id: "test", secret: Self.secret), verificationKeys: [], issuer: Self.issuer,
            lifetime: 3600)
        let api = BackendAPI(
            store: store, clock: clock, ids: UUIDv7Generator(clock: clock), hasher: PasswordHasher(logN: 10),
            tokens: tokens, limiter: LoginRateLimiter(maxFailures: maxLoginFailures, window: 300),
            signUpLimiter: .signUps(perAddress: signUpsPerHour, window: 3600),
            chatLimiter: .chatMessages(perUser: chatMessagesPerMinute, window: 60))
        var router = Router()
        api.register(on: &router)
        let pipeline = HTTPPipeline.standard(
            router: router, cors: CORSPolicy(allowedOrigins: ["http://localhost:3000"]), maxBodyBytes: 1 << 20,
            proxies: trustedProxies)
        client = InProcessClient(handler: pipeline.handler)
    }

    deinit {
        eventLog.close()
        store.close()
        try? FileManager.default.removeItem(at: directory)
    }

    /// Sends a request; `json` is serialized as the body with a JSON content type.
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

    /// Signs up a fresh account and returns its token.
    func signUp(_ name: String = "ada", timezone: String = "UTC") throws -> String {
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

    /// Every retained event of `topic`, decoded, in the order of the log (per partition; events of
    /// one user share a partition, so their order is the order they were emitted).
    func events(_ topic: String) throws -> [CloudEvent] {
        guard let metadata = try eventLog.topics().first(where: { $0.name == topic }) else { return [] }
        return try metadata.partitions.flatMap { partition in
            try eventLog.read(topic: topic, partition: partition.partition, from: 0, limit: 100_000)
        }
        .map { try CloudEvent.decode($0.value) }
    }

    /// Creates a task and returns its JSON.
    func createTask(_ token: String, _ fields: [String: JSONValue]) throws -> JSONValue {
        let reply = send(.post, "/api/tasks", token: token, json: .object(fields))
        guard reply.status == 201 else { throw HarnessError("create failed: \(reply.status) \(reply.text)") }
        return reply.json
    }
}

/// A response with its body parsed as JSON when it is JSON.
struct Reply {
    let status: Int
    let headers: HTTPHeaders
    let text: String
    let json: JSONValue

    init(_ response: HTTPResponse) {
        status = response.status
        headers = response.headers
        text = String(decoding: response.body, as: UTF8.self)
        json = (try? JSONValue.parse(response.body)) ?? .null
    }

    /// The error envelope's code.
    var errorCode: String? { json["error"]?["code"]?.stringValue }

    /// The fields a 422 names, in order.
    var invalidFields: [String] {
        (json["error"]?["details"]?["fields"]?.arrayValue ?? []).compactMap { $0["field"]?.stringValue }
    }

    var id: String { json["id"]?.stringValue ?? "" }
}

struct HarnessError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
