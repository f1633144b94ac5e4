import Foundation
import Testing
import TodoBackend
import TodoCore
import TodoCrypto
import TodoHTTP
import TodoMCP

/// Streamable HTTP at `/mcp` through the standard pipeline and the backend's real bearer-token
/// check: sessions, their owners, the headers the transport requires and what it refuses.
@Suite struct MCPHTTPEndpointTests {
    final class Stack: Sendable {
        let harness: MCPHarness
        let tokens: TokenService
        let sessions: MCPSessionStore
        let client: InProcessClient

        init(maxPerUser: Int = 10) throws {
            harness = try MCPHarness()
            tokens = try TokenService(
                signingKey: JWTKey(id: "test", secret: Array(repeating: 7, count: 32)), issuer: "test", lifetime: 3600)
            let api = BackendAPI(
                store: harness.store, clock: harness.clock, ids: UUIDv7Generator(clock: harness.clock),
                hasher: PasswordHasher(logN: 10), tokens: tokens, limiter: LoginRateLimiter(maxFailures: 5, window: 60))
            sessions = MCPSessionStore(maxSessions: 3, maxPerUser: maxPerUser, idleTimeout: 600, clock: harness.clock)
            let endpoint = MCPHTTPEndpoint(
                server: harness.server, sessions: sessions, allowedOrigins: ["http://localhost:3000"],
                authenticate: api.authenticator.user(for:))
            var router = Router()
            endpoint.register(on: &router)
            let pipeline = HTTPPipeline.standard(
                router: router, cors: CORSPolicy(allowedOrigins: ["http://localhost:3000"]), maxBodyBytes: 1 << 20)
            client = InProcessClient(handler: pipeline.handler)
        }

        func token(_ user: User) throws -> String {
            try tokens.issue(subject: user.id, now: harness.clock.now).token
        }

        func post(_ body: String, token: String?, session: String? = nil, extra: [(String, String)] = [])
            -> HTTPResponse
        {
            var headers = [("Content-Type", "application/json"), ("Accept", "application/json, text/event-stream")]
            if let token { headers.append(("Authorization", "Bearer \(token)")) }
            if let session { headers.append(("Mcp-Session-Id", session)) }
            return client.send(.post, "/mcp", headers: headers + extra, body: Array(body.utf8))
        }

        /// Initializes a session for `user` and returns its id.
        func open(_ user: User) throws -> String {
            let response = post(MCPHarness.initialize(version: "2025-11-25"), token: try token(user))
            return try #require(response.headers["Mcp-Session-Id"])
        }
    }

    static let listTools = #"{"jsonrpc":"2.0","id":2,"method":"tools/list"}"#

