import Foundation
import TodoConfig
import TodoDapr
import TodoHTTP
import TodoKafka
import TodoLogging
import TodoNotify

extension AppSettings {
    /// Reads the typed settings from a resolved configuration. Every value has already been checked
    /// against its type, so a failure here means the registry and this bridge disagree.
    public init(resolved config: ResolvedConfig) throws(ConfigError) {
        profileName = config.profileName
        dataDirectory = try config.string(.dataDirectory)
        databaseURL = try config.string(.databaseURL)
        busyTimeoutMilliseconds = try config.int(.databaseBusyTimeoutMS)
        poolSize = try config.int(.databasePoolSize)
        poolTimeoutMilliseconds = try config.int(.databasePoolTimeoutMS)
        statementTimeoutMilliseconds = try config.int(.databaseStatementTimeoutMS)
        autoMigrate = try config.bool(.databaseAutoMigrate)

        host = try config.string(.httpHost)
        var ports: [ServiceName: Int] = [:]
        for service in ServiceName.allCases {
            ports[service] = try config.int(SettingKey(service.portKey))
        }
        self.ports = ports
        httpThreads = try config.int(.httpThreads)
        httpBlockingThreads = try config.int(.httpBlockingThreads)
        httpBlockingQueue = try config.int(.httpBlockingQueue)
        maxBodyBytes = try config.int(.httpMaxBodyBytes)
        maxConnections = try config.int(.httpMaxConnections)
        connectionTimeoutSeconds = try config.int(.httpConnectionTimeoutSeconds)
        corsOrigins = try config.list(.httpCORSOrigins)
        trustedProxies = try Self.trustedProxies(
            config.list(.httpTrustedProxies), hops: config.int(.httpTrustedProxyHops))
        let browserHost = host == "0.0.0.0" || host == "::" ? "127.0.0.1" : host
        let configuredAPI = try config.string(.frontendAPIURL)
        frontendAPIURL = configuredAPI.isEmpty ? "http://\(browserHost):\(ports[.backend] ?? 8000)" : configuredAPI
        let configuredWebSocket = try config.string(.frontendWebSocketURL)
        frontendWebSocketURL =
            configuredWebSocket.isEmpty
            ? "ws://\(browserHost):\(try config.int(.websocketPort))/ws" : configuredWebSocket

        jwtSecret = try config.string(.jwtSecret)
        jwtPreviousSecrets = try config.list(.jwtPreviousSecrets)
        jwtIssuer = try config.string(.jwtIssuer)
        tokenLifetimeSeconds = try config.int(.tokenTTLSeconds)
        scryptLogN = try config.int(.scryptLogN)
        loginMaxFailures = try config.int(.loginMaxFailures)
        loginWindowSeconds = try config.int(.loginWindowSeconds)
        signupMaxPerAddress = try config.int(.signupMaxPerAddress)
        signupWindowSeconds = try config.int(.signupWindowSeconds)
        chatRateLimitMessages = try config.int(.chatRateLimitMessages)
        chatRateLimitWindowSeconds = try config.int(.chatRateLimitWindowSeconds)
        chatEngine = try ChatEngineSettings(resolved: config)
        mcp = try MCPSettings(resolved: config)

        eventPartitions = try config.int(.eventsPartitions)
        eventRetentionHours = try config.int(.eventsRetentionHours)
        eventRetentionMaxMessages = try config.int(.eventsRetentionMaxMessages)
        eventPollIntervalMilliseconds = try config.int(.eventsPollIntervalMS)
        webSocket = try WebSocketSettings(resolved: config)
        notificationPolicy = NotificationPolicy(
            missedAfter: TimeInterval(try config.int(.notificationsMissedAfterMinutes) * 60),
            lateAfter: TimeInterval(try config.int(.notificationsLateAfterSeconds)),
            lease: TimeInterval(try config.int(.notificationsLeaseSeconds)),
            webhookAttempts: try config.int(.notificationsWebhookAttempts))

        eventBroker = EventBroker(rawValue: try config.string(.eventsBroker)) ?? .embedded
        kafka = try Self.kafka(config)
        dapr = DaprConfiguration(
            httpPort: try config.int(.daprHTTPPort), pubsub: try config.string(.daprPubsub),
            apiToken: try config.string(.daprAPIToken), appAPIToken: try config.string(.daprAppAPIToken))

        let level = try config.string(.logLevel)
        guard let logLevel = Logger.Level(name: level) else {
            throw ConfigError(.invalidValue, "setting 'log.level': unknown level '\(level)'", key: "log.level")
        }
        self.logLevel = logLevel
    }

    /// `http.trusted_proxies`, each entry an address or a CIDR range.
    private static func trustedProxies(_ entries: [String], hops: Int) throws(ConfigError) -> TrustedProxies {
        do {
            return try TrustedProxies(entries, hops: hops)
        } catch {
            let key = SettingKey.httpTrustedProxies.rawValue
            throw ConfigError(
                .invalidValue,
                "setting '\(key)': '\(error.entry)' is not an IP address or a CIDR range like 10.0.0.0/8", key: key)
        }
    }

    /// The Kafka settings; the enumerations were checked against these very spellings.
    private static func kafka(_ config: ResolvedConfig) throws(ConfigError) -> KafkaConfiguration {
        KafkaConfiguration(
            brokers: try config.string(.kafkaBrokers),
            securityProtocol: KafkaConfiguration.SecurityProtocol(rawValue: try config.string(.kafkaSecurityProtocol))
                ?? .plaintext,
            saslMechanism: KafkaConfiguration.SASLMechanism(rawValue: try config.string(.kafkaSASLMechanism))
                ?? .scramSHA256,
            username: try config.string(.kafkaUsername), password: try config.string(.kafkaPassword),
            caFile: try config.string(.kafkaCAFile), properties: config.passthrough(prefix: "kafka."),
            createTopics: try config.bool(.kafkaCreateTopics),
            replicationFactor: try config.int(.kafkaReplicationFactor))
    }
}
