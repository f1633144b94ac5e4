// The one place where settings are declared. To add one: a key constant below, then a definition
// in `standard`. Everything else (profiles file, environment, flags, `profile show`) follows.

extension SettingKey {
    public static let dataDirectory: SettingKey = "data_dir"

    public static let databaseURL: SettingKey = "database.url"
    public static let databaseBusyTimeoutMS: SettingKey = "database.busy_timeout_ms"
    public static let databasePoolSize: SettingKey = "database.pool_size"
    public static let databasePoolTimeoutMS: SettingKey = "database.pool_timeout_ms"
    public static let databaseStatementTimeoutMS: SettingKey = "database.statement_timeout_ms"
    public static let databaseAutoMigrate: SettingKey = "database.auto_migrate"

    public static let httpHost: SettingKey = "http.host"
    public static let httpThreads: SettingKey = "http.threads"
    public static let httpBlockingThreads: SettingKey = "http.blocking_threads"
    public static let httpBlockingQueue: SettingKey = "http.blocking_queue"
    public static let httpMaxBodyBytes: SettingKey = "http.max_body_bytes"
    public static let httpMaxConnections: SettingKey = "http.max_connections"
    public static let httpConnectionTimeoutSeconds: SettingKey = "http.connection_timeout_seconds"
    public static let httpCORSOrigins: SettingKey = "http.cors_origins"
    public static let httpTrustedProxies: SettingKey = "http.trusted_proxies"
    public static let httpTrustedProxyHops: SettingKey = "http.trusted_proxy_hops"

    public static let frontendAPIURL: SettingKey = "frontend.api_url"
    public static let frontendWebSocketURL: SettingKey = "frontend.websocket_url"

    public static let backendPort: SettingKey = "ports.backend"
    public static let frontendPort: SettingKey = "ports.frontend"
    public static let websocketPort: SettingKey = "ports.websocket"
    public static let recurringPort: SettingKey = "ports.recurring"
    public static let notificationPort: SettingKey = "ports.notification"

    public static let jwtSecret: SettingKey = "auth.jwt_secret"
    public static let jwtPreviousSecrets: SettingKey = "auth.jwt_previous_secrets"
    public static let jwtIssuer: SettingKey = "auth.jwt_issuer"
    public static let tokenTTLSeconds: SettingKey = "auth.token_ttl_seconds"
    public static let scryptLogN: SettingKey = "auth.scrypt_log_n"
    public static let loginMaxFailures: SettingKey = "auth.login_max_failures"
    public static let loginWindowSeconds: SettingKey = "auth.login_window_seconds"
    public static let signupMaxPerAddress: SettingKey = "auth.signup_max_per_address"
    public static let signupWindowSeconds: SettingKey = "auth.signup_window_seconds"

    public static let chatRateLimitMessages: SettingKey = "chat.rate_limit_messages"
    public static let chatRateLimitWindowSeconds: SettingKey = "chat.rate_limit_window_seconds"
    public static let chatEngine: SettingKey = "chat.engine"
    public static let chatModelBaseURL: SettingKey = "chat.model.base_url"
    public static let chatModelName: SettingKey = "chat.model.name"
    public static let chatModelAPIKey: SettingKey = "chat.model.api_key"
    public static let chatModelTimeoutSeconds: SettingKey = "chat.model.timeout_seconds"
    public static let chatModelMaxSteps: SettingKey = "chat.model.max_steps"
    public static let chatModelDeadlineSeconds: SettingKey = "chat.model.deadline_seconds"
    public static let mcpSessionLifetimeSeconds: SettingKey = "mcp.session_lifetime_seconds"

    public static let logLevel: SettingKey = "log.level"

    public static let eventsPartitions: SettingKey = "events.partitions"
    public static let eventsRetentionHours: SettingKey = "events.retention_hours"
    public static let eventsRetentionMaxMessages: SettingKey = "events.retention_max_messages"
    public static let eventsPollIntervalMS: SettingKey = "events.poll_interval_ms"
    public static let eventsBroker: SettingKey = "events.broker"

