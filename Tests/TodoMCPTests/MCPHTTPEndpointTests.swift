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
        let sessions: MCPSessions
        let client: InProcessClient

        /// A backend replica; replicas given the same `secret` accept each other's tokens.
        init(harness: MCPHarness? = nil, secret: UInt8 = 7, previousSecret: UInt8? = nil) throws {
            let harness = try harness ?? MCPHarness()
            self.harness = harness
            tokens = try TokenService(
                signingKey: JWTKey(id: "k\(secret)", secret: Array(repeating: secret, count: 32)),
                verificationKeys: previousSecret.map { [JWTKey(id: "k\($0)", secret: Array(repeating: $0, count: 32))] }
                    ?? [],
                issuer: "test", lifetime: 3600)
            let api = BackendAPI(
                store: harness.store, clock: harness.clock, ids: UUIDv7Generator(clock: harness.clock),
                hasher: PasswordHasher(logN: 10), tokens: tokens, limiter: LoginRateLimiter(maxFailures: 5, window: 60))
            sessions = MCPSessions(
                keys: try tokens.derivedKeys(purpose: MCPSessions.keyPurpose), lifetime: 600, clock: harness.clock)
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
        #expect(forged.headers["Mcp-Session-Id"] == nil)
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

    @Test func aSessionOpenedOnOneReplicaIsAcceptedByAnother_andExpires() throws {
        let first = try Stack()
        let second = try Stack(harness: first.harness)
        let session = try first.open(first.harness.alice)
        let token = try first.token(first.harness.alice)

        let tools = second.post(Self.listTools, token: token, session: session)
        #expect(tools.status == 200)
        #expect(try tools.jsonBody()["result"]?["tools"]?.arrayValue?.count == 6)
        // The negotiated version travels with the session.
        let otherVersion = second.post(
            Self.listTools, token: token, session: session, extra: [("MCP-Protocol-Version", "2024-11-05")])
        #expect(try otherVersion.jsonBody()["error"]?["code"] == "mcp_protocol_version_mismatch")

        // A replica with other keys accepts neither the token nor the session; one that rotated
        // to a new key still accepts sessions signed with the previous one.
        let stranger = try Stack(harness: first.harness, secret: 9)
        let strangerToken = try stranger.token(first.harness.alice)
        #expect(stranger.post(Self.listTools, token: strangerToken, session: session).status == 404)
        let rotated = try Stack(harness: first.harness, secret: 9, previousSecret: 7)
        #expect(rotated.post(Self.listTools, token: strangerToken, session: session).status == 200)

        first.harness.clock.advance(by: 601)
        #expect(
            second.post(Self.listTools, token: try first.token(first.harness.alice), session: session).status == 404)
    }

    @Test func anAlteredSessionIdIsNotFound_andARefusedHandshakeOpensNone() throws {
        let stack = try Stack()
        let session = try stack.open(stack.harness.alice)
        let token = try stack.token(stack.harness.alice)
        let parts = session.split(separator: ".").map(String.init)
        #expect(parts.count == 2)

        // The payload is readable: swap in Bob's id and the signature no longer matches.
        let payload = try JSONValue.parse(try #require(Base64URL.decode(parts[0])))
        #expect(payload["sub"] == .string(stack.harness.alice.id))
        var altered = payload.objectValue ?? [:]
        altered["sub"] = .string(stack.harness.bob.id)
        let forged = Base64URL.encode(JSONValue.object(altered).serialized()) + "." + parts[1]
        let bobToken = try stack.token(stack.harness.bob)
        for id in [forged, parts[0], parts[0] + "." + parts[0], session + ".x", String(repeating: "A", count: 5000)] {
            #expect(stack.post(Self.listTools, token: bobToken, session: id).status == 404, "\(id.prefix(40))")
        }
        #expect(stack.post(Self.listTools, token: token, session: session).status == 200)

        let refused = stack.post(#"{"jsonrpc":"2.0","id":1,"method":"initialize","params":{}}"#, token: token)
        #expect(try refused.jsonBody()["error"]?["code"] == -32602)
        #expect(refused.headers["Mcp-Session-Id"] == nil)
    }
}
