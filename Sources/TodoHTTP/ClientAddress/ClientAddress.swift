/// Client addresses as the limits counted per address see them.
public enum ClientAddress {
    /// What per-address limits count by: an IPv4 address itself, an IPv6 address's /64 (one
    /// subscriber usually holds a whole /64, and could otherwise take a new address per attempt).
    /// Text that is not an address is its own key.
    public static func limitKey(_ text: String) -> String {
        guard let address = IPAddress(text), address.bytes.count == 16 else { return text }
        let network = IPAddress(bytes: Array(address.bytes[0..<8]) + Array(repeating: 0, count: 8))
        return network.text + "/64"
    }
}
