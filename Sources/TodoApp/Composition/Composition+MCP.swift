import TodoBackend
import TodoCore
import TodoCrypto
import TodoLogging
import TodoMCP

extension Composition {
    /// The task tools over MCP, acting through the backend's task use cases, so their changes
    /// emit events like any other.
    func mcpServer(logger: Logger) -> MCPServer {
        MCPServer(version: VersionCommand.version, tasks: backend.tasks, logger: logger)
    }

    /// `/mcp` on the backend: Streamable HTTP, authenticated like the API, refusing origins
    /// outside the CORS list.
    func mcpEndpoint() -> MCPHTTPEndpoint {
        let serviceLogger = logger.with(LogKey.service, ServiceName.backend.rawValue)
        return MCPHTTPEndpoint(
            server: mcpServer(logger: serviceLogger), sessions: settings.mcp.sessionStore(clock: clock),
            allowedOrigins: settings.corsOrigins, authenticate: backend.authenticator.user(for:))
    }

    /// The user an access token names, checked as the backend checks a bearer token: signature,
    /// issuer and expiry, then that the account still exists.
    func user(forAccessToken token: String) throws -> User {
        let verified: VerifiedToken
        do throws(TokenError) {
            verified = try tokens.verify(token, now: clock.now)
        } catch {
            throw AppError.unauthorized(error.message, code: error.code)
        }
        return try backend.accounts.user(id: verified.subject)
    }
}
