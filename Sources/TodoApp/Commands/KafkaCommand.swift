import Foundation
import TodoCore
import TodoKafka
import TodoLogging

/// `kafka mock`: librdkafka's mock cluster on loopback, so the local stack can run on the Kafka
/// path with no broker installed.
enum KafkaCommand: Command {
    static let name = "kafka"
    static let summary = "run a throwaway Kafka cluster on loopback (librdkafka's mock brokers)"
    static let help = """
        Usage: todo-chatbot kafka mock [--brokers N]

        Starts librdkafka's mock cluster in this process: N Kafka brokers (default 1) speaking the
        real protocol on loopback ports, with the standard topics created (events.partitions
        partitions each). Prints the bootstrap address, then runs until SIGINT or SIGTERM; the
        messages live in memory and go with it. Point a stack at it with
          todo-chatbot serve --set events.broker=kafka --set kafka.brokers=ADDRESS

        The mock cluster keeps about 5 MiB per partition, cannot list or describe groups (`group
        list` shows the product's groups only) and delays a group's first join by 3 s.
        """

    static func run(_ arguments: inout Arguments, global: GlobalOptions) throws {
        var global = global
        try global.takeCommonOverrides(&arguments)
        guard arguments.positional() == "mock" else { throw CLIError.usage("kafka needs the action 'mock'") }
        let brokers = try arguments.option("brokers").map { text -> Int in
            guard let count = Int(text), (1...9).contains(count) else {
                throw CLIError.usage("--brokers takes a number from 1 to 9")
            }
            return count
        }
        try arguments.finish()

        let settings = try global.loadSettings()
        let logger = Logger(service: "kafka-mock", level: settings.logLevel)
        let signals = TerminationSignals()
        let cluster = try KafkaMockCluster(brokers: brokers ?? 1, logger: logger)
        defer { cluster.close() }
        try cluster.createTopics(
            EventTopics.standard(partitions: settings.eventPartitions), replicationFactor: brokers ?? 1, config: [:])

        // Unbuffered, so a script reading the pipe sees it at once.
        let lines = [
            "bootstrap: \(cluster.bootstrapServers)",
            "use it:    --set events.broker=kafka --set kafka.brokers=\(cluster.bootstrapServers)",
        ]
        FileHandle.standardOutput.write(Data((lines.joined(separator: "\n") + "\n").utf8))
        let signal = signals.wait()
        logger.info("Stopping the mock cluster", ["signal": signal])
    }
}
