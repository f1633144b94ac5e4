import Foundation
import TodoConfig
import TodoCore
import TodoCrypto
import TodoMCP

/// The backend's Streamable HTTP MCP sessions (`mcp.*`); stdio has one session.
public struct MCPSettings: Sendable {
    public var sessionLifetimeSeconds: Int

    init(resolved config: ResolvedConfig) throws(ConfigError) {
        sessionLifetimeSeconds = try config.int(.mcpSessionLifetimeSeconds)
    }

    /// Sessions signed with keys derived from the access-token keys, so every replica that
    /// accepts a user's token also accepts the sessions another replica opened for them.
    func sessions(tokens: TokenService, clock: any TimeSource) throws -> MCPSessions {
        let keys: [[UInt8]]
        do {
            keys = try tokens.derivedKeys(purpose: MCPSessions.keyPurpose)
        } catch {
            throw AppError.internal("deriving the MCP session keys: \(error)")
        }
        return MCPSessions(keys: keys, lifetime: TimeInterval(sessionLifetimeSeconds), clock: clock)
    }
}
