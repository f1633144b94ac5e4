import Foundation
import TodoCore
import TodoHTTP

/// MCP's Streamable HTTP transport at `/mcp`: one JSON-RPC message (or batch) per POST, answered
/// with `application/json`; `DELETE` ends the session. There is no server-to-client stream (this
/// server sends no requests or notifications of its own), so `GET` is 405, as the
/// specification allows.
///
/// Every request needs `Authorization: Bearer <token>`; the session opened by `initialize`
/// (`Mcp-Session-Id`) belongs to that token's user and answers 404 to anyone else, or once it
/// has expired or been ended.
public struct MCPHTTPEndpoint: Sendable {
    public static let path = "/mcp"
    static let sessionHeader = "Mcp-Session-Id"
    static let versionHeader = "MCP-Protocol-Version"

    let server: MCPServer
    let sessions: MCPSessions
    let origins: OriginPolicy
    let authenticate: @Sendable (HTTPRequest) throws -> User

    /// `allowedOrigins` are the CORS origins: a browser page from anywhere else is refused.
    public init(
        server: MCPServer, sessions: MCPSessions, allowedOrigins: [String],
        authenticate: @escaping @Sendable (HTTPRequest) throws -> User
    ) {
        self.server = server
        self.sessions = sessions
        self.origins = OriginPolicy(allowed: allowedOrigins)
        self.authenticate = authenticate
    }

    public func register(on router: inout Router) {
        router.post(Self.path) { request in try post(request) }
        router.delete(Self.path) { request in try delete(request) }
    }

    func post(_ request: HTTPRequest) throws -> HTTPResponse {
        try origins.check(request)
        let user = try authenticate(request)
        if let refusal = Self.refusalUnlessJSONAccepted(request) { return refusal }

        let inbound: MCPServer.Inbound
        switch MCPServer.decode(request.body) {
        case .success(let decoded): inbound = decoded
        case .failure(let error): return .json(status: 400, JSONRPCResponse.error(error, id: nil))
        }

        if MCPServer.isInitializeRequest(inbound) {
            return try initialize(inbound, request: request, user: user)
        }
        let session = try session(for: request, user: user)
        try Self.checkVersionHeader(request, session: session)

        guard
            let response = server.respond(
                to: inbound, session: session, user: user, correlationID: request.context.correlationID)
        else { return HTTPResponse(status: 202) }
        return .json(status: 200, response)
    }

    func delete(_ request: HTTPRequest) throws -> HTTPResponse {
        try origins.check(request)
        let user = try authenticate(request)
        let id = try Self.sessionID(request)
        guard sessions.close(id, for: user.id) else { throw Self.sessionNotFound }
        return .noContent
    }

    /// Answers `initialize` in a new session, whose id is returned only when the handshake
    /// succeeded.
    private func initialize(_ inbound: MCPServer.Inbound, request: HTTPRequest, user: User) throws -> HTTPResponse {
        let session = MCPSession(id: "", userID: user.id)
        let response =
            server.respond(to: inbound, session: session, user: user, correlationID: request.context.correlationID)
            ?? .null
        guard session.protocolVersion != nil else { return .json(status: 200, response) }

        return HTTPResponse.json(status: 200, response).withHeader(Self.sessionHeader, try sessions.issue(for: session))
    }

    private func session(for request: HTTPRequest, user: User) throws -> MCPSession {
        guard let session = sessions.session(try Self.sessionID(request), for: user.id) else {
            throw Self.sessionNotFound
        }
        return session
    }

    private static func sessionID(_ request: HTTPRequest) throws -> String {
        guard let id = request.headers[sessionHeader], !id.isEmpty else {
            throw AppError.badRequest(
                "Send the Mcp-Session-Id header that initialize returned, or initialize first",
                code: "mcp_session_required")
        }
        return id
    }

    private static let sessionNotFound = AppError.notFound("MCP session", code: "mcp_session_not_found")

    /// A request after `initialize` names the negotiated version; one that names another is
    /// refused. A missing header is accepted (clients of 2025-03-26 do not send it).
    private static func checkVersionHeader(_ request: HTTPRequest, session: MCPSession) throws {
        guard let version = request.headers[versionHeader], version != session.protocolVersion else { return }
        throw AppError.badRequest(
            "MCP-Protocol-Version \(version) is not the version this session negotiated "
                + "(\(session.protocolVersion ?? "none"))",
            code: "mcp_protocol_version_mismatch")
    }

    /// The client must accept `application/json`, the only way this transport answers: 406
    /// `not_acceptable` otherwise (AppError has no kind for 406). A missing `Accept` accepts all.
    private static func refusalUnlessJSONAccepted(_ request: HTTPRequest) -> HTTPResponse? {
        guard let accept = request.headers["Accept"] else { return nil }
        let ranges = accept.split(separator: ",").map { range in
            range.prefix { $0 != ";" }.trimmingCharacters(in: .whitespaces).lowercased()
        }
        guard !ranges.contains(where: { ["application/json", "application/*", "*/*"].contains($0) }) else {
            return nil
        }

        var response = HTTPResponse.error(
            AppError.badRequest("This endpoint answers with application/json: accept it", code: "not_acceptable"))
        response.status = 406
        return response
    }
}
