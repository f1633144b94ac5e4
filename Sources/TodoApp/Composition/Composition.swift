import Foundation
import TodoBackend
import TodoCore
import TodoCrypto
import TodoDapr
import TodoEvents
import TodoFrontend
import TodoHTTP
import TodoKafka
import TodoLogging
import TodoMCP
import TodoMetrics
import TodoNotify
import TodoRecurring

/// The composition root: the one place that picks adapters from the settings and wires services.
/// Nothing below it knows which storage backend it was given.
public final class Composition: Sendable {
    public let settings: AppSettings
    public let logger: Logger
    public let store: any Store
    /// The event log services consume from and inspect: the embedded log of the configured
    /// database, Kafka or Dapr (`events.broker`), with the standard topics created.
    public let eventLog: any EventLog
    /// The embedded log the store's transactions write their events to: the event log itself, or
    /// with Kafka the outbox the relay drains.
    let outbox: any EventLog
    /// With Kafka or Dapr: the relay that drains the outbox to the broker.
    public let relay: OutboxRelay?
    public let clock: any TimeSource
    public let ids: any IDGenerator
    public let backend: BackendAPI
    public let recurring: RecurringTaskService
    /// Signs and verifies access tokens: the backend and the sync service check them alike.
    public let tokens: TokenService
    /// The Streamable HTTP MCP sessions, signed with keys derived from the token keys.
    let mcpSessions: MCPSessions
    /// The process's metrics, part of every service's `/metrics`.
    public let metrics: MetricsRegistry

    /// Opens storage (creating the data directory and, when `autoMigrate` is set, applying
    /// pending migrations) and builds every service's dependencies.
    public convenience init(settings: AppSettings, logger: Logger, clock: any TimeSource = SystemTimeSource()) throws {
        try self.init(settings: settings, logger: logger, clock: clock, existingDataOnly: false)
    }

    /// With `existingDataOnly`, for commands that act on a stack's data (`mcp`) rather than
    /// serve it: a missing SQLite database is `database_not_found` and a missing local JWT secret
    /// `jwt_secret_not_found`, instead of a new empty database and a secret no token was signed
    /// with, so a mistyped `--data-dir` says so.
    init(settings: AppSettings, logger: Logger, clock: any TimeSource, existingDataOnly: Bool) throws {
        self.settings = settings
        self.logger = logger
        self.clock = clock
        ids = UUIDv7Generator(clock: clock)

        let embedded: any EventLog & ConsumerBackend
        (store, embedded) = try Self.openStorage(
            settings: settings, existingOnly: existingDataOnly, logger: logger, clock: clock)
        outbox = embedded

        do {
            (eventLog, relay) = try Self.broker(
                settings: settings, outbox: embedded,
                observeAppends: { StorageBackend.observeAppends(of: embedded, $0) },
                logger: logger, clock: clock, ids: ids)
            tokens = try Self.tokenService(settings: settings, createLocalSecret: !existingDataOnly, logger: logger)
            mcpSessions = try settings.mcp.sessions(tokens: tokens, clock: clock)
        } catch {
            embedded.close()
            store.close()
            throw error
        }
        backend = BackendAPI(
            store: store, clock: clock, ids: ids, hasher: PasswordHasher(logN: settings.scryptLogN), tokens: tokens,
            limiter: LoginRateLimiter(
                maxFailures: settings.loginMaxFailures, window: TimeInterval(settings.loginWindowSeconds)),
            signUpLimiter: .signUps(
                perAddress: settings.signupMaxPerAddress, window: TimeInterval(settings.signupWindowSeconds)),
            chatLimiter: .chatMessages(
                perUser: settings.chatRateLimitMessages, window: TimeInterval(settings.chatRateLimitWindowSeconds)),
            chatResponder: Self.chatResponder(settings: settings.chatEngine, logger: logger, clock: clock),
            checks: [Self.eventLogCheck(eventLog, relay: relay, consumers: [])])
        recurring = RecurringTaskService(
            ids: ids, clock: clock, logger: logger.with(LogKey.service, ServiceName.recurringTask.rawValue))
        metrics = Self.processMetrics(relay: relay, logger: logger)
    }

