import Synchronization

/// One client's MCP session: who it belongs to and how far the lifecycle has got.
///
/// The stdio transport has one for the life of the process; Streamable HTTP makes one per
/// request from its `Mcp-Session-Id` (``MCPSessions``). State changes only at `initialize` and
/// `notifications/initialized`, under a lock, so requests of one session may run concurrently.
public final class MCPSession: Sendable {
    /// The HTTP transport's `Mcp-Session-Id` (empty during `initialize`), or `stdio`.
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

    /// A session whose `initialize` was answered earlier, with `version`, and confirmed.
    init(id: String, userID: String, resumedAt version: String) {
        self.id = id
        self.userID = userID
        state.withLock { $0 = Lifecycle(protocolVersion: version, clientReady: true) }
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
