import Synchronization

/// One client's MCP session: who it belongs to and how far the lifecycle has got.
///
/// The stdio transport has one for the life of the process; Streamable HTTP keeps one per
/// `Mcp-Session-Id` in ``MCPSessionStore``. State changes only at `initialize` and
/// `notifications/initialized`, under a lock, so requests of one session may run concurrently.
public final class MCPSession: Sendable {
    /// Unguessable; the HTTP transport hands it out as `Mcp-Session-Id`.
    public let id: String
    /// The user every tool call of this session acts for.
    public let userID: String
    private let state = Mutex(Lifecycle())

    struct Lifecycle {
        /// The version answered to `initialize`; nil before it.
        var protocolVersion: String?
        /// Whether the client sent `notifications/initialized`.
        var clientReady = false
    }

    public init(id: String, userID: String) {
        self.id = id
        self.userID = userID
    }

    /// The negotiated protocol version; nil until `initialize` has been answered.
    public var protocolVersion: String? { state.withLock { $0.protocolVersion } }

    /// Whether the client has confirmed the handshake with `notifications/initialized`.
    public var clientReady: Bool { state.withLock { $0.clientReady } }

    /// Records the negotiated version; false when the session was already initialized.
    func begin(version: String) -> Bool {
        state.withLock { lifecycle in
            guard lifecycle.protocolVersion == nil else { return false }
            lifecycle.protocolVersion = version
            return true
        }
    }

    func markClientReady() {
        state.withLock { $0.clientReady = true }
    }
}
