/// The reverse proxies (an Ingress controller, a load balancer) whose `X-Forwarded-For` says who
/// the client is. Behind one, every request comes from the proxy's address, so limits counted per
/// client address (failed log-ins, sign-ups) would count every user together.
///
/// Each hop appends the address it received from, so the header is read from the right:
/// - by range (the entries): the first address that is not a trusted proxy is the client;
/// - by count (`hops`), for a load balancer that appends more than its peer's address (Google's
///   appends the client's and then its own forwarding-rule address): the rightmost `hops`
///   addresses are the proxies' own, and the one before them is the client.
///
/// Only a request whose peer is trusted is read at all (any peer, when only `hops` is given).
/// An entry that is not an address ends the walk at the last one believed, and a loopback or
/// unspecified address is never taken from the header: nothing outside can pass for this host.
public struct TrustedProxies: Sendable {
    private let ranges: [IPRange]
    private let hops: Int

    /// Trusts nobody: the peer address is the client.
    public static let none = TrustedProxies(ranges: [], hops: 0)

    /// An entry that is neither an IP address nor a CIDR range.
    public struct InvalidEntry: Error, Sendable {
        public let entry: String
    }

    /// Addresses or CIDR ranges, IPv4 or IPv6 (`10.0.0.0/8`, `fd00::/8`, `192.0.2.10`), and how
    /// many rightmost `X-Forwarded-For` addresses the proxies wrote about themselves (0: read by
    /// range only).
    public init(_ entries: [String], hops: Int = 0) throws(InvalidEntry) {
        var ranges: [IPRange] = []
        for entry in entries {
            guard let range = IPRange(entry) else { throw InvalidEntry(entry: entry) }
            ranges.append(range)
        }
        self.init(ranges: ranges, hops: max(0, hops))
    }

    private init(ranges: [IPRange], hops: Int) {
        self.ranges = ranges
        self.hops = hops
    }

    public var isEmpty: Bool {
        ranges.isEmpty && hops == 0
    }

    /// The client's address for a request from `peer` carrying the `X-Forwarded-For` values
    /// `forwardedFor` (every header line, in order).
    public func clientAddress(peer: String, forwardedFor: [String]) -> String {
        guard !isEmpty, let peerAddress = IPAddress(peer), ranges.isEmpty || isTrusted(peerAddress) else {
            return peer
        }

        var client = peer
        var counted = 0
        let hops = forwardedFor.flatMap { $0.split(separator: ",") }.reversed()
        for hop in hops where !hop.allSatisfy({ $0 == " " || $0 == "\t" }) {
            guard let address = IPAddress(forwarded: hop), !address.isLoopbackOrUnspecified else { break }
            client = address.text
            counted += 1
            if self.hops > 0 ? counted > self.hops : !isTrusted(address) { break }
        }
        return client
    }

    private func isTrusted(_ address: IPAddress) -> Bool {
        ranges.contains { $0.contains(address) }
    }
}
