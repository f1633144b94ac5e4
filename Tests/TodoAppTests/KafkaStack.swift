import Foundation
import Synchronization
import TodoCore
import TodoHTTP
import TodoKafka
import TodoLogging

@testable import TodoApp

/// The real composition on the Kafka path: settings resolved from flags as `serve` resolves them,
/// a SQLite database in a fresh directory (the outbox), librdkafka's mock cluster as the broker,
/// the outbox relay running, and the backend API driven in process.
final class KafkaStack: Sendable {
    static let quiet = Logger(service: "kafka-stack", level: .error, sink: NullLogSink())

    let directory: URL
    let cluster: KafkaMockCluster
    let composition: Composition
    let client: InProcessClient
    private let started: [any Service]

    init(extraSettings: [String] = []) throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("kafka-stack-\(UUID().uuidString)")
        cluster = try KafkaMockCluster(brokers: 1, logger: Self.quiet)
        // The mock brokers lack CreateTopics: the topics exist before the stack starts, as
        // `todo-chatbot kafka mock` creates them.
        try cluster.createTopics(EventTopics.standard(partitions: 3), replicationFactor: 1, config: [:])
        var words = ["serve", "--data-dir", directory.path]
        let settings = [
            "events.broker=kafka", "kafka.brokers=\(cluster.bootstrapServers)", "auth.scrypt_log_n=10",
            "auth.jwt_secret=kafka-stack-tests-secret-0123456789abcdef",
            // The mock cluster delays first joins by 3 s and expires members faster than asked.
            "kafka.session.timeout.ms=4000", "kafka.heartbeat.interval.ms=400", "kafka.reconnect.backoff.max.ms=500",
        ]
        for setting in settings + extraSettings { words += ["--set", setting] }
        var arguments = Arguments(words)
        var global = try GlobalOptions.parse(
            &arguments, environment: ["HOME": directory.path, "TODO_CONFIG": directory.path + "/none.yaml"])
        _ = arguments.positional()
        try global.takeCommonOverrides(&arguments)

        composition = try Composition(settings: try global.loadSettings(), logger: Self.quiet)
        var router = Router()
        composition.backend.register(on: &router)
        client = InProcessClient(
            handler: HTTPPipeline.standard(router: router, cors: CORSPolicy(allowedOrigins: []), maxBodyBytes: 1 << 20)
                .handler)
        started = composition.processServices
        for service in started { try service.start() }
    }

    deinit {
        for service in started.reversed() { service.stop(gracePeriod: .seconds(1)) }
        composition.close()
        cluster.close()
        try? FileManager.default.removeItem(at: directory)
    }

    /// Signs up `name` and returns the access token.
    func signUp(_ name: String) throws -> String {
        let reply = client.send(
            .post, "/api/auth/signup",
            json: ["email": .string("\(name)@example.com"), "password": "correct horse battery", "timezone": "UTC"])
        guard reply.status == 201, let token = try reply.jsonBody()["access_token"]?.stringValue else {
            throw AppError.internal("sign-up of \(name) answered \(reply.status)")
        }
        return token
    }

    /// Creates a task titled `title`; returns the status.
    func createTask(_ title: String, token: String) -> Int {
        client.send(
            .post, "/api/tasks", headers: [("Authorization", "Bearer \(token)")], json: ["title": .string(title)]
        ).status
    }

    /// `GET /api/health/ready`: the status and the body.
    func readiness() throws -> (status: Int, body: JSONValue) {
        let reply = client.send(.get, "/api/health/ready")
        return (reply.status, try reply.jsonBody())
    }
}
