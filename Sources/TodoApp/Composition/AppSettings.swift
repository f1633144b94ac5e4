import Foundation
import TodoDapr
import TodoHTTP
import TodoKafka
import TodoLogging
import TodoNotify

/// The typed settings the composition root needs, read once from the resolved configuration
/// (defaults < profile < environment < flags).
public struct AppSettings: Sendable {
    public var profileName: String
    public var dataDirectory: String
    public var databaseURL: String
    public var busyTimeoutMilliseconds: Int
    /// Postgres: most connections open (`database.pool_size`), how long a caller waits for one
    /// (`database.pool_timeout_ms`) and the server's `statement_timeout` (`database.statement_timeout_ms`).
    public var poolSize: Int
    public var poolTimeoutMilliseconds: Int
    public var statementTimeoutMilliseconds: Int
    public var autoMigrate: Bool
    public var host: String
    public var ports: [ServiceName: Int]
    public var httpThreads: Int
    /// The pool for handlers of blocking routes such as chat (`http.blocking_threads`) and how many
    /// such requests may wait for it (`http.blocking_queue`).
    public var httpBlockingThreads: Int
    public var httpBlockingQueue: Int
    public var maxBodyBytes: Int
    public var maxConnections: Int
    public var connectionTimeoutSeconds: Int
    public var corsOrigins: [String]
    /// The proxies whose `X-Forwarded-For` is believed (`http.trusted_proxies`, `http.trusted_proxy_hops`).
    public var trustedProxies: TrustedProxies
    public var jwtSecret: String
    public var jwtPreviousSecrets: [String]
    public var jwtIssuer: String
    public var tokenLifetimeSeconds: Int
    public var scryptLogN: Int
    public var loginMaxFailures: Int
    public var loginWindowSeconds: Int
    /// Sign-ups per client address and window (`auth.signup_max_per_address`, `auth.signup_window_seconds`).
    public var signupMaxPerAddress: Int
    public var signupWindowSeconds: Int
    /// Chat messages per user and window (`chat.rate_limit_messages`, `chat.rate_limit_window_seconds`).
    public var chatRateLimitMessages: Int
    public var chatRateLimitWindowSeconds: Int
    /// Who answers chat: the offline engine or a language model (`chat.engine`, `chat.model.*`).
    public var chatEngine: ChatEngineSettings
    /// Limits of the Streamable HTTP MCP sessions (`mcp.*`).
    public var mcp: MCPSettings
    public var logLevel: Logger.Level
    /// Partitions of each event topic the composition creates (`events.partitions`).
    public var eventPartitions: Int
    /// Event-log retention (`events.retention_hours`, `events.retention_max_messages`).
    public var eventRetentionHours: Int
    public var eventRetentionMaxMessages: Int
    /// How often consumers poll for messages of other processes (`events.poll_interval_ms`).
    public var eventPollIntervalMilliseconds: Int
    /// The WebSocket sync service (`websocket.*`).
    public var webSocket: WebSocketSettings
    /// The notification service's timing (`notifications.*`).
    public var notificationPolicy: NotificationPolicy
    /// The backend and WebSocket addresses the web UI is told (`frontend.api_url`,
    /// `frontend.websocket_url`; derived from the host and ports when empty).
    public var frontendAPIURL: String
    public var frontendWebSocketURL: String
    /// Where events go (`events.broker`): the embedded log, or Kafka fed by the outbox relay.
    public var eventBroker: EventBroker
    /// The Kafka cluster (`kafka.*`), used when `eventBroker` is `.kafka`.
    public var kafka: KafkaConfiguration
    /// The Dapr sidecar and pub/sub component (`dapr.*`), used when `eventBroker` is `.dapr`.
    public var dapr: DaprConfiguration
}

/// The broker behind the event log.
public enum EventBroker: String, Sendable {
    /// The log embedded in the database (the SQLite `event_*` tables).
    case embedded
    /// Kafka or Redpanda; the embedded log is then the outbox that the relay drains.
    case kafka
    /// A Dapr sidecar's pub/sub API (a `pubsub.kafka` component on Kubernetes); the embedded log is
    /// the outbox, and events arrive pushed to each service's `/dapr/events/<topic>`.
    case dapr
}

/// The services of the product, by the name `serve <name>` takes.
public enum ServiceName: String, Sendable, CaseIterable {
    case backend
    case websocket
    case recurringTask = "recurring-task"
    case notification
    case frontend

    /// The service `name` names: its own name, or the short one the deployment files use
    /// (`serve recurring`, as the Helm chart and compose file run it).
    public init?(named name: String) {
        if name == "recurring" {
            self = .recurringTask
        } else {
            self.init(rawValue: name)
        }
    }

    /// The setting holding the service's port (`ports.backend`, `ports.recurring`).
    public var portKey: String {
        switch self {
        case .backend: "ports.backend"
        case .websocket: "ports.websocket"
        case .recurringTask: "ports.recurring"
        case .notification: "ports.notification"
        case .frontend: "ports.frontend"
        }
    }

    /// What `serve` with no name starts: the whole local stack.
    public static let localStack: [ServiceName] = ServiceName.allCases
}
