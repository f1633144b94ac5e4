import Glibc

/// Formatting of peer addresses for ``HTTPRequest/remoteAddress``.
enum SocketAddress {
    /// The numeric address of an IPv4 or IPv6 peer; an IPv4-mapped IPv6 address (`::ffff:a.b.c.d`,
    /// seen on dual-stack listeners) is shown as plain IPv4. Empty when unknown.
    static func text(_ address: UnsafePointer<sockaddr>?) -> String {
        guard let address else { return "" }

        var buffer = [CChar](repeating: 0, count: Int(INET6_ADDRSTRLEN) + 1)
        switch Int32(address.pointee.sa_family) {
        case AF_INET:
            var ipv4 = address.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { $0.pointee.sin_addr }
            guard inet_ntop(AF_INET, &ipv4, &buffer, socklen_t(buffer.count)) != nil else { return "" }
        case AF_INET6:
            var ipv6 = address.withMemoryRebound(to: sockaddr_in6.self, capacity: 1) { $0.pointee.sin6_addr }
            let bytes = withUnsafeBytes(of: &ipv6) { Array($0) }
            if bytes[0..<10].allSatisfy({ $0 == 0 }) && bytes[10] == 0xFF && bytes[11] == 0xFF {
                return bytes[12...].map { String($0) }.joined(separator: ".")
            }
            guard inet_ntop(AF_INET6, &ipv6, &buffer, socklen_t(buffer.count)) != nil else { return "" }
        default:
            return ""
        }
        return buffer.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
    }
}
