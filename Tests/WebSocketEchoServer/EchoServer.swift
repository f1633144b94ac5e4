import Foundation
import TodoHTTP
import TodoLogging

/// Echoes every message back on `/`: the server the Autobahn test cases (through `kosoku`) drive
/// to check the WebSocket layer's framing, fragmentation, UTF-8 and close handling
/// (Tests/e2e/test_websocket_conformance.py). Only for tests; not part of the product.
///
/// Usage: WebSocketEchoServer PORT. Prints `listening PORT` once ready; stops on SIGTERM or SIGINT.
@main
struct EchoServer {
    static func main() throws {
        // Blocked before any thread starts, so every thread inherits the mask and sigwait below
        // is the only place these signals are taken.
        var signals = sigset_t()
        sigemptyset(&signals)
        sigaddset(&signals, SIGTERM)
        sigaddset(&signals, SIGINT)
        pthread_sigmask(SIG_BLOCK, &signals, nil)

        let port = CommandLine.arguments.dropFirst().first.flatMap(Int.init) ?? 9001
        let logger = Logger(service: "echo", level: .warning)
        // Autobahn's case 9 sends messages of up to 16 MiB and expects them back.
        let configuration = WebSocketConfiguration(
            maxMessageBytes: 20 << 20, maxQueuedMessages: 10_000, maxQueuedBytes: 64 << 20, socketSendBufferBytes: nil)
        let webSockets = WebSocketServer(configuration: configuration, logger: logger)

        var router = Router()
        router.get("/") { request in webSockets.upgrade(request, handler: EchoHandler()) }
        let http = HTTPServer(
            configuration: HTTPServerConfiguration(host: "127.0.0.1", port: port, threads: 2),
            handler: HTTPPipeline(router: router, middleware: []).handler, logger: logger)
        try webSockets.start()
        try http.start()
        // Unbuffered, so the test reading the pipe sees it at once.
        FileHandle.standardOutput.write(Data("listening \(http.port)\n".utf8))

        var received: Int32 = 0
        sigwait(&signals, &received)
        webSockets.shutdown(gracePeriod: .seconds(1))
        http.shutdown(gracePeriod: .seconds(1))
    }
}

/// Sends each message back as it came.
final class EchoHandler: WebSocketHandler {
    func webSocketDidOpen(_ connection: WebSocketConnection) {}

    func webSocket(_ connection: WebSocketConnection, didReceive message: WebSocketMessage) {
        switch message {
        case .text(let bytes): connection.send(text: bytes)
        case .binary(let bytes): connection.send(binary: bytes)
        }
    }

    func webSocketDidClose(_ connection: WebSocketConnection, _ info: WebSocketCloseInfo) {}
}
