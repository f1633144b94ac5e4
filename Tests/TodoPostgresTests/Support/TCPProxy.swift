import Foundation

/// A TCP relay on 127.0.0.1 in front of the test server: the network between the service and its
/// database, which a test can take away. ``cut()`` drops every relayed connection and refuses new
/// ones, as a stopped or unreachable server does; ``restore()`` relays again on the same port.
/// TLS passes through untouched.
final class TCPProxy: Sendable {
    private let listener: LoopbackListener

    init(upstreamPort: UInt16) throws {
        listener = try LoopbackListener { client, listener in
            let server = LoopbackListener.connect(port: upstreamPort)
            guard server >= 0 else {
                listener.finished(client)
                return
            }
            // One direction on a thread of its own, the other on this one; either ending ends both.
            let done = DispatchSemaphore(value: 0)
            Thread.detachNewThread {
                Self.pump(from: server, to: client)
                done.signal()
            }
            Self.pump(from: client, to: server)
            done.wait()
            close(server)
            listener.finished(client)
        }
    }

    var port: UInt16 { listener.port }

    func cut() {
        listener.stop()
    }

    func restore() throws {
        try listener.start()
    }

    /// Copies bytes until either side closes or fails, then shuts both down.
    private static func pump(from source: Int32, to destination: Int32) {
        var buffer = [UInt8](repeating: 0, count: 16_384)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(source, $0.baseAddress, $0.count) }
            guard count > 0 else { break }
            var sent = 0
            while sent < count {
                let written = buffer.withUnsafeBytes {
                    send(destination, $0.baseAddress! + sent, count - sent, Int32(MSG_NOSIGNAL))
                }
                guard written > 0 else { break }
                sent += written
            }
            guard sent == count else { break }
        }
        shutdown(source, Int32(SHUT_RDWR))
        shutdown(destination, Int32(SHUT_RDWR))
    }
}
