import Foundation

/// A listening TCP socket on 127.0.0.1 whose accepted connections go to `handle` on a thread each.
/// ``stop()`` closes the listener and shuts down every connection it accepted; ``start()`` listens
/// again on the same port. A test tool, standing in for the network or for a server.
final class LoopbackListener: @unchecked Sendable {
    // @unchecked: `listener`, `accepted` and `stopped` are read and written only while `lock` is held.
    private(set) var port: UInt16 = 0
    private let handle: @Sendable (Int32, LoopbackListener) -> Void
    private let lock = NSLock()
    private var listener: Int32 = -1
    private var accepted: Set<Int32> = []

    /// `handle` gets each accepted socket; it must return once the socket is shut down, and it
    /// must not close it (the listener does, through ``finished(_:)``).
    init(handle: @escaping @Sendable (Int32, LoopbackListener) -> Void) throws {
        self.handle = handle
        try start()
    }

    deinit {
        stop()
    }

    /// Listens on `port` (a free one the first time).
    func start() throws {
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socket >= 0 else { throw POSIXError(.EMFILE) }
        var yes: Int32 = 1
        setsockopt(socket, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))

        var address = Self.loopback(port: port)
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard bound == 0, listen(socket, 64) == 0 else {
            close(socket)
            throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EADDRINUSE)
        }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(socket, $0, &length) }
        }
        port = UInt16(bigEndian: address.sin_port)
        lock.withLock { listener = socket }

        let thread = Thread { [self] in acceptLoop(socket) }
        thread.start()
    }

    /// Refuses new connections and drops the open ones.
    func stop() {
        let (socket, open) = lock.withLock { () -> (Int32, Set<Int32>) in
            defer { listener = -1 }
            return (listener, accepted)
        }
        if socket >= 0 {
            // Wakes the blocked accept(), which then fails and ends the accept loop.
            shutdown(socket, Int32(SHUT_RDWR))
            close(socket)
        }
        for connection in open { shutdown(connection, Int32(SHUT_RDWR)) }
    }

    /// Closes a socket `handle` is done with.
    func finished(_ connection: Int32) {
        lock.withLock { _ = accepted.remove(connection) }
        close(connection)
    }

    /// Connects to `port` on 127.0.0.1; -1 when that fails.
    static func connect(port: UInt16) -> Int32 {
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socket >= 0 else { return -1 }
        var address = loopback(port: port)
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                Glibc.connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard connected == 0 else {
            close(socket)
            return -1
        }
        return socket
    }

    private func acceptLoop(_ socket: Int32) {
        while true {
            let connection = accept(socket, nil, nil)
            guard connection >= 0 else { return }
            let admitted = lock.withLock { () -> Bool in
                guard listener == socket else { return false }
                accepted.insert(connection)
                return true
            }
            guard admitted else {
                close(connection)
                return
            }
            let thread = Thread { [self] in handle(connection, self) }
            thread.start()
        }
    }

    private static func loopback(port: UInt16) -> sockaddr_in {
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        return address
    }
}
