/// The MCP revisions this server speaks through the `initialize` handshake, and what differs
/// between them here.
public enum ProtocolVersion {
    /// Newest first. The stateless revisions (which replace `initialize` with `server/discover`)
    /// are not served: clients fall back to the handshake when `server/discover` is unknown.
    public static let supported = ["2025-11-25", "2025-06-18", "2025-03-26", "2024-11-05"]

    /// What `initialize` answers: the client's version when we speak it, else our latest, which
    /// the client may accept or disconnect from (the specification's negotiation rule).
    public static func negotiate(_ requested: String) -> String {
        supported.contains(requested) ? requested : supported[0]
    }

    /// JSON-RPC batches were allowed up to 2025-03-26 and removed in 2025-06-18.
    static func allowsBatches(_ version: String) -> Bool {
        version == "2025-03-26" || version == "2024-11-05"
    }
}
