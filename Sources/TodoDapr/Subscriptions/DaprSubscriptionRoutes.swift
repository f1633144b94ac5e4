import Foundation
import TodoCore
import TodoCrypto
import TodoEvents
import TodoHTTP
import TodoLogging

/// The routes a Dapr sidecar calls on a service's own port (Dapr's programmatic subscriptions):
///
/// - `GET /dapr/subscribe` lists `{pubsubname, topic, route}` for each topic this service's
///   consumers subscribe to; the sidecar reads it when the app starts.
/// - `POST /dapr/events/{topic}` takes one pushed CloudEvent and answers 200 with Dapr's
///   `{"status": "SUCCESS" | "RETRY" | "DROP"}` (see ``DaprInbox/deliver(group:topic:body:)``). An
///   event for a topic this service does not consume is published to `<topic>.dlq` and dropped.
///
/// Only the sidecar may call them, and it sits next to the app: a caller that is not on loopback
/// gets 403 `dapr_not_local` (the WebSocket port is public behind the Ingress, and a forged event
/// pushed there would reach users' tabs). With `APP_API_TOKEN` set, both also need it in
/// `dapr-api-token`, compared in constant time; otherwise 401 `invalid_dapr_token`.
public struct DaprSubscriptionRoutes: Sendable {
    public static let eventsPrefix = "/dapr/events/"

    private let log: DaprEventLog
    /// The consumer group of each topic this service consumes.
    private let groups: [String: String]
    private let logger: Logger

    /// `subscriptions`: each consumer of this service with its group and topics.
    public init(log: DaprEventLog, subscriptions: [(group: String, topics: [String])], logger: Logger) {
        self.log = log
        var groups: [String: String] = [:]
        for subscription in subscriptions {
            for topic in subscription.topics { groups[topic] = subscription.group }
        }
        self.groups = groups
        self.logger = logger
    }

    public func register(on router: inout Router) {
        router.get("/dapr/subscribe") { [self] request in
            try authenticate(request)
            return .json(.array(groups.keys.sorted().map(entry)))
        }
        router.post(Self.eventsPrefix + "{topic}") { [self] request in
            try authenticate(request)
            let status = deliver(topic: request.pathParameters["topic"] ?? "", body: request.body)
            return .json(.object(["status": .string(status.rawValue)]))
        }
    }

    private func entry(_ topic: String) -> JSONValue {
        .object([
            "pubsubname": .string(log.sidecar.configuration.pubsub), "topic": .string(topic),
            "route": .string(Self.eventsPrefix + topic),
        ])
    }

    private func deliver(topic: String, body: [UInt8]) -> DaprDeliveryStatus {
        guard let group = groups[topic] else { return deadLetterUnknown(topic: topic, body: body) }

        let status = log.inbox.deliver(group: group, topic: topic, body: body)
        if status != .success {
            logger.debug(
                "Dapr delivery not handled",
                [LogKey.topic: topic, LogKey.consumerGroup: group, "dapr.status": status.rawValue])
        }
        return status
    }

    /// No consumer here takes `topic`, so no retry can help: the event goes to `<topic>.dlq` on
    /// the broker (there is no such topic in the outbox) and is dropped; RETRY while that fails.
    private func deadLetterUnknown(topic: String, body: [UInt8]) -> DaprDeliveryStatus {
        do {
            try log.sidecar.publish(topic: EventTopics.deadLetter(topic), key: "", value: body)
        } catch {
            logger.warning(
                "Cannot dead-letter an event of an unknown topic; Dapr will retry",
                [LogKey.topic: topic, LogKey.error: EventConsumer.describe(error)])
            return .retry
        }
        logger.error(
            "Event of a topic this service does not consume sent to the dead-letter topic", [LogKey.topic: topic])
        return .drop
    }

    private func authenticate(_ request: HTTPRequest) throws {
        guard Self.isLoopback(request.peerAddress) else {
            throw AppError(
                .forbidden, code: "dapr_not_local", message: "Only the Dapr sidecar on this host may call /dapr routes")
        }

        let expected = log.sidecar.configuration.appAPIToken
        guard !expected.isEmpty else { return }

        let given = request.headers["dapr-api-token"] ?? ""
        guard ConstantTime.equals(Array(given.utf8), Array(expected.utf8)) else {
            throw AppError(.unauthorized, code: "invalid_dapr_token", message: "Missing or wrong dapr-api-token")
        }
    }

    /// 127.0.0.0/8, ::1, and IPv4 loopback as an IPv6-mapped address.
    static func isLoopback(_ address: String) -> Bool {
        address.hasPrefix("127.") || address == "::1" || address.lowercased().hasPrefix("::ffff:127.")
    }
}
