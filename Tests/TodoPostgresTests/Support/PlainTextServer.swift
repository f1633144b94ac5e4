import Foundation

/// A server that speaks just enough of the PostgreSQL protocol to turn TLS down: it answers the
/// client's SSLRequest with `N` ("no TLS here"), as a server without TLS does, then waits for the
/// client to hang up. What it would do next does not matter, because a client that requires TLS
/// must stop there.
final class PlainTextServer: Sendable {
    private let listener: LoopbackListener

    init() throws {
        listener = try LoopbackListener { connection, listener in
            var request = [UInt8](repeating: 0, count: 8)
            let count = request.withUnsafeMutableBytes { recv(connection, $0.baseAddress, 8, Int32(MSG_WAITALL)) }
            // Length 8, then the SSLRequest code 80877103.
            if count == 8, request == [0, 0, 0, 8, 0x04, 0xD2, 0x16, 0x2F] {
                _ = send(connection, "N", 1, Int32(MSG_NOSIGNAL))
                var rest = [UInt8](repeating: 0, count: 512)
                while rest.withUnsafeMutableBytes({ read(connection, $0.baseAddress, $0.count) }) > 0 {}
            }
            listener.finished(connection)
        }
    }

    var port: UInt16 { listener.port }

    func stop() {
        listener.stop()
    }
}
