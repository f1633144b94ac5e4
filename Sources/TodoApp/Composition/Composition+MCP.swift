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
            server: mcpServer(logger: serviceLogger), sessions: mcpSessions,
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

    /// The stdio transport for `user`, who `token` named at startup: before each request that
    /// acts, the token is verified again (on this composition's clock) and the account looked up,
    /// so an expired token or a deleted account stops the session.
    func mcpStdioTransport(user: User, token: String, logger: Logger) -> MCPStdioTransport {
        MCPStdioTransport(
            server: mcpServer(logger: logger), user: user, correlationIDs: { [ids] in ids.next() }, logger: logger,
            checkAccess: { [self] in
                do {
                    _ = try self.user(forAccessToken: token)
                    return nil
                } catch let error as AppError {
                    return error
                } catch {
                    return AppError.internal("checking the MCP access token: \(error)")
                }
            })
    }
}
