import TodoEvents

/// Runs one ``EventConsumer`` as a ``Service``: it joins its group on start and leaves it on stop,
/// after the handler call in progress returns.
final class ConsumerService: Service {
    let name: String
    private let consumer: EventConsumer

    init(name: String, consumer: EventConsumer) {
        self.name = name
        self.consumer = consumer
    }

    func start() throws {
        try consumer.start()
    }

    func stop(gracePeriod: Duration) {
        consumer.stop()
    }
}
