import Foundation
import Testing
import TodoCore
import TodoKafka
import TodoLogging

@Suite struct KafkaConfigurationTests {
    @Test func saslOverTLS_needsCredentials_andAReadableCAFileWhenOneIsNamed() {
        let missing = KafkaConfiguration(brokers: "seed:9092", securityProtocol: .saslSSL, username: "app")
        #expect { try missing.validate() } throws: { ($0 as? AppError)?.code == "kafka_config_invalid" }

        let noFile = KafkaConfiguration(
            brokers: "seed:9092", securityProtocol: .saslSSL, username: "app", password: "p", caFile: "/nonexistent.pem"
        )
        #expect { try noFile.validate() } throws: { ($0 as? AppError)?.message.contains("/nonexistent.pem") == true }

        #expect(throws: AppError.self) { try KafkaConfiguration(brokers: " ").validate() }
        #expect(throws: Never.self) {
            try KafkaConfiguration(brokers: "seed:9092", securityProtocol: .saslPlaintext, username: "a", password: "b")
                .validate()
        }
    }

    @Test func theDescriptionNeverShowsAPassword() {
        let configuration = KafkaConfiguration(
            brokers: "seed:9092", securityProtocol: .saslSSL, saslMechanism: .scramSHA512, username: "app",
            password: "hunter2-sasl", properties: ["ssl.key.password": "hunter2-key", "linger.ms": "20"])

        let text = configuration.description
        #expect(!text.contains("hunter2"))
        #expect(text.contains("sasl.mechanism=SCRAM-SHA-512"))
        #expect(text.contains("username=app"))
        #expect(text.contains("linger.ms=20"))
    }

    @Test func aPropertyLibrdkafkaRefuses_isNamedInTheError() {
        let logger = Logger(service: "test", sink: NullLogSink())
        let unknown = KafkaConfiguration(brokers: "127.0.0.1:1", properties: ["no.such.property": "1"])
        #expect { _ = try KafkaEventLog(configuration: unknown, logger: logger) } throws: {
            ($0 as? AppError)?.code == "kafka_config_invalid"
                && ($0 as? AppError)?.message.contains("no.such.property") == true
        }

        let badEnum = KafkaConfiguration(brokers: "127.0.0.1:1", properties: ["acks": "sometimes"])
        #expect { _ = try KafkaEventLog(configuration: badEnum, logger: logger) } throws: {
            ($0 as? AppError)?.message.contains("acks") == true
        }
    }

    @Test func withoutTopicCreation_missingTopicsAreNamed_andExistingOnesAreEnough() throws {
        let kafka = try MockKafka()
        var configuration = kafka.configuration()
        configuration.createTopics = false
        let log = try KafkaEventLog(configuration: configuration, logger: kafka.logger, topicCreator: kafka.cluster)
        defer { log.close() }
        let wanted = [TopicSpec(name: "present", partitions: 2), TopicSpec(name: "absent", partitions: 2)]
        try kafka.cluster.createTopics([wanted[0]], replicationFactor: 1, config: [:])

        #expect { try log.ensureTopics(wanted) } throws: {
            ($0 as? AppError)?.code == "kafka_topics_missing" && ($0 as? AppError)?.message.contains("absent") == true
                && ($0 as? AppError)?.message.contains("present") == false
        }
        #expect(try log.topics().map(\.name) == ["present"])
        try log.ensureTopics([wanted[0]])
    }

    /// The mock brokers speak neither TLS nor SASL: a client configured for them fails to publish,
    /// and whatever librdkafka logs on the way never contains the password.
    @Test(arguments: [KafkaConfiguration.SecurityProtocol.saslPlaintext, .saslSSL, .ssl])
    func securedClients_failAgainstPlainBrokers_withoutLoggingThePassword(
        _ security: KafkaConfiguration.SecurityProtocol
    ) throws {
        let sink = MemoryLogSink()
        let logger = Logger(service: "test", level: .trace, sink: sink)
        let kafka = try MockKafka(logger: logger)
        try kafka.cluster.createTopics([TopicSpec(name: "t", partitions: 1)], replicationFactor: 1, config: [:])
        var configuration = kafka.configuration(properties: ["message.timeout.ms": "1500", "debug": "security,broker"])
        configuration.securityProtocol = security
        configuration.saslMechanism = .scramSHA256
        configuration.username = "app"
        configuration.password = "hunter2-never-logged"
        configuration.requestTimeout = 1.5
        let log = try KafkaEventLog(configuration: configuration, logger: logger)
        defer { log.close() }

        #expect { try log.publish([OutgoingMessage(topic: "t", key: "k", value: [1])]) } throws: {
            ($0 as? AppError)?.kind == .unavailable
        }
        log.close()

        let lines = sink.records.map { "\($0.message) \($0.metadata)" }
        // librdkafka did log the security handshake it attempted.
        #expect(lines.contains { $0.contains("SASL") || $0.contains("SSL") })
        #expect(!lines.contains { $0.contains("hunter2") })
    }
}
