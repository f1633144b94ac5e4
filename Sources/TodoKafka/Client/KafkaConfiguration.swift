import Foundation
import TodoCore

/// How to reach a Kafka-compatible cluster (Kafka, Redpanda) and how the adapter behaves there:
/// the broker list, transport security and SASL credentials, and any other librdkafka property.
///
/// The password is never part of ``description`` or of an error message; ``librdkafkaProperties(for:)``
/// is the only place it leaves this value, straight into librdkafka's configuration object.
public struct KafkaConfiguration: Sendable, Equatable, CustomStringConvertible {
    /// `security.protocol`: whether the connection is encrypted (SSL) and authenticated (SASL).
    public enum SecurityProtocol: String, Sendable, CaseIterable {
        case plaintext = "PLAINTEXT"
        case ssl = "SSL"
        case saslPlaintext = "SASL_PLAINTEXT"
        case saslSSL = "SASL_SSL"

        var usesSASL: Bool { self == .saslPlaintext || self == .saslSSL }
        var usesTLS: Bool { self == .ssl || self == .saslSSL }
    }

    /// `sasl.mechanism` for the SASL protocols.
    public enum SASLMechanism: String, Sendable, CaseIterable {
        case plain = "PLAIN"
        case scramSHA256 = "SCRAM-SHA-256"
        case scramSHA512 = "SCRAM-SHA-512"
    }

    /// `bootstrap.servers`: `host:port[,host:port...]`.
    public var brokers: String
    public var securityProtocol: SecurityProtocol
    public var saslMechanism: SASLMechanism
    public var username: String
    /// Secret: never logged, never shown.
    public var password: String
    /// PEM file of the certificate authorities that sign the brokers' certificates; empty uses the
    /// system's trust store.
    public var caFile: String
    /// Any other librdkafka property (`linger.ms`, `ssl.endpoint.identification.algorithm`, ...),
    /// set last, so it may override the adapter's defaults.
    public var properties: [String: String]
    /// Whether ``KafkaEventLog/ensureTopics(_:)`` creates missing topics or only checks for them.
    public var createTopics: Bool
    /// Replicas of each created topic; -1 leaves the choice to the broker's default.
    public var replicationFactor: Int
    /// Consumer-group session: a member that sends no heartbeat for this long is dropped.
    public var sessionTimeout: TimeInterval
    /// Longest wait for the broker on an administrative call (metadata, offsets, topic creation).
    public var requestTimeout: TimeInterval
    /// How long a produced message may wait for the broker before it is reported failed.
    public var deliveryTimeout: TimeInterval
    /// How often a consumer commits the offsets of handled messages while it is busy; it also
    /// commits whenever it runs out of messages, on every rebalance and when it stops.
    public var commitInterval: TimeInterval
    /// `client.id` prefix, so the broker's logs tell our connections apart.
    public var clientID: String

    public init(
        brokers: String, securityProtocol: SecurityProtocol = .plaintext, saslMechanism: SASLMechanism = .scramSHA256,
        username: String = "", password: String = "", caFile: String = "", properties: [String: String] = [:],
        createTopics: Bool = true, replicationFactor: Int = -1, sessionTimeout: TimeInterval = 10,
        requestTimeout: TimeInterval = 10, deliveryTimeout: TimeInterval = 60, commitInterval: TimeInterval = 1,
        clientID: String = "todo-chatbot"
    ) {
        self.brokers = brokers
        self.securityProtocol = securityProtocol
        self.saslMechanism = saslMechanism
        self.username = username
        self.password = password
        self.caFile = caFile
        self.properties = properties
        self.createTopics = createTopics
        self.replicationFactor = replicationFactor
        self.sessionTimeout = sessionTimeout
        self.requestTimeout = requestTimeout
        self.deliveryTimeout = deliveryTimeout
        self.commitInterval = commitInterval
        self.clientID = clientID
    }

    /// The roles a librdkafka handle plays; each gets the common settings plus its own.
    enum Role {
        case producer
        case groupMember(group: String)
        case reader
        case admin
    }

