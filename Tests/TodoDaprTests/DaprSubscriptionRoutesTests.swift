import Foundation
import Synchronization
import Testing
import TodoCore
import TodoDapr
import TodoEvents
import TodoHTTP
import TodoLogging

/// The routes a sidecar calls, through the standard pipeline (so the content type, error envelope
/// and token checks are the server's own). No sidecar listens on the port given: what these routes
/// must do when they cannot reach it is part of what is checked.
@Suite struct DaprSubscriptionRoutesTests {
    private func client(
        appToken: String = "", inbox: DaprInbox = DaprInbox(), from address: String = "127.0.0.1",
        proxies: TrustedProxies = .none
    ) throws -> InProcessClient {
        let configuration = DaprConfiguration(httpPort: 9, pubsub: "orders", appAPIToken: appToken)
        let dapr = DaprEventLog(
            outbox: MemoryEventLog(), sidecar: DaprSidecar(configuration: configuration), inbox: inbox)
        var router = Router()
        DaprSubscriptionRoutes(
            log: dapr, subscriptions: [("billing", ["invoices", "payments"])],
            logger: Logger(service: "tests", sink: MemoryLogSink())
        ).register(on: &router)
        let pipeline = HTTPPipeline.standard(
            router: router, cors: CORSPolicy(allowedOrigins: []), maxBodyBytes: 1 << 20, proxies: proxies)
        return InProcessClient(handler: pipeline.handler, remoteAddress: address)
    }

    private let cloudEventHeaders = [("Content-Type", "application/cloudevents+json")]

    @Test func theSubscriptionListNamesTheComponentTopicsAndRoutes() throws {
        let response = try client().send(.get, "/dapr/subscribe")
        #expect(response.status == 200)
        #expect(
            try response.jsonBody() == [
                ["pubsubname": "orders", "topic": "invoices", "route": "/dapr/events/invoices"],
                ["pubsubname": "orders", "topic": "payments", "route": "/dapr/events/payments"],
            ])
    }

    @Test func withAnAppTokenEveryRouteNeedsIt() throws {
        let routes = try client(appToken: "s3cret")
        for headers in [[], [("dapr-api-token", "wrong")], [("dapr-api-token", "s3cret-but-longer")]] {
            let response = routes.send(.get, "/dapr/subscribe", headers: headers)
            #expect(response.status == 401)
            #expect(try response.jsonBody()["error"]?["code"] == "invalid_dapr_token")
            let push = routes.send(.post, "/dapr/events/invoices", headers: cloudEventHeaders + headers, body: [0x7b])
            #expect(push.status == 401)
        }
        #expect(routes.send(.get, "/dapr/subscribe", headers: [("dapr-api-token", "s3cret")]).status == 200)
    }

    @Test(arguments: ["10.0.0.7", "::ffff:10.0.0.7", "2001:db8::1"])
    func onlyTheSidecarOnLoopbackMayCall(address: String) throws {
        let routes = try client(from: address)
        let listing = routes.send(.get, "/dapr/subscribe")
        #expect(listing.status == 403)
        #expect(try listing.jsonBody()["error"]?["code"] == "dapr_not_local")
        #expect(routes.send(.post, "/dapr/events/invoices", headers: cloudEventHeaders, body: [0x7b]).status == 403)
        for loopback in ["127.0.0.1", "::1", "::ffff:127.0.0.1"] {
            #expect(try client(from: loopback).send(.get, "/dapr/subscribe").status == 200)
        }
    }

    @Test func aTrustedProxyCannotForwardARequestAsTheSidecar() throws {
        let routes = try client(from: "10.0.0.7", proxies: try TrustedProxies(["10.0.0.0/8"]))
        for forwarded in ["127.0.0.1", "::1", "203.0.113.7, 127.0.0.1"] {
            let listing = routes.send(.get, "/dapr/subscribe", headers: [("X-Forwarded-For", forwarded)])
            #expect(try listing.jsonBody()["error"]?["code"] == "dapr_not_local", "\(forwarded)")
        }
    }

    @Test func anEventOfAnUnknownTopicIsRetriedWhileItCannotBeDeadLettered() throws {
        // Dead-lettering it means publishing to the sidecar, which is not there.
        let response = try client().send(.post, "/dapr/events/refunds", headers: cloudEventHeaders, body: [0x7b, 0x7d])
        #expect(response.status == 200)
        #expect(try response.jsonBody() == ["status": "RETRY"])
    }

    @Test func aPushedCloudEventReachesTheSubscribedHandler() throws {
        let inbox = DaprInbox()
        let routes = try client(inbox: inbox)
        let dapr = DaprEventLog(
            outbox: MemoryEventLog(), sidecar: DaprSidecar(configuration: DaprConfiguration()), inbox: inbox)
        let seen = SeenMessages()
        let subscription = try dapr.subscribe(
            group: "billing", topics: ["invoices"], options: SubscriptionOptions()
        ) { seen.add($0) }
        defer { subscription.stop() }

        let event = CloudEvent(
            id: "ev-1", source: "/tests", type: "com.example.invoice", subject: nil, time: Date(),
            correlationID: "corr-1", data: ["user_id": "u-1"])
        let response = routes.send(.post, "/dapr/events/invoices", headers: cloudEventHeaders, body: event.encoded())
        #expect(try response.jsonBody() == ["status": "SUCCESS"])
        #expect(seen.all.map(\.key) == ["u-1"])
        #expect(seen.all.first?.header("correlation-id") == "corr-1")
    }
}

/// Messages a handler received.
final class SeenMessages: Sendable {
    private let messages = Mutex<[LogMessage]>([])

    func add(_ message: LogMessage) {
        messages.withLock { $0.append(message) }
    }

    var all: [LogMessage] { messages.withLock { $0 } }
}