    /// With `database.auto_migrate` off, refuses to start on a schema other than this build's.
    static func requireCurrentSchema(_ migrator: any SchemaMigrator) throws {
        let pending = try migrator.history().filter { $0.appliedAt == nil }.map(\.id)
        guard pending.isEmpty else {
            let current = try migrator.current() ?? "base"
            throw AppError.unavailable(
                "The database is at revision \(current) and needs \(pending.joined(separator: ", ")); "
                    + "run `todo-chatbot migrate up` (database.auto_migrate is off)",
                code: "schema_outdated")
        }
    }

    /// The migrator for the configured database, for `migrate`; `createIfMissing` only for
    /// actions that may start a new SQLite database.
    static func migrator(settings: AppSettings, createIfMissing: Bool) throws -> any SchemaMigrator {
        try StorageBackend.open(settings: settings, createIfMissing ? .createIfMissing : .existingOnly).migrator()
    }

    /// What `serve <name>` runs: the service's HTTP listener (health and, for the backend, the
    /// API) and its background workers.
    func services(_ name: ServiceName) -> [any Service] {
        var router = Router()
        var workers: [any Service] = []
        let registry = Self.metricsRegistry(logger: logger)
        switch name {
        case .backend:
            logChatEngine()
            backend.register(on: &router)
            mcpEndpoint().register(on: &router)
            registerDaprRoutes(on: &router, service: name, consumers: [])
            EventMetrics.register(on: registry, log: eventLog, consumers: [])
        case .websocket:
            return [syncService()]
        case .recurringTask:
            let consumer = recurring.consumer(log: eventLog, store: store)
            EventMetrics.register(on: registry, log: eventLog, consumers: [consumer])
            recurring.register(
                on: &router, store: store, checks: [Self.eventLogCheck(eventLog, relay: relay, consumers: [consumer])])
            registerDaprRoutes(on: &router, service: name, consumers: [(consumer.group, consumer.topics)])
            workers.append(WorkerService(name: "recurring-task consumer", start: consumer.start, stop: consumer.stop))
        case .frontend:
            Self.frontendRoutes(settings: settings).register(on: &router)
        case .notification:
            let reminderMetrics = NotificationMetrics(registry: registry)
            let notifications = NotificationService(
                store: store, log: eventLog, clock: clock, ids: ids, policy: settings.notificationPolicy,
                instanceID: "notification-\(ProcessInfo.processInfo.processIdentifier)-\(ids.next().suffix(8))",
                logger: logger, onDeliveries: reminderMetrics.record)
            EventMetrics.register(on: registry, log: eventLog, consumers: [notifications.consumer])
            NotificationMetrics.registerBacklog(on: registry, of: notifications)
            HealthRoutes(
                service: name.rawValue,
                checks: [
                    databaseCheck, Self.eventLogCheck(eventLog, relay: relay, consumers: [notifications.consumer]),
                    ReadinessCheck(name: "reminders") { try notifications.backlog() },
                ]
            ).register(on: &router)
            let consumer = notifications.consumer
            registerDaprRoutes(on: &router, service: name, consumers: [(consumer.group, consumer.topics)])
            workers.append(
                WorkerService(name: "notification workers", start: notifications.start, stop: notifications.stop))
        }
        return [httpService(name, router: router, metrics: registry)] + workers
    }

    /// What runs once per process, whichever services it serves: the outbox relay, with Kafka or Dapr.
    var processServices: [any Service] {
        guard let relay else { return [] }
        return [WorkerService(name: "outbox relay", start: relay.start, stop: relay.stop)]
    }

    /// ``processServices`` of a process serving `names`. With Dapr a process that serves only the
    /// web UI runs no relay: it has no sidecar (the chart gives it none), and a relay there would
    /// hold outbox partitions it could never publish.
    func processServices(serving names: [ServiceName]) -> [any Service] {
        if settings.eventBroker == .dapr && names.allSatisfy({ $0 == .frontend }) { return [] }
        return processServices
    }