    /// Checks what librdkafka would only notice when it first connects: a broker list, credentials
    /// for SASL, a readable CA file.
    public func validate() throws(AppError) {
        guard !brokers.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw Self.invalid("kafka.brokers (KAFKA_BOOTSTRAP_SERVERS) is empty: name at least one host:port")
        }
        if securityProtocol.usesSASL && (username.isEmpty || password.isEmpty) {
            throw Self.invalid(
                "kafka.security_protocol \(securityProtocol.rawValue) needs kafka.username and kafka.password "
                    + "(KAFKA_SASL_USERNAME, KAFKA_SASL_PASSWORD)")
        }
        if !caFile.isEmpty && !FileManager.default.isReadableFile(atPath: caFile) {
            throw Self.invalid("kafka.ca_file names '\(caFile)', which is not a readable file")
        }
    }

    /// Every librdkafka property of a handle in `role`, in the order they are set: the adapter's
    /// defaults, then security, then the pass-through properties.
    func librdkafkaProperties(for role: Role) -> [(String, String)] {
        var result: [(String, String)] = [
            ("bootstrap.servers", brokers),
            ("socket.keepalive.enable", "true"),
            ("topic.metadata.refresh.interval.ms", "60000"),
        ]
        switch role {
        case .producer:
            result += [
                ("client.id", clientID + "-producer"),
                ("enable.idempotence", "true"),
                ("acks", "all"),
                ("linger.ms", "1"),
                ("message.timeout.ms", Self.milliseconds(deliveryTimeout)),
            ]
        case .groupMember(let group):
            result += [
                ("client.id", clientID + "-consumer"),
                ("group.id", group),
                ("enable.auto.commit", "false"),
                ("enable.auto.offset.store", "false"),
                ("auto.offset.reset", "earliest"),
                ("partition.assignment.strategy", "roundrobin"),
                ("session.timeout.ms", Self.milliseconds(sessionTimeout)),
                ("heartbeat.interval.ms", Self.milliseconds(max(0.1, sessionTimeout / 10))),
                ("fetch.wait.max.ms", "100"),
            ]
        case .admin:
            result.append(("client.id", clientID + "-admin"))
        case .reader:
            result += [
                ("client.id", clientID + "-reader"),
                // assign() needs a group id; the reader never joins it and never commits.
                ("group.id", clientID + "-reader"),
                ("enable.auto.commit", "false"),
                ("enable.partition.eof", "true"),
                ("auto.offset.reset", "earliest"),
                ("fetch.wait.max.ms", "100"),
            ]
        }

        result.append(("security.protocol", securityProtocol.rawValue))
        if securityProtocol.usesSASL {
            result += [("sasl.mechanism", saslMechanism.rawValue), ("sasl.username", username)]
            result.append(("sasl.password", password))
        }
        if securityProtocol.usesTLS && !caFile.isEmpty {
            result.append(("ssl.ca.location", caFile))
        }
        result += properties.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
        return result
    }

    /// Whether a librdkafka property holds a credential, so its value is never shown.
    static func isSecret(property name: String) -> Bool {
        let lowered = name.lowercased()
        return ["password", "secret", "key.pem", "keystore", "token", "jaas"].contains { lowered.contains($0) }
    }

    public var description: String {
        var parts = ["brokers=\(brokers)", "security.protocol=\(securityProtocol.rawValue)"]
        if securityProtocol.usesSASL {
            parts += ["sasl.mechanism=\(saslMechanism.rawValue)", "username=\(username)", "password=****"]
        }
        if !caFile.isEmpty { parts.append("ca_file=\(caFile)") }
        for (name, value) in properties.sorted(by: { $0.key < $1.key }) {
            parts.append("\(name)=\(Self.isSecret(property: name) ? "****" : value)")
        }
        return parts.joined(separator: " ")
    }

    private static func milliseconds(_ seconds: TimeInterval) -> String {
        String(max(1, Int((seconds * 1000).rounded())))
    }

    private static func invalid(_ message: String) -> AppError {
        AppError(.badRequest, code: "kafka_config_invalid", message: message)
    }
}
