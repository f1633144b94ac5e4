import Foundation
import Testing
import TodoCore
import TodoEvents
import TodoTestSupport

@testable import TodoApp

/// The runner's dead-letter handling on the Kafka path: the letter is written to the store's outbox
/// in the transaction that marks the event processed, and the relay takes it to Kafka.
@Suite struct KafkaDeadLetterTests {
    @Test func anEventThatKeepsFailing_reachesTheKafkaDeadLetterTopicWithItsReason() throws {
        let stack = try KafkaStack()
        let consumer = EventConsumer(
            group: "always-failing", topics: [EventTopics.taskEvents], log: stack.composition.eventLog,
            store: stack.composition.store,
            options: EventConsumer.Options(
                maxAttempts: 3, subscription: SubscriptionOptions(retryBackoff: 0.01, maxRetryBackoff: 0.02)),
            logger: KafkaStack.quiet
        ) { delivery, _ in
            if delivery.event.data["task"]?["title"]?.stringValue == "poison" { throw AppError.internal("refused") }
        }
        try consumer.start()
        defer { consumer.stop() }

        let token = try stack.signUp("dlq")
        #expect(stack.createTask("poison", token: token) == 201)
        #expect(stack.createTask("fine", token: token) == 201)
        #expect(eventually(timeout: 30) { consumer.counts.deadLettered == 1 && consumer.counts.processed == 1 })

        let kafka = stack.composition.eventLog
        let deadLetterTopic = EventTopics.deadLetter(EventTopics.taskEvents)
        let letters = try #require(
            try eventuallyValue(timeout: 20) {
                let found = try (0..<3).flatMap {
                    try kafka.read(topic: deadLetterTopic, partition: $0, from: 0, limit: 10)
                }
                return found.isEmpty ? nil : found
            })
        #expect(letters.count == 1)
        let letter = try #require(letters.first)
        #expect(letter.header("dlq-reason") == "failed")
        #expect(letter.header("dlq-group") == "always-failing")
        #expect(letter.header("dlq-attempts") == "3")
        #expect(letter.header("content-type") == CloudEvent.contentType)
        #expect(try CloudEvent.decode(letter.value).data["task"]?["title"]?.stringValue == "poison")
    }

    private func eventuallyValue<T>(timeout: TimeInterval, _ probe: () throws -> T?) throws -> T? {
        let deadline = Date(timeIntervalSinceNow: timeout)
        while Date() < deadline {
            if let value = try probe() { return value }
            Thread.sleep(forTimeInterval: 0.05)
        }
        return try probe()
    }
}
