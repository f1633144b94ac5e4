import Foundation
import TodoCore
import TodoKafka
import TodoLogging

/// `bench kafka`: the Kafka path measured through librdkafka's mock cluster in this process.
///
/// - **Produce**: `messages` CloudEvent-sized values (about 1 KiB) published through
///   ``KafkaEventLog/publish(_:)`` in batches of `batch`, each call waiting for the broker's
///   acknowledgement of its batch, as the outbox relay does; then `singles` one-message publishes,
///   each waiting for its acknowledgement (the relay's cost for a lone change).
/// - **End to end**: ``EventLatencyBench`` on a composition with `events.broker=kafka`: a task
///   change commits to the outbox, the relay publishes it, a consumer group on `task-events` reads
///   it through the mock brokers.
struct KafkaBench {
    let settings: AppSettings
    let messages: Int
    let batch: Int
    let singles: Int
    let samples: Int

    struct Result {
        var messagesPerSecond: Double
        var megabytesPerSecond: Double
        var singleAck: [Double]
        var endToEnd: EventLatencyBench.Result
    }

    func run() throws -> Result {
        let logger = Logger(service: "bench", level: .error)
        let cluster = try KafkaMockCluster(brokers: 1, logger: logger)
        defer { cluster.close() }
        try cluster.createTopics(
            EventTopics.standard(partitions: settings.eventPartitions) + [
                TopicSpec(name: "bench-produce", partitions: 3)
            ],
            replicationFactor: 1, config: [:])

        var kafkaSettings = settings
        kafkaSettings.eventBroker = .kafka
        // The mock brokers hold an empty fetch for all of fetch.wait.max.ms, even when a message
        // arrives meanwhile (a real broker answers at once): a short wait keeps that out of the numbers.
        // Properties given with --set kafka.<property> still apply.
        kafkaSettings.kafka = KafkaConfiguration(
            brokers: cluster.bootstrapServers,
            properties: ["fetch.wait.max.ms": "10"].merging(settings.kafka.properties) { _, given in given })
        let (rate, bytes, singleAck) = try produce(kafkaSettings.kafka, logger: logger)

        let composition = try Composition(settings: kafkaSettings, logger: logger)
        defer { composition.close() }
        let services = composition.processServices
        for service in services { try service.start() }
        defer { for service in services.reversed() { service.stop(gracePeriod: .seconds(5)) } }
        let endToEnd = try EventLatencyBench(
            composition: composition, samples: samples, pause: .milliseconds(2), joinTimeout: 20
        ).run()
        return Result(messagesPerSecond: rate, megabytesPerSecond: bytes, singleAck: singleAck, endToEnd: endToEnd)
    }

    private func produce(_ configuration: KafkaConfiguration, logger: Logger) throws -> (Double, Double, [Double]) {
        let log = try KafkaEventLog(configuration: configuration, logger: logger)
        defer { log.close() }
        let value = Array(String(repeating: "x", count: 1000).utf8)
        let headers = [MessageHeader(name: "content-type", value: CloudEvent.contentType)]
        // Each batch goes to one partition, as the relay's do. (The mock brokers answer a request
        // that spans partitions about 40 ms late, a Nagle/delayed-ACK artefact real brokers lack.)
        let users = (0..<300).map { "user-\($0)" }
        let keys = (0..<3).map { partition in
            users.filter { Partitioner.partition(forKey: $0, partitions: 3) == partition }
        }
        let message = { (partition: Int, index: Int) in
            let key = keys[partition][index % keys[partition].count]
            return OutgoingMessage(topic: "bench-produce", key: key, headers: headers, value: value)
        }
        // Warm up: metadata, producer id, connections.
        try log.publish([message(0, 0)])

        let started = ContinuousClock.now
        var sent = 0
        var batches = 0
        while sent < messages {
            let count = min(batch, messages - sent)
            try log.publish((0..<count).map { message(batches % 3, $0) })
            sent += count
            batches += 1
        }
        let seconds = Self.seconds(ContinuousClock.now - started)

        var acks: [Double] = []
        for index in 0..<singles {
            let start = ContinuousClock.now
            try log.publish([message(index % 3, index)])
            acks.append(Self.seconds(ContinuousClock.now - start) * 1000)
        }
        return (Double(messages) / seconds, Double(messages * value.count) / seconds / 1_048_576, acks)
    }

    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }
}
