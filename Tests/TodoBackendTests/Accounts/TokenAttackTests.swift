import Foundation
import Testing
import TodoCore
import TodoCrypto
import TodoHTTP

/// Every way of presenting a bad token gets 401 with a stable code, on a protected route.
@Suite struct TokenAttackTests {
    let backend: BackendHarness
    let token: String

    init() throws {
        backend = try BackendHarness()
        token = try backend.signUp("ada")
    }

    private func code(for authorization: String?) -> (Int, String?) {
        let headers = authorization.map { [("Authorization", $0)] } ?? []
        let reply = backend.send(.get, "/api/tasks", headers: headers)
        return (reply.status, reply.errorCode)
    }

    private func forge(header: String, payload: String, key: [UInt8]?) throws -> String {
        let head = Base64URL.encode(Array(header.utf8)) + "." + Base64URL.encode(Array(payload.utf8))
        guard let key else { return head + "." }
        return head + "." + Base64URL.encode(try HMACSHA256.authenticate(key: key, message: Array(head.utf8)))
    }

    private var claims: String {
        let now = Int(backend.clock.now.timeIntervalSince1970)
        let subject = (try? backend.tokens.verify(token, now: backend.clock.now).subject) ?? ""
        return #"{"sub":"\#(subject)","iat":\#(now),"exp":\#(now + 600),"iss":"todo-chatbot"}"#
    }

    @Test func missingTokenIsRefused() {
        let (status, code) = code(for: nil)
        #expect(status == 401)
        #expect(code == "missing_token")
        #expect(backend.send(.get, "/api/me").headers["WWW-Authenticate"] == "Bearer")
    }

    @Test func otherSchemesAndGarbageAreRefused() {
        #expect(code(for: "Basic YWRhOnNlY3JldA==") == (401, "invalid_token"))
        #expect(code(for: "Bearer") == (401, "invalid_token"))
        #expect(code(for: "Bearer not.a.jwt").1 == "token_malformed")
        #expect(code(for: "Bearer 💥💥💥").1 == "token_malformed")
        #expect(code(for: "Bearer " + String(repeating: "a", count: 10_000)).0 == 401)
    }

    @Test func algorithmNoneIsRefused() throws {
        let forged = try forge(header: #"{"alg":"none","typ":"JWT"}"#, payload: claims, key: nil)
        #expect(code(for: "Bearer \(forged)") == (401, "token_algorithm_unsupported"))
    }

    @Test func aTokenSignedWithAnotherKeyIsRefused() throws {
        let forged = try forge(
            header: #"{"alg":"HS256","typ":"JWT","kid":"test"}"#, payload: claims,
            key: Array("an-attacker-key-that-is-long-enough!!".utf8))
        #expect(code(for: "Bearer \(forged)") == (401, "token_signature_invalid"))
    }

    @Test func aCorrectlySignedForgeryIsAccepted() throws {
        // The control for the tests above: the same forging code with the real key works.
        let forged = try forge(
            header: #"{"alg":"HS256","typ":"JWT","kid":"test"}"#, payload: claims, key: BackendHarness.secret)
        #expect(code(for: "Bearer \(forged)").0 == 200)
    }

    @Test func anExpiredTokenIsRefused() {
        backend.clock.advance(by: 3600 + 60)
        #expect(code(for: "Bearer \(token)") == (401, "token_expired"))
    }

    @Test func aTokenForAnotherIssuerIsRefused() throws {
        let now = Int(backend.clock.now.timeIntervalSince1970)
        let payload = #"{"sub":"x","iat":\#(now),"exp":\#(now + 600),"iss":"someone-else"}"#
        let forged = try forge(
            header: #"{"alg":"HS256","typ":"JWT","kid":"test"}"#, payload: payload, key: BackendHarness.secret)
        #expect(code(for: "Bearer \(forged)") == (401, "token_issuer_invalid"))
    }

    @Test func aValidTokenForAnAccountThatDoesNotExistIsRefused() throws {
        let issued = try backend.tokens.issue(subject: "0190a1b2-0000-7000-8000-000000000000", now: backend.clock.now)
        #expect(code(for: "Bearer \(issued.token)") == (401, "account_not_found"))
    }
}
