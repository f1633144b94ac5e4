import Foundation
import Testing

@testable import TodoConfig

/// `kafka.<librdkafka property>` settings pass through to librdkafka from profiles and flags.
@Suite struct PassthroughSettingsTests {
    let directory: TemporaryDirectory
    let environment: [String: String]

    init() throws {
        directory = try TemporaryDirectory()
        environment = ["HOME": "\(directory.path)/home", "XDG_CONFIG_HOME": "\(directory.path)/xdg"]
    }

    private func writeProfile(_ settings: String) throws {
        try FileManager.default.createDirectory(
            atPath: "\(directory.path)/xdg/todo-chatbot", withIntermediateDirectories: true)
        try directory.write(
            "current_profile: cloud\nprofiles:\n  - name: cloud\n    settings:\n" + settings,
            to: "xdg/todo-chatbot/config.yaml")
    }

    @Test func propertiesUnderTheKafkaPrefix_comeFromProfilesFlatOrNested_andFromFlags() throws {
        try writeProfile("      kafka.linger.ms: 20\n      kafka:\n        compression.type: zstd\n")

        let config = try ConfigResolver(environment: environment).resolve(overrides: [
            SettingOverride(key: "kafka.linger.ms", text: "50"),
            SettingOverride(key: "kafka.client.rack", text: "eu-1a"),
        ])

        #expect(
            config.passthrough(prefix: "kafka.") == [
                "linger.ms": "50", "compression.type": "zstd", "client.rack": "eu-1a",
            ])
        #expect(config[SettingKey("kafka.linger.ms")]?.source == .flag("--set"))
        #expect(config[SettingKey("kafka.compression.type")]?.source == .profile("cloud"))
        // Declared kafka.* settings are not pass-through properties.
        #expect(config.passthrough(prefix: "kafka.")["brokers"] == nil)
    }

    @Test func credentialsAreMaskedWhetherDeclaredOrPassedThrough() throws {
        var environment = environment
        environment["KAFKA_SASL_PASSWORD"] = "hunter2-sasl"

        let config = try ConfigResolver(environment: environment).resolve(overrides: [
            SettingOverride(key: "kafka.ssl.key.password", text: "hunter2-key")
        ])
        let shown = config.rendered()

        #expect(config[.kafkaPassword]?.value == .string("hunter2-sasl"))
        #expect(config[.kafkaPassword]?.source == .environment("KAFKA_SASL_PASSWORD"))
        #expect(!shown.contains("hunter2"))
        #expect(shown.contains("kafka.ssl.key.password"))
    }

    @Test func keysOutsideAPrefix_andMalformedPropertyNames_areStillRefused() throws {
        #expect(throws: ConfigError.self) {
            try ConfigResolver(environment: environment).resolve(overrides: [
                SettingOverride(key: "redis.url", text: "x")
            ])
        }
        #expect(throws: ConfigError.self) {
            try ConfigResolver(environment: environment).resolve(overrides: [
                SettingOverride(key: "kafka.", text: "x")
            ])
        }
        #expect(throws: ConfigError.self) {
            try ConfigResolver(environment: environment).resolve(overrides: [
                SettingOverride(key: "kafka.bad name", text: "x")
            ])
        }
    }

    @Test func brokerSettingsHaveTheDeploymentsEnvironmentVariables() throws {
        let environment = self.environment.merging([
            "TODO_BROKER": "kafka", "KAFKA_BOOTSTRAP_SERVERS": "seed-1:9092,seed-2:9092",
            "KAFKA_SECURITY_PROTOCOL": "SASL_SSL", "KAFKA_SASL_MECHANISM": "SCRAM-SHA-512",
        ]) { $1 }

        let config = try ConfigResolver(environment: environment).resolve()

        #expect(config[.eventsBroker]?.value == .string("kafka"))
        #expect(config[.kafkaBrokers]?.value == .string("seed-1:9092,seed-2:9092"))
        #expect(config[.kafkaSecurityProtocol]?.value == .string("SASL_SSL"))
        #expect(config[.kafkaSASLMechanism]?.value == .string("SCRAM-SHA-512"))
        #expect(throws: ConfigError.self) {
            try ConfigResolver(environment: environment.merging(["KAFKA_SECURITY_PROTOCOL": "TLS"]) { $1 }).resolve()
        }
    }
}