    @Test func opensASessionOnInitializeAndRequiresItAfterwards() throws {
        let stack = try Stack()
        let token = try stack.token(stack.harness.alice)

        let initialized = stack.post(MCPHarness.initialize(version: "2025-06-18"), token: token)
        #expect(initialized.status == 200)
        #expect(initialized.headers["Content-Type"]?.hasPrefix("application/json") == true)
        #expect(try initialized.jsonBody()["result"]?["protocolVersion"] == "2025-06-18")
        let id = try #require(initialized.headers["Mcp-Session-Id"])
        #expect(id.count >= 22)

        let ready = stack.post(#"{"jsonrpc":"2.0","method":"notifications/initialized"}"#, token: token, session: id)
        #expect(ready.status == 202)
        #expect(ready.body.isEmpty)
        let tools = stack.post(
            Self.listTools, token: token, session: id, extra: [("MCP-Protocol-Version", "2025-06-18")])
        #expect(try tools.jsonBody()["result"]?["tools"]?.arrayValue?.count == 6)

        #expect(try stack.post(Self.listTools, token: token).jsonBody()["error"]?["code"] == "mcp_session_required")
        #expect(stack.post(Self.listTools, token: token, session: "made-up").status == 404)
        let otherVersion = stack.post(
            Self.listTools, token: token, session: id, extra: [("MCP-Protocol-Version", "2024-11-05")])
        #expect(otherVersion.status == 400)
        #expect(try otherVersion.jsonBody()["error"]?["code"] == "mcp_protocol_version_mismatch")
    }

    @Test func refusesMissingAndBadTokensWithBearerChallenges() throws {
        let stack = try Stack()

        let missing = stack.post(MCPHarness.initialize(version: "2025-11-25"), token: nil)
        #expect(missing.status == 401)
        #expect(missing.headers["WWW-Authenticate"] == "Bearer")
        #expect(try missing.jsonBody()["error"]?["code"] == "missing_token")
        let forged = stack.post(MCPHarness.initialize(version: "2025-11-25"), token: "abc.def.ghi")
        #expect(forged.status == 401)
        #expect(forged.headers["WWW-Authenticate"] == "Bearer")
        #expect(stack.sessions.count == 0)
    }

    @Test func aSessionAnswersOnlyTheUserWhoOpenedIt() throws {
        let stack = try Stack()
        let alice = try stack.open(stack.harness.alice)
        let bobToken = try stack.token(stack.harness.bob)

        let add = #"{"jsonrpc":"2.0","id":3,"method":"tools/call","params":{"name":"list_tasks","arguments":{}}}"#
        let hijack = stack.post(add, token: bobToken, session: alice)
        #expect(hijack.status == 404)
        #expect(try hijack.jsonBody()["error"]?["code"] == "mcp_session_not_found")
        let close = stack.client.send(
            .delete, "/mcp", headers: [("Authorization", "Bearer \(bobToken)"), ("Mcp-Session-Id", alice)])
        #expect(close.status == 404)

        let aliceToken = try stack.token(stack.harness.alice)
        #expect(stack.post(Self.listTools, token: aliceToken, session: alice).status == 200)
        let ended = stack.client.send(
            .delete, "/mcp", headers: [("Authorization", "Bearer \(aliceToken)"), ("Mcp-Session-Id", alice)])
        #expect(ended.status == 204)
        #expect(stack.post(Self.listTools, token: aliceToken, session: alice).status == 404)
    }

    @Test func refusesForeignOriginsUnacceptableResponsesAndGET() throws {
        let stack = try Stack()
        let token = try stack.token(stack.harness.alice)
        let initialize = MCPHarness.initialize(version: "2025-11-25")

        let rebound = stack.post(initialize, token: token, extra: [("Origin", "http://evil.example")])
        #expect(rebound.status == 403)
        #expect(try rebound.jsonBody()["error"]?["code"] == "origin_not_allowed")
        #expect(stack.post(initialize, token: token, extra: [("Origin", "http://localhost:3000")]).status == 200)

        let headers = [
            ("Content-Type", "application/json"), ("Accept", "text/html"), ("Authorization", "Bearer \(token)"),
        ]
        let html = stack.client.send(.post, "/mcp", headers: headers, body: Array(initialize.utf8))
        #expect(html.status == 406)
        #expect(try html.jsonBody()["error"]?["code"] == "not_acceptable")

        let get = stack.client.send(.get, "/mcp", headers: [("Authorization", "Bearer \(token)")])
        #expect(get.status == 405)
        let parse = stack.post("{oops", token: token)
        #expect(parse.status == 400)
        #expect(try parse.jsonBody()["error"]?["code"] == -32700)
    }

    @Test func boundsSessionsPerUserAndInAllAndExpiresIdleOnes() throws {
        let stack = try Stack(maxPerUser: 2)
        let first = try stack.open(stack.harness.alice)
        let second = try stack.open(stack.harness.alice)
        let third = try stack.open(stack.harness.alice)
        let aliceToken = try stack.token(stack.harness.alice)
        #expect(stack.post(Self.listTools, token: aliceToken, session: first).status == 404)
        #expect(stack.sessions.count == 2)

        // The store (3) is full after Bob's second: the least recently used session of the user
        // holding the most (Alice) makes way, so a new user is never locked out by others.
        let bob = try stack.open(stack.harness.bob)
        let bobToken = try stack.token(stack.harness.bob)
        #expect(stack.post(Self.listTools, token: aliceToken, session: third).status == 200)
        let bobSecond = stack.post(MCPHarness.initialize(version: "2025-11-25"), token: bobToken)
        #expect(bobSecond.status == 200)
        #expect(bobSecond.headers["Mcp-Session-Id"] != nil)
        #expect(stack.post(Self.listTools, token: aliceToken, session: second).status == 404)
        #expect(stack.post(Self.listTools, token: aliceToken, session: third).status == 200)
        #expect(stack.sessions.count == 3)

        // Past his own limit Bob pushes out only his own oldest session, not Alice's.
        _ = try stack.open(stack.harness.bob)
        #expect(stack.post(Self.listTools, token: bobToken, session: bob).status == 404)
        #expect(stack.post(Self.listTools, token: aliceToken, session: third).status == 200)

        // A refused handshake takes no place.
        let refused = stack.post(#"{"jsonrpc":"2.0","id":1,"method":"initialize","params":{}}"#, token: bobToken)
        #expect(try refused.jsonBody()["error"]?["code"] == -32602)
        #expect(refused.headers["Mcp-Session-Id"] == nil)
        #expect(stack.sessions.count == 3)

        stack.harness.clock.advance(by: 601)
        #expect(stack.post(Self.listTools, token: aliceToken, session: third).status == 404)
        #expect(stack.post(MCPHarness.initialize(version: "2025-11-25"), token: bobToken).status == 200)
        #expect(stack.sessions.count == 1)
    }
}
