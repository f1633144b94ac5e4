import Foundation
import TodoConfig
import TodoCore
import TodoMCP

/// The limits of the backend's Streamable HTTP MCP sessions (`mcp.*`); stdio has one session.
public struct MCPSettings: Sendable {
    public var maxSessions: Int
    public var maxSessionsPerUser: Int
    public var sessionIdleSeconds: Int

    init(resolved config: ResolvedConfig) throws(ConfigError) {
        maxSessions = try config.int(.mcpMaxSessions)
        maxSessionsPerUser = try config.int(.mcpMaxSessionsPerUser)
        sessionIdleSeconds = try config.int(.mcpSessionIdleSeconds)
    }

    func sessionStore(clock: any TimeSource) -> MCPSessionStore {
        MCPSessionStore(
            maxSessions: maxSessions, maxPerUser: maxSessionsPerUser, idleTimeout: TimeInterval(sessionIdleSeconds),
            clock: clock)
    }
}
