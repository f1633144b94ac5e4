import Glibc
import Synchronization
import TodoCore
import TodoLogging

/// WebSocket connections on top of ``HTTPServer``: a route answers the opening handshake with
/// ``upgrade(_:handler:)``; once libmicrohttpd has sent the 101, the socket goes to one of a few
/// reactor threads (round-robin), where wslay does the RFC 6455 framing and the handler hears
/// about messages and the close.
///
/// Lifetime: ``start()`` before the HTTP listener takes traffic; ``shutdown(gracePeriod:)`` before
/// the HTTP listener stops, because every upgraded socket must go back to libmicrohttpd before
/// its daemon stops.
public final class WebSocketServer: Sendable {
    private enum State {
        case idle
        case running([Reactor])
        case stopped
    }

    public let configuration: WebSocketConfiguration
    /// Counters since start, over every reactor.
    public let stats = WebSocketStats()
    private let logger: Logger
    private let state = Mutex(State.idle)
    private let nextConnectionID = Atomic<UInt64>(1)
    private let nextReactor = Atomic<Int>(0)

    public init(configuration: WebSocketConfiguration = WebSocketConfiguration(), logger: Logger) {
        self.configuration = configuration
        self.logger = logger
    }

    /// Starts the reactor threads. Throws for an invalid configuration, when epoll cannot be set
    /// up, or when called twice.
    public func start() throws(WebSocketError) {
        try configuration.validate()
        var reactors: [Reactor] = []
        for index in 0..<configuration.reactorThreads {
            reactors.append(try Reactor(index: index, configuration: configuration, stats: stats, logger: logger))
        }

        let started = state.withLock { state -> Bool in
            guard case .idle = state else { return false }
            state = .running(reactors)
            return true
        }
        guard started else { throw WebSocketError(.alreadyStarted, "the WebSocket server was already started") }
        for reactor in reactors { reactor.start() }
    }

    /// Whether new connections are taken: started and not shutting down.
    public var isAccepting: Bool {
        state.withLock { state in
            if case .running = state { return true }
            return false
        }
    }

    /// The answer to a request for `GET` on a WebSocket route: `101 Switching Protocols` when the
    /// handshake is valid and the server runs, after which `handler` receives the connection's
    /// events on a reactor thread. Otherwise the error response: 426 or 400 for a bad handshake
    /// (see ``WebSocketHandshake/validate(_:)``), 503 when not running.
    public func upgrade(_ request: HTTPRequest, handler: any WebSocketHandler) -> HTTPResponse {
        let key: String
        let accept: String
        do {
            key = try WebSocketHandshake.validate(request)
            accept = try WebSocketHandshake.acceptValue(forKey: key)
        } catch let error as AppError {
            return WebSocketHandshake.rejection(error)
        } catch {
            return ErrorRegistry.response(for: error, logger: request.context.logger)
        }
        guard let reactor = pickReactor() else { return HandlerInvocation.shuttingDown }

        let id = nextConnectionID.wrappingAdd(1, ordering: .relaxed).oldValue
        let connection = WebSocketConnection(id: id, remoteAddress: request.remoteAddress, reactor: reactor)
        let maxMessageBytes = configuration.maxMessageBytes
        let sendBuffer = configuration.socketSendBufferBytes
        let logger = request.context.logger
        let handoff = UpgradeHandoff { socket in
            Self.tune(socket.descriptor, sendBuffer: sendBuffer)
            do throws(WebSocketError) {
                let session = try WslaySession(
                    connection: connection, handler: handler, socket: socket, maxMessageBytes: maxMessageBytes,
                    now: .now)
                reactor.post(.adopt(session))
            } catch {
                logger.error("Cannot set up a WebSocket session", [LogKey.error: error.description])
                socket.close()
            }
        }

        var headers = HTTPHeaders(reservingCapacity: 3)
        headers.add("Upgrade", "websocket")
        headers.add("Connection", "Upgrade")
        headers.add("Sec-WebSocket-Accept", accept)
        return .switchingProtocols(headers: headers, handoff: handoff)
    }

    /// Stops taking connections, closes every open one with the configured shutdown code, waits for
    /// the close handshakes for up to `gracePeriod`, then drops the rest and stops the reactors.
    /// Idempotent.
    public func shutdown(gracePeriod: Duration) {
        let reactors = state.withLock { state -> [Reactor] in
            guard case .running(let reactors) = state else { return [] }
            state = .stopped
            return reactors
        }
        for reactor in reactors { reactor.shutdown(gracePeriod: gracePeriod) }
    }

    /// Small frames go out at once (no Nagle delay) and the send buffer stays the configured size.
    /// Failures only cost latency or memory, so they are ignored.
    private static func tune(_ descriptor: Int32, sendBuffer: Int?) {
        var one: Int32 = 1
        _ = setsockopt(descriptor, Int32(IPPROTO_TCP), TCP_NODELAY, &one, socklen_t(MemoryLayout<Int32>.size))
        if var size = sendBuffer.map(Int32.init) {
            _ = setsockopt(descriptor, SOL_SOCKET, SO_SNDBUF, &size, socklen_t(MemoryLayout<Int32>.size))
        }
    }

    private func pickReactor() -> Reactor? {
        state.withLock { state -> Reactor? in
            guard case .running(let reactors) = state else { return nil }
            let turn = nextReactor.wrappingAdd(1, ordering: .relaxed).oldValue
            return reactors[turn % reactors.count]
        }
    }
}
