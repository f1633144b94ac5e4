/// The reverse proxies (an Ingress controller, a load balancer) whose `X-Forwarded-For` says who
/// the client is. Behind one, every request comes from the proxy's address, so limits counted per
/// client address (failed log-ins, sign-ups) would count every user together.
///
/// The client is found from the right of `X-Forwarded-For`: each trusted hop appended the address
/// it received from, so the first address from the right that is not a trusted proxy is the client.
/// A request from an address that is not trusted keeps its own address, whatever it sends.
public struct TrustedProxies: Sendable {
    private let ranges: [IPRange]

    /// Trusts nobody: the peer address is the client.
    public static let none = TrustedProxies(ranges: [])

    /// An entry that is neither an IP address nor a CIDR range.
    public struct InvalidEntry: Error, Sendable {
        public let entry: String
    }

    /// Addresses or CIDR ranges, IPv4 or IPv6 (`10.0.0.0/8`, `fd00::/8`, `192.0.2.10`).
    public init(_ entries: [String]) throws(InvalidEntry) {
        var ranges: [IPRange] = []
        for entry in entries {
            guard let range = IPRange(entry) else { throw InvalidEntry(entry: entry) }
            ranges.append(range)
        }
        self.init(ranges: ranges)
    }

    private init(ranges: [IPRange]) {
        self.ranges = ranges
    }

    public var isEmpty: Bool {
        ranges.isEmpty
    }

    /// The client's address for a request from `peer` carrying the `X-Forwarded-For` values
    /// `forwardedFor` (every header line, in order). An entry that is not an address ends the walk:
    /// the hop that wrote it is as far as the chain can be believed.
    public func clientAddress(peer: String, forwardedFor: [String]) -> String {
        guard let peerAddress = IPAddress(peer), isTrusted(peerAddress) else { return peer }

        let hops = forwardedFor.flatMap { $0.split(separator: ",") }
        var client = peer
        for hop in hops.reversed() {
            guard let address = IPAddress(forwarded: hop) else { break }
            client = address.text
            if !isTrusted(address) { break }
        }
        return client
    }

    private func isTrusted(_ address: IPAddress) -> Bool {
        ranges.contains { $0.contains(address) }
    }
}