    private var databaseCheck: ReadinessCheck {
        ReadinessCheck(name: "database") { [store] in
            try store.ping()
            return nil
        }
    }

    /// The HTTP listener of one service on its configured port, with `GET /metrics` serving
    /// `metrics` and the process's families.
    func httpService(_ name: ServiceName, router: Router, metrics registry: MetricsRegistry? = nil) -> HTTPService {
        Self.httpService(
            name, router: router, settings: settings, logger: logger,
            metrics: [metrics, registry ?? Self.metricsRegistry(logger: logger)])
    }

    /// The HTTP listener of service `name`; `/metrics` serves `registries`, the last of which also
    /// gets the service's HTTP metrics.
    static func httpService(
        _ name: ServiceName, router: Router, settings: AppSettings, logger: Logger,
        metrics registries: [MetricsRegistry]
    ) -> HTTPService {
        var router = router
        let httpMetrics = instrument(name, router: &router, registries: registries)
        let pipeline = HTTPPipeline.standard(
            router: router, cors: CORSPolicy(allowedOrigins: settings.corsOrigins), maxBodyBytes: settings.maxBodyBytes,
            proxies: settings.trustedProxies, metrics: httpMetrics)
        let configuration = HTTPServerConfiguration(
            host: settings.host, port: settings.ports[name] ?? 0, threads: settings.httpThreads,
            maxBodyBytes: settings.maxBodyBytes, connectionLimit: settings.maxConnections,
            connectionTimeoutSeconds: settings.connectionTimeoutSeconds, serviceName: "todo-chatbot",
            blockingThreads: settings.httpBlockingThreads, blockingQueueLength: settings.httpBlockingQueue)
        let serviceLogger = logger.with(LogKey.service, name.rawValue)
        let server = HTTPServer(configuration: configuration, pipeline: pipeline, logger: serviceLogger)
        return HTTPService(name: name.rawValue, server: server, logger: serviceLogger)
    }

    /// The `event_log` readiness check: the log answers; details carry topics, dead letters and the
    /// status of `consumers`. With Kafka, see ``kafkaCheck(_:relay:consumers:)``.
    static func eventLogCheck(_ log: any EventLog, relay: OutboxRelay?, consumers: [EventConsumer]) -> ReadinessCheck {
        if let kafka = log as? KafkaEventLog, let relay {
            return kafkaCheck(kafka, relay: relay, consumers: consumers)
        }
        if let dapr = log as? DaprEventLog, let relay { return daprCheck(dapr, relay: relay, consumers: consumers) }
        return ReadinessCheck(name: "event_log") { try EventLogStatus.details(log: log, consumers: consumers) }
    }

    public func close() {
        relay?.stop()
        eventLog.close()
        outbox.close()
        store.close()
    }

    // MARK: Tokens

    /// Signing key from `auth.jwt_secret`, or — for a local stack with none configured — a random
    /// secret kept in the data directory (mode 0600), so tokens survive restarts without setup.
    /// Without `createLocalSecret` that file must already exist.
    static func tokenService(settings: AppSettings, createLocalSecret: Bool = true, logger: Logger) throws
        -> TokenService
    {
        var secret = settings.jwtSecret
        if secret.isEmpty {
            let path = URL(fileURLWithPath: settings.dataDirectory).appendingPathComponent("jwt-secret").path
            secret = try createLocalSecret ? LocalSecret.loadOrCreate(at: path) : LocalSecret.load(at: path)
            logger.debug("Using the generated local JWT secret")
        }
        guard secret.utf8.count >= 32 else {
            throw AppError(
                .badRequest, code: "weak_jwt_secret", message: "auth.jwt_secret (JWT_SECRET) needs at least 32 bytes")
        }
        let current = JWTKey.derived(from: secret)
        let previous = settings.jwtPreviousSecrets.filter { !$0.isEmpty }.map(JWTKey.derived(from:))
        return try TokenService(
            signingKey: current, verificationKeys: previous, issuer: settings.jwtIssuer,
            lifetime: settings.tokenLifetimeSeconds)
    }
}
