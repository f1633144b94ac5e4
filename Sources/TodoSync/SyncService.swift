import Foundation
import Synchronization
import TodoCore
import TodoCrypto
import TodoHTTP
import TodoLogging

/// The live sync service: `GET /ws` upgrades to a WebSocket over which a signed-in client receives
/// every change to its tasks as it happens, and what it missed when it resumes; `GET /stats`
/// reports the counters. docs/websocket.md is the protocol.
///
/// Lifetime: ``start()`` before the HTTP listener takes traffic; ``stop(gracePeriod:)`` before the
/// listener stops (the WebSocket layer must hand its sockets back to libmicrohttpd first).
public final class SyncService: Sendable {
    public let configuration: SyncConfiguration
    /// The WebSocket layer; its counters are part of ``stats()``.
    public let webSockets: WebSocketServer
    private let context: SyncContext
    private let feed: LiveFeed
    private let startedAt = Mutex<ContinuousClock.Instant?>(nil)

    public init(
        log: any EventLog, tokens: TokenService, clock: any TimeSource, configuration: SyncConfiguration,
        logger: Logger
    ) {
        self.configuration = configuration
        let counters = SyncCounters()
        webSockets = WebSocketServer(configuration: configuration.webSocket, logger: logger)
        let catchUp = CatchUpWorker(log: log, configuration: configuration, counters: counters, logger: logger)
        context = SyncContext(
            configuration: configuration, tokens: tokens, clock: clock, counters: counters, catchUp: catchUp,
            logger: logger)
        feed = LiveFeed(log: log, group: configuration.consumerGroup, context: context)
    }

    /// Adds `GET /ws` and `GET /stats`.
    public func register(on router: inout Router) {
        router.get("/ws") { [self] request in connect(request) }
        router.get("/stats") { [self] _ in .json(stats()) }
    }

    /// `subscription`: the live feed runs and owns its partitions; details carry the group's lag.
    public var readinessChecks: [ReadinessCheck] {
        [ReadinessCheck(name: "subscription") { [feed] in try feed.status() }]
    }

    /// Starts the reactors, the catch-up threads and the subscription.
    public func start() throws {
        try webSockets.start()
        context.catchUp.start()
        do {
            try feed.start()
        } catch {
            stop(gracePeriod: .zero)
            throw error
        }
        startedAt.withLock { $0 = .now }
    }

    /// Leaves the consumer group, closes every connection with 1001 (waiting up to `gracePeriod`
    /// for the close handshakes) and stops the threads. Idempotent.
    public func stop(gracePeriod: Duration) {
        feed.stop()
        webSockets.shutdown(gracePeriod: gracePeriod)
        context.catchUp.stop()
    }

    /// Answers the handshake: a session for a valid token, otherwise a socket that is closed at
    /// once with 4001 or 4002 and the token error's code as the reason.
    func connect(_ request: HTTPRequest) -> HTTPResponse {
        let handler: any WebSocketHandler
        switch authenticate(request) {
        case .accepted(let token):
            handler = SyncSession(
                userID: token.subject, tokenExpiresAt: token.expiresAt, requestedPosition: request.query("since"),
                context: context)
        case .refused(let close):
            handler = RefusedSession(close: close)
        }

        let response = webSockets.upgrade(request, handler: handler)
        if response.isUpgrade, let refused = handler as? RefusedSession {
            context.counters.add(.refusedConnections)
            request.context.logger.info("WebSocket token refused", ["close.reason": refused.close.reason])
        }
        return response
    }

    /// The token from `Authorization: Bearer` or, for browsers (which cannot set headers on a
    /// WebSocket), the `token` query parameter, verified exactly as the backend verifies it.
    private func authenticate(_ request: HTTPRequest) -> Authentication {
        var token = request.query("token")
        if let header = request.headers["Authorization"] {
            let parts = header.split(separator: " ", maxSplits: 1)
            if parts.count == 2, parts[0].lowercased() == "bearer" {
                token = parts[1].trimmingCharacters(in: .whitespaces)
            }
        }
        guard let token, !token.isEmpty else {
            return .refused(WebSocketClose(code: SyncCloseCode.unauthorized, reason: "missing_token"))
        }
        do throws(TokenError) {
            return .accepted(try context.tokens.verify(token, now: context.clock.now))
        } catch {
            return .refused(SyncCloseCode.refusal(error))
        }
    }

    private enum Authentication {
        case accepted(VerifiedToken)
        case refused(WebSocketClose)
    }

    /// The counters of `GET /stats` (docs/websocket.md lists them).
    public func stats() -> JSONValue {
        let socket = webSockets.stats.snapshot
        let counts = context.registry.counts
        let counters = context.counters
        let uptime = startedAt.withLock { $0 }.map { ContinuousClock.now - $0 } ?? .zero
        let seconds = Double(uptime.components.seconds) + Double(uptime.components.attoseconds) / 1e18

        func number(_ value: Int) -> JSONValue { .number(Double(value)) }
        return .object([
            "service": .string("websocket"),
            "replica": .string(configuration.replicaID),
            "uptime_seconds": .number((seconds * 1000).rounded() / 1000),
            "connections": number(socket.open),
            "users": number(counts.users),
            "messages_sent": number(socket.messagesSent),
            "messages_dropped": number(socket.messagesDropped),
            "slow_client_disconnects": number(socket.sendQueueOverflows + counters.value(.catchUpOverflows)),
            "heartbeat_timeouts": number(socket.heartbeatTimeouts),
            "connections_opened": number(socket.opened),
            "connections_refused": number(counters.value(.refusedConnections)),
            "messages_received": number(socket.messagesReceived),
            "events_received": number(counters.value(.eventsReceived)),
            "events_delivered": number(counters.value(.eventsDelivered)),
            "malformed_events": number(counters.value(.malformedEvents)),
            "resumes": number(counters.value(.resumes)),
            "replayed_messages": number(counters.value(.replayedMessages)),
            "refetches": number(counters.value(.refetches)),
            "token_refreshes": number(counters.value(.tokenRefreshes)),
        ])
    }
}