    public static let kafkaBrokers: SettingKey = "kafka.brokers"
    public static let kafkaSecurityProtocol: SettingKey = "kafka.security_protocol"
    public static let kafkaSASLMechanism: SettingKey = "kafka.sasl_mechanism"
    public static let kafkaUsername: SettingKey = "kafka.username"
    public static let kafkaPassword: SettingKey = "kafka.password"
    public static let kafkaCAFile: SettingKey = "kafka.ca_file"
    public static let kafkaCreateTopics: SettingKey = "kafka.create_topics"
    public static let kafkaReplicationFactor: SettingKey = "kafka.replication_factor"

    public static let daprHTTPPort: SettingKey = "dapr.http_port"
    public static let daprPubsub: SettingKey = "dapr.pubsub"
    public static let daprAPIToken: SettingKey = "dapr.api_token"
    public static let daprAppAPIToken: SettingKey = "dapr.app_api_token"

    public static let websocketReplicaID: SettingKey = "websocket.replica_id"
    public static let websocketMaxConnections: SettingKey = "websocket.max_connections"
    public static let websocketReactorThreads: SettingKey = "websocket.reactor_threads"
    public static let websocketPingIntervalSeconds: SettingKey = "websocket.ping_interval_seconds"
    public static let websocketPongTimeoutSeconds: SettingKey = "websocket.pong_timeout_seconds"
    public static let websocketMaxQueuedMessages: SettingKey = "websocket.max_queued_messages"
    public static let websocketMaxQueuedBytes: SettingKey = "websocket.max_queued_bytes"
    public static let websocketConnectionMemoryBytes: SettingKey = "websocket.connection_memory_bytes"

    public static let notificationsMissedAfterMinutes: SettingKey = "notifications.missed_after_minutes"
    public static let notificationsLateAfterSeconds: SettingKey = "notifications.late_after_seconds"
    public static let notificationsLeaseSeconds: SettingKey = "notifications.lease_seconds"
    public static let notificationsWebhookAttempts: SettingKey = "notifications.webhook_attempts"
}

extension SettingsRegistry {
    /// The settings of `todo-chatbot`, in the order `profile show` lists them; any other
    /// `kafka.<property>` passes through to librdkafka.
    public static let standard = SettingsRegistry(standardDefinitions, passthroughPrefixes: ["kafka."])

