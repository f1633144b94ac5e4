import Glibc

/// Opens the listening socket ourselves rather than through libmicrohttpd, so that a bind failure
/// maps to a precise error (`errno` is read at once) naming the address.
enum ListeningSocket {
    struct Opened {
        let descriptor: Int32
        let isIPv6: Bool
    }

    static func open(host: String, port: Int, backlog: Int32 = 1024) throws(HTTPServerError) -> Opened {
        let address = HTTPServerConfiguration(host: host, port: port).address
        var hints = addrinfo()
        hints.ai_flags = AI_PASSIVE | AI_NUMERICSERV
        hints.ai_family = AF_UNSPEC
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        var list: UnsafeMutablePointer<addrinfo>?
        let status = getaddrinfo(host, String(port), &hints, &list)
        guard status == 0, let first = list else {
            throw HTTPServerError(.invalidHost, "cannot resolve \(address): \(String(cString: gai_strerror(status)))")
        }
        defer { freeaddrinfo(list) }

        let info = first.pointee
        let descriptor = socket(info.ai_family, info.ai_socktype | Int32(SOCK_CLOEXEC.rawValue), info.ai_protocol)
        guard descriptor >= 0 else {
            throw HTTPServerError(.bindFailed, "socket() for \(address) failed: \(describe(errno))")
        }
        do throws(HTTPServerError) {
            try configure(descriptor, info: info, address: address, backlog: backlog)
        } catch {
            close(descriptor)
            throw error
        }
        return Opened(descriptor: descriptor, isIPv6: info.ai_family == AF_INET6)
    }

    private static func configure(
        _ descriptor: Int32, info: addrinfo, address: String, backlog: Int32
    ) throws(HTTPServerError) {
        var one: Int32 = 1
        let size = socklen_t(MemoryLayout<Int32>.size)
        guard setsockopt(descriptor, SOL_SOCKET, SO_REUSEADDR, &one, size) == 0 else {
            throw HTTPServerError(.bindFailed, "setsockopt(SO_REUSEADDR) for \(address) failed: \(describe(errno))")
        }

        guard bind(descriptor, info.ai_addr, info.ai_addrlen) == 0 else {
            let code = errno
            if code == EADDRINUSE {
                throw HTTPServerError(.addressInUse, "cannot listen on \(address): the address is already in use")
            }
            throw HTTPServerError(.bindFailed, "cannot bind \(address): \(describe(code))")
        }

        guard listen(descriptor, backlog) == 0 else {
            throw HTTPServerError(.bindFailed, "cannot listen on \(address): \(describe(errno))")
        }
        let flags = fcntl(descriptor, F_GETFL)
        guard flags >= 0, fcntl(descriptor, F_SETFL, flags | O_NONBLOCK) == 0 else {
            throw HTTPServerError(.bindFailed, "cannot make the socket for \(address) non-blocking: \(describe(errno))")
        }
    }

    static func describe(_ code: Int32) -> String {
        "\(String(cString: strerror(code))) (errno \(code))"
    }
}

extension ListeningSocket {
    /// The local port a socket is bound to (the one the kernel chose for port 0).
    static func localPort(_ descriptor: Int32) -> Int? {
        var storage = sockaddr_storage()
        var length = socklen_t(MemoryLayout<sockaddr_storage>.size)
        let status = withUnsafeMutablePointer(to: &storage) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(descriptor, $0, &length) }
        }
        guard status == 0 else { return nil }

        switch Int32(storage.ss_family) {
        case AF_INET:
            return withUnsafePointer(to: &storage) { pointer in
                pointer.withMemoryRebound(to: sockaddr_in.self, capacity: 1) {
                    Int(UInt16(bigEndian: $0.pointee.sin_port))
                }
            }
        case AF_INET6:
            return withUnsafePointer(to: &storage) { pointer in
                pointer.withMemoryRebound(to: sockaddr_in6.self, capacity: 1) {
                    Int(UInt16(bigEndian: $0.pointee.sin6_port))
                }
            }
        default:
            return nil
        }
    }
}
