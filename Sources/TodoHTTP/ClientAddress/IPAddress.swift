import Glibc

/// An IPv4 or IPv6 address as its bytes, parsed with `inet_pton`. An IPv4-mapped IPv6 address
/// (`::ffff:a.b.c.d`) is the IPv4 address, as ``SocketAddress`` shows peers.
struct IPAddress: Sendable, Equatable {
    /// 4 bytes for IPv4, 16 for IPv6.
    let bytes: [UInt8]

    /// Parses a bare address (`203.0.113.7`, `2001:db8::1`); nil for anything else.
    init?(_ text: some StringProtocol) {
        let text = String(text)
        var ipv4 = in_addr()
        if inet_pton(AF_INET, text, &ipv4) == 1 {
            bytes = withUnsafeBytes(of: &ipv4) { Array($0) }
            return
        }

        var ipv6 = in6_addr()
        guard inet_pton(AF_INET6, text, &ipv6) == 1 else { return nil }
        let all = withUnsafeBytes(of: &ipv6) { Array($0) }
        let mapped = all[0..<10].allSatisfy { $0 == 0 } && all[10] == 0xFF && all[11] == 0xFF
        bytes = mapped ? Array(all[12...]) : all
    }

    /// The address in its usual notation (`inet_ntop`).
    var text: String {
        var buffer = [CChar](repeating: 0, count: Int(INET6_ADDRSTRLEN) + 1)
        let family = bytes.count == 4 ? AF_INET : AF_INET6
        let written = bytes.withUnsafeBytes { inet_ntop(family, $0.baseAddress, &buffer, socklen_t(buffer.count)) }
        guard written != nil else { return "" }
        return buffer.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
    }

    /// Parses an entry of `X-Forwarded-For` as proxies write it: a bare address, an IPv4 address
    /// with a port (`203.0.113.7:41234`), or an IPv6 address in brackets, with or without a port;
    /// an IPv6 zone (`fe80::1%eth0`) is dropped.
    init?(forwarded entry: some StringProtocol) {
        var entry = entry.trimmingWhitespace()
        if entry.hasPrefix("["), let close = entry.firstIndex(of: "]") {
            entry = entry[entry.index(after: entry.startIndex)..<close]
        } else if let colon = entry.firstIndex(of: ":"), entry.lastIndex(of: ":") == colon {
            entry = entry[..<colon]
        }
        if let zone = entry.firstIndex(of: "%") { entry = entry[..<zone] }
        self.init(entry)
    }

    /// `127.0.0.0/8`, `::1`, `0.0.0.0` or `::`: this host, or no host.
    var isLoopbackOrUnspecified: Bool {
        if bytes.count == 4 { return bytes[0] == 127 || bytes.allSatisfy { $0 == 0 } }
        return bytes[0..<15].allSatisfy { $0 == 0 } && bytes[15] <= 1
    }

    init(bytes: [UInt8]) {
        self.bytes = bytes
    }
}

/// An address range in CIDR notation (`10.0.0.0/8`, `fd00::/8`); a bare address is its own range.
struct IPRange: Sendable, Equatable {
    let network: IPAddress
    let prefixLength: Int

    init?(_ text: String) {
        let parts = text.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false)
        guard let network = IPAddress(parts[0]) else { return nil }

        // An IPv4-mapped IPv6 range (`::ffff:10.0.0.0/104`) is the IPv4 range of its last 32 bits.
        let mapped = network.bytes.count == 4 && parts[0].contains(":")
        let maximum = mapped ? 128 : network.bytes.count * 8
        var length = maximum
        if parts.count == 2 {
            guard parts[1].allSatisfy(\.isASCII) && parts[1].allSatisfy(\.isNumber), let given = Int(parts[1]),
                (0...maximum).contains(given)
            else { return nil }
            length = given
        }
        if mapped {
            guard length >= 96 else { return nil }
            length -= 96
        }
        prefixLength = length
        self.network = network
    }

    func contains(_ address: IPAddress) -> Bool {
        guard address.bytes.count == network.bytes.count else { return false }

        var remaining = prefixLength
        for (candidate, base) in zip(address.bytes, network.bytes) where remaining > 0 {
            let bits = min(8, remaining)
            let mask = UInt8(truncatingIfNeeded: 0xFF << (8 - bits))
            if candidate & mask != base & mask { return false }
            remaining -= bits
        }
        return true
    }
}

extension StringProtocol {
    fileprivate func trimmingWhitespace() -> Substring {
        let text = Substring(self)
        guard let first = text.firstIndex(where: { $0 != " " && $0 != "\t" }) else { return "" }
        let last = text.lastIndex(where: { $0 != " " && $0 != "\t" })!
        return text[first...last]
    }
}
