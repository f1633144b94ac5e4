import Foundation
import Synchronization
import TodoCore
import TodoHTTP
import TodoLogging
import TodoTestSupport

/// Records what the reactor tells one connection's handler, and echoes every text message back.
///
/// `@unchecked Sendable`: every stored value is read and written with `condition` locked.
final class RecordingHandler: WebSocketHandler, @unchecked Sendable {
    private let condition = NSCondition()
    private var connectionValue: WebSocketConnection?
    private var messagesValue: [WebSocketMessage] = []
    private var closeValue: WebSocketCloseInfo?
    private var callbacksAfterClose = 0
    let echo: Bool

    init(echo: Bool = true) {
        self.echo = echo
    }

    func webSocketDidOpen(_ connection: WebSocketConnection) {
        update { $0.connectionValue = connection }
    }

    func webSocket(_ connection: WebSocketConnection, didReceive message: WebSocketMessage) {
        update { handler in
            if handler.closeValue != nil { handler.callbacksAfterClose += 1 }
            handler.messagesValue.append(message)
        }
        if echo, case .text(let bytes) = message { connection.send(text: bytes) }
    }

    func webSocketDidClose(_ connection: WebSocketConnection, _ info: WebSocketCloseInfo) {
        update { handler in
            if handler.closeValue != nil { handler.callbacksAfterClose += 1 }
            handler.closeValue = info
        }
    }

    /// The connection, once open (waits up to 10 s).
    func openedConnection() -> WebSocketConnection? {
        wait { $0.connectionValue }
    }

    /// How the connection closed (waits up to `seconds`).
    func closed(within seconds: Double = 10) -> WebSocketCloseInfo? {
        wait(seconds: seconds) { $0.closeValue }
    }

    /// The first `count` messages received (waits up to 10 s).
    func messages(count: Int) -> [WebSocketMessage]? {
        wait { $0.messagesValue.count >= count ? Array($0.messagesValue.prefix(count)) : nil }
    }

    /// Messages received so far.
    var receivedCount: Int { condition.withLock { messagesValue.count } }

    var unexpectedCallbacks: Int { condition.withLock { callbacksAfterClose } }

    private func update(_ change: (RecordingHandler) -> Void) {
        condition.withLock {
            change(self)
            condition.broadcast()
        }
    }

    private func wait<T>(seconds: Double = 10, _ value: (RecordingHandler) -> T?) -> T? {
        let deadline = Date(timeIntervalSinceNow: seconds)
        condition.lock()
        defer { condition.unlock() }
        while true {
            if let found = value(self) { return found }
            guard condition.wait(until: deadline) else { return value(self) }
        }
    }
}

/// A real ``HTTPServer`` on a free loopback port whose `/ws` route upgrades to a
/// ``WebSocketServer``; each connection gets a fresh ``RecordingHandler``, kept in order.
final class WebSocketTestServer: Sendable {
    let http: HTTPServer
    let webSockets: WebSocketServer
    private let handlers = HandlerList()

    var port: Int { http.port }

    init(configuration: WebSocketConfiguration = WebSocketTestServer.fastConfiguration, echo: Bool = true) throws {
        let logger = Logger(service: "websocket-test", sink: NullLogSink())
        let webSockets = WebSocketServer(configuration: configuration, logger: logger)
        self.webSockets = webSockets
        let handlers = self.handlers

        var router = Router()
        router.get("/ws") { request in
            let handler = RecordingHandler(echo: echo)
            handlers.list.withLock { $0.append(handler) }
            return webSockets.upgrade(request, handler: handler)
        }
        router.get("/plain") { _ in .json(.object(["plain": .bool(true)])) }
        let pipeline = HTTPPipeline.standard(router: router, cors: CORSPolicy(allowedOrigins: []), maxBodyBytes: 1024)
        http = HTTPServer(
            configuration: HTTPServerConfiguration(host: "127.0.0.1", port: 0, threads: 2, serviceName: "ws-test"),
            handler: pipeline.handler, logger: logger)

        try webSockets.start()
        try http.start()
    }

    /// Short timers, so heartbeat and close tests take a second or two.
    static let fastConfiguration = WebSocketConfiguration(
        reactorThreads: 2, pingInterval: .seconds(30), pongTimeout: .seconds(5), closeTimeout: .milliseconds(500),
        tickInterval: .milliseconds(20))

    /// The handler of the `index`-th upgraded request (waits up to 10 s for it to exist).
    func handler(_ index: Int) -> RecordingHandler? {
        for _ in 0..<1000 {
            if let handler = handlers.list.withLock({ $0.count > index ? $0[index] : nil }) { return handler }
            usleep(10_000)
        }
        return nil
    }

    /// A client that has completed the handshake.
    func client(receiveBuffer: Int? = nil) throws -> RawWebSocketClient {
        let client = try RawWebSocketClient(port: port, receiveBuffer: receiveBuffer)
        guard try client.handshake() else {
            throw RawWebSocketClient.Failure(description: "handshake refused: \(client.response?.status ?? 0)")
        }
        return client
    }

    func stop() {
        webSockets.shutdown(gracePeriod: .seconds(2))
        http.shutdown(gracePeriod: .seconds(2))
    }
}

/// The handlers in upgrade order, shared by the route and the test.
private final class HandlerList: Sendable {
    let list = Mutex<[RecordingHandler]>([])
}