    static let standardDefinitions: [SettingDefinition] = [
        SettingDefinition(
            .dataDirectory, .path,
            default: .derived { .string(ConfigPaths.defaultDataDirectory(environment: $0.environment)) },
            env: "TODO_DATA_DIR", "Directory for the SQLite database, the event log and generated keys"),

        SettingDefinition(
            .databaseURL, .url(schemes: ["sqlite", "postgres", "postgresql"]),
            default: .derived { .string("sqlite://\($0.dataDirectory)/todo.db") },
            env: "DATABASE_URL", secret: true, "Database: sqlite:///path/to/file.db or postgres://user:pass@host/db"),
        SettingDefinition(
            .databaseBusyTimeoutMS, .int(0...600_000), default: .value(.int(5000)),
            env: "TODO_DATABASE_BUSY_TIMEOUT_MS", "Milliseconds SQLite waits for a lock before failing"),
        SettingDefinition(
            .databasePoolSize, .int(1...100), default: .value(.int(10)),
            env: "TODO_DATABASE_POOL_SIZE", "Most Postgres connections a process keeps open"),
        SettingDefinition(
            .databasePoolTimeoutMS, .int(0...600_000), default: .value(.int(5000)),
            env: "TODO_DATABASE_POOL_TIMEOUT_MS",
            "Milliseconds a request waits for a free Postgres connection before failing with 503 database_busy"),
        SettingDefinition(
            .databaseStatementTimeoutMS, .int(0...3_600_000), default: .value(.int(30_000)),
            env: "TODO_DATABASE_STATEMENT_TIMEOUT_MS",
            "Milliseconds after which Postgres cancels a statement (statement_timeout); 0 never"),
        SettingDefinition(
            .databaseAutoMigrate, .bool, default: .value(.bool(true)),
            env: "TODO_DATABASE_AUTO_MIGRATE", "Apply pending schema migrations when a service starts"),

        SettingDefinition(
            .httpHost, .string, default: .value(.string("127.0.0.1")),
            env: "TODO_HOST", "Address the HTTP listeners bind to"),
        SettingDefinition(
            .httpThreads, .int(0...64), default: .value(.int(0)),
            env: "TODO_HTTP_THREADS", "HTTP worker threads; 0 sizes the pool to the CPU cores"),
        SettingDefinition(
            .httpBlockingThreads, .int(1...1024), default: .value(.int(16)),
            env: "TODO_HTTP_BLOCKING_THREADS", "Threads for slow handlers (chat with a model), off the HTTP threads"),
        SettingDefinition(
            .httpBlockingQueue, .int(0...100_000), default: .value(.int(64)),
            env: "TODO_HTTP_BLOCKING_QUEUE", "Slow requests that may wait for a blocking thread, then 503 server_busy"),
        SettingDefinition(
            .httpMaxBodyBytes, .int(1024...1_073_741_824), default: .value(.int(1_048_576)),
            env: "TODO_HTTP_MAX_BODY_BYTES", "Largest request body accepted, in bytes"),
        SettingDefinition(
            .httpMaxConnections, .int(1...1_000_000), default: .value(.int(1024)),
            env: "TODO_HTTP_MAX_CONNECTIONS", "Most connections open at once per listener"),
        SettingDefinition(
            .httpConnectionTimeoutSeconds, .duration(1...86_400), default: .value(.int(60)),
            env: "TODO_HTTP_CONNECTION_TIMEOUT_SECONDS", "Idle HTTP connections are closed after this long"),
        SettingDefinition(
            .httpCORSOrigins, .stringList,
            default: .value(.list(["http://localhost:3000", "http://127.0.0.1:3000"])),
            env: "TODO_CORS_ORIGINS", "Origins allowed by CORS (comma-separated)"),
        SettingDefinition(
            .httpTrustedProxies, .stringList, default: .value(.list([])), env: "TODO_TRUSTED_PROXIES",
            "Proxies (addresses or CIDR ranges) whose X-Forwarded-For names the client; empty trusts none"),
        SettingDefinition(
            .httpTrustedProxyHops, .int(0...10), default: .value(.int(0)), env: "TODO_TRUSTED_PROXY_HOPS",
            "Rightmost X-Forwarded-For addresses that are the proxies' own (1 behind Google's load balancer)"),

        SettingDefinition(
            .frontendAPIURL, .string, default: .value(.string("")), env: "TODO_FRONTEND_API_URL",
            "Backend base URL the web UI calls; empty means http://<http.host>:<ports.backend>"),
        SettingDefinition(
            .frontendWebSocketURL, .string, default: .value(.string("")), env: "TODO_FRONTEND_WEBSOCKET_URL",
            "WebSocket URL the web UI syncs with; empty means ws://<http.host>:<ports.websocket>/ws"),

        SettingDefinition(
            .backendPort, .port, default: .value(.int(8000)), env: "TODO_BACKEND_PORT", "Port of the backend API"),
        SettingDefinition(
            .frontendPort, .port, default: .value(.int(3000)), env: "TODO_FRONTEND_PORT", "Port of the web frontend"),
        SettingDefinition(
            .websocketPort, .port, default: .value(.int(8001)),
            env: "TODO_WEBSOCKET_PORT", "Port of the WebSocket service"),
        SettingDefinition(
            .recurringPort, .port, default: .value(.int(8002)),
            env: "TODO_RECURRING_PORT", "Port of the recurring-task service"),
        SettingDefinition(
            .notificationPort, .port, default: .value(.int(8003)),
            env: "TODO_NOTIFICATION_PORT", "Port of the notification service"),

        SettingDefinition(
            .jwtSecret, .string, default: .value(.string("")), env: "JWT_SECRET", secret: true,
            "Key that signs access tokens; empty means the app generates one and stores it in data_dir"),
        SettingDefinition(
            .jwtPreviousSecrets, .stringList, default: .value(.list([])), env: "JWT_PREVIOUS_SECRETS", secret: true,
            "Earlier signing keys still accepted for verification during a rotation"),
        SettingDefinition(
            .jwtIssuer, .string, default: .value(.string("todo-chatbot")),
            env: "TODO_JWT_ISSUER", "The `iss` claim of issued tokens"),
        SettingDefinition(
            .tokenTTLSeconds, .duration(60...31_536_000), default: .value(.int(86_400)),
            env: "TODO_TOKEN_TTL_SECONDS", "Lifetime of an access token"),
        SettingDefinition(
            .scryptLogN, .int(10...20), default: .value(.int(14)),
            env: "TODO_SCRYPT_LOG_N", "scrypt cost for password hashes, as log2(N)"),
        SettingDefinition(
            .loginMaxFailures, .int(1...1000), default: .value(.int(5)),
            env: "TODO_LOGIN_MAX_FAILURES", "Failed logins allowed per account and window before refusing"),
        SettingDefinition(
            .loginWindowSeconds, .duration(1...86_400), default: .value(.int(300)),
            env: "TODO_LOGIN_WINDOW_SECONDS", "Window in which failed logins are counted"),
        SettingDefinition(
            .signupMaxPerAddress, .int(1...1_000_000), default: .value(.int(20)),
            env: "TODO_SIGNUP_MAX_PER_ADDRESS", "Accounts one client address may create per window before 429"),
        SettingDefinition(
            .signupWindowSeconds, .duration(1...86_400), default: .value(.int(3600)),
            env: "TODO_SIGNUP_WINDOW_SECONDS", "Window in which an address's sign-ups are counted"),

        SettingDefinition(
            .chatRateLimitMessages, .int(1...100_000), default: .value(.int(30)),
            env: "TODO_CHAT_RATE_LIMIT_MESSAGES", "Chat messages one user may send per window before 429"),
        SettingDefinition(
            .chatRateLimitWindowSeconds, .duration(1...86_400), default: .value(.int(60)),
            env: "TODO_CHAT_RATE_LIMIT_WINDOW_SECONDS", "Window in which a user's chat messages are counted"),
        // A model is used when the environment names a server (as the Helm chart's ConfigMap does),
        // unless chat.engine says otherwise.
        SettingDefinition(
            .chatEngine, .enumeration(["offline", "openai-compatible"]),
            default: .derived { context in
                .string((context.environment["TODO_LLM_BASE_URL"] ?? "").isEmpty ? "offline" : "openai-compatible")
            },
            env: "TODO_CHAT_ENGINE",
            "Who answers chat: the offline engine, or a model over an OpenAI-compatible API (offline on failure)"),
        SettingDefinition(
            .chatModelBaseURL, .string, default: .value(.string("")), env: "TODO_LLM_BASE_URL",
            "The model server's API root, e.g. https://api.openai.com/v1 or http://localhost:11434/v1"),
        SettingDefinition(
            .chatModelName, .string, default: .value(.string("")), env: "TODO_LLM_MODEL",
            "The model to ask, e.g. gpt-4o-mini or llama3.1"),
        SettingDefinition(
            .chatModelAPIKey, .string,
            default: .environment("OPENAI_API_KEY", otherwise: .string("")),
            env: "LLM_API_KEY", secret: true,
            "Bearer key for the model server (LLM_API_KEY, else OPENAI_API_KEY); empty sends none"),
        SettingDefinition(
            .chatModelTimeoutSeconds, .duration(1...600), default: .value(.int(30)),
            env: "TODO_LLM_TIMEOUT_SECONDS", "Seconds one model request may wait for an answer"),
        SettingDefinition(
            .chatModelMaxSteps, .int(1...20), default: .value(.int(6)), env: "TODO_LLM_MAX_STEPS",
            "Model requests per chat message, tool rounds included, before it is stopped"),
        SettingDefinition(
            .chatModelDeadlineSeconds, .duration(1...900), default: .value(.int(90)),
            env: "TODO_LLM_DEADLINE_SECONDS", "Seconds one chat message may spend with the model in all"),

        SettingDefinition(
            .mcpSessionLifetimeSeconds, .duration(60...2_592_000), default: .value(.int(86_400)),
            env: "TODO_MCP_SESSION_LIFETIME_SECONDS",
            "A Streamable HTTP MCP session ends this long after initialize; its client initializes again"),

        SettingDefinition(
            .logLevel, .enumeration(["trace", "debug", "info", "warning", "error"]), default: .value(.string("info")),
            env: "LOG_LEVEL", "Lowest log level written"),

        SettingDefinition(
            .eventsPartitions, .int(1...256), default: .value(.int(3)),
            env: "TODO_EVENTS_PARTITIONS", "Partitions of each event topic created at startup"),
        SettingDefinition(
            .eventsRetentionHours, .int(1...87_600), default: .value(.int(168)),
            env: "TODO_EVENTS_RETENTION_HOURS", "Event-log messages older than this many hours are removed"),
        SettingDefinition(
            .eventsRetentionMaxMessages, .int(100...100_000_000), default: .value(.int(100_000)),
            env: "TODO_EVENTS_RETENTION_MAX_MESSAGES", "Most messages kept per event-log partition"),
        SettingDefinition(
            .eventsPollIntervalMS, .int(5...60_000), default: .value(.int(100)),
            env: "TODO_EVENTS_POLL_INTERVAL_MS",
            "How often consumers check for messages written by other processes, in milliseconds"),

        SettingDefinition(
            .eventsBroker, .enumeration(["embedded", "kafka", "dapr"]), default: .value(.string("embedded")),
            env: "TODO_BROKER",
            "Where events go: the log embedded in the database, or Kafka/Redpanda or a Dapr sidecar "
                + "(relayed from the outbox)"),
        SettingDefinition(
            .kafkaBrokers, .string, default: .value(.string("")), env: "KAFKA_BOOTSTRAP_SERVERS",
            "Kafka bootstrap servers, host:port[,host:port...] (events.broker=kafka)"),
        SettingDefinition(
            .kafkaSecurityProtocol, .enumeration(["PLAINTEXT", "SSL", "SASL_PLAINTEXT", "SASL_SSL"]),
            default: .value(.string("PLAINTEXT")), env: "KAFKA_SECURITY_PROTOCOL",
            "Kafka transport: PLAINTEXT, SSL, SASL_PLAINTEXT or SASL_SSL"),
        SettingDefinition(
            .kafkaSASLMechanism, .enumeration(["PLAIN", "SCRAM-SHA-256", "SCRAM-SHA-512"]),
            default: .value(.string("SCRAM-SHA-256")), env: "KAFKA_SASL_MECHANISM",
            "SASL mechanism for the SASL protocols: PLAIN, SCRAM-SHA-256 or SCRAM-SHA-512"),
        SettingDefinition(
            .kafkaUsername, .string, default: .value(.string("")), env: "KAFKA_SASL_USERNAME",
            "SASL user name"),
        SettingDefinition(
            .kafkaPassword, .string, default: .value(.string("")), env: "KAFKA_SASL_PASSWORD", secret: true,
            "SASL password"),
        SettingDefinition(
            .kafkaCAFile, .string, default: .value(.string("")), env: "KAFKA_CA_FILE",
            "PEM file of the CAs that sign the brokers' certificates; empty uses the system's trust store"),
        SettingDefinition(
            .kafkaCreateTopics, .bool, default: .value(.bool(true)), env: "KAFKA_CREATE_TOPICS",
            "Create missing Kafka topics at startup (events.partitions each); false expects them to exist"),
        SettingDefinition(
            .kafkaReplicationFactor, .int(-1...16), default: .value(.int(-1)), env: "KAFKA_REPLICATION_FACTOR",
            "Replicas of each Kafka topic created; -1 takes the broker's default"),
        SettingDefinition(
            .daprHTTPPort, .port, default: .value(.int(3500)), env: "DAPR_HTTP_PORT",
            "HTTP port of the Dapr sidecar on 127.0.0.1 (events.broker=dapr); the sidecar injector sets it"),
        SettingDefinition(
            .daprPubsub, .string, default: .value(.string("pubsub")), env: "TODO_DAPR_PUBSUB",
            "Name of the Dapr pub/sub component events are published to and received from"),
        SettingDefinition(
            .daprAPIToken, .string, default: .value(.string("")), env: "DAPR_API_TOKEN", secret: true,
            "Token sent to the Dapr sidecar as dapr-api-token; empty sends none"),
        SettingDefinition(
            .daprAppAPIToken, .string, default: .value(.string("")), env: "APP_API_TOKEN", secret: true,
            "Token the Dapr sidecar must send as dapr-api-token on its calls to the app; empty requires none"),
        SettingDefinition(
            .websocketReplicaID, .string, default: .value(.string("")), env: "TODO_WEBSOCKET_REPLICA_ID",
            "Names this WebSocket replica and its consumer group; empty means <host name>-<port>"),
        SettingDefinition(
            .websocketMaxConnections, .int(1...1_000_000), default: .value(.int(10_000)),
            env: "TODO_WEBSOCKET_MAX_CONNECTIONS", "Most WebSocket connections open at once per replica"),
        SettingDefinition(
            .websocketReactorThreads, .int(1...64), default: .value(.int(1)),
            env: "TODO_WEBSOCKET_REACTOR_THREADS", "Threads that drive the WebSocket connections"),
        SettingDefinition(
            .websocketPingIntervalSeconds, .duration(1...3600), default: .value(.int(25)),
            env: "TODO_WEBSOCKET_PING_INTERVAL_SECONDS", "A quiet WebSocket peer is pinged after this long"),
        SettingDefinition(
            .websocketPongTimeoutSeconds, .duration(1...600), default: .value(.int(10)),
            env: "TODO_WEBSOCKET_PONG_TIMEOUT_SECONDS", "A peer that does not answer a ping this long is dropped"),
        SettingDefinition(
            .websocketMaxQueuedMessages, .int(16...100_000), default: .value(.int(512)),
            env: "TODO_WEBSOCKET_MAX_QUEUED_MESSAGES",
            "Messages waiting for one client beyond which it is disconnected as too slow"),
        SettingDefinition(
            .websocketMaxQueuedBytes, .int(16_384...1_073_741_824), default: .value(.int(1_048_576)),
            env: "TODO_WEBSOCKET_MAX_QUEUED_BYTES",
            "Bytes waiting for one client beyond which it is disconnected as too slow"),
        SettingDefinition(
            .websocketConnectionMemoryBytes, .int(4096...1_048_576), default: .value(.int(8192)),
            env: "TODO_WEBSOCKET_CONNECTION_MEMORY_BYTES",
            "libmicrohttpd's memory per WebSocket connection; handshake headers may use about half of it"),

        SettingDefinition(
            .notificationsMissedAfterMinutes, .int(1...525_600), default: .value(.int(1440)),
            env: "TODO_NOTIFICATIONS_MISSED_AFTER_MINUTES",
            "A reminder found this many minutes after its time is recorded as missed instead of sent"),
        SettingDefinition(
            .notificationsLateAfterSeconds, .int(1...86_400), default: .value(.int(60)),
            env: "TODO_NOTIFICATIONS_LATE_AFTER_SECONDS", "A reminder delivered this many seconds late is marked late"),
        SettingDefinition(
            .notificationsLeaseSeconds, .int(1...3600), default: .value(.int(30)),
            env: "TODO_NOTIFICATIONS_LEASE_SECONDS",
            "How long an instance holds a claimed reminder; a crash mid-delivery is retried after it"),
        SettingDefinition(
            .notificationsWebhookAttempts, .int(1...50), default: .value(.int(6)),
            env: "TODO_NOTIFICATIONS_WEBHOOK_ATTEMPTS", "Webhook attempts before a delivery is recorded as failed"),
    ]
}
