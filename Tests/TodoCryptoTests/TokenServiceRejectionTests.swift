import Foundation
import Testing

@testable import TodoCrypto

struct TokenServiceRejectionTests {
    let service: TokenService

    init() throws {
        service = try TokenForge.service()
    }

    private func rejection(_ token: String, now: Date = TokenForge.now) -> TokenError? {
        do {
            _ = try service.verify(token, now: now)
            return nil
        } catch {
            return error
        }
    }

    private func signed(header: String = TokenForge.header, _ edit: (inout [String: Any]) -> Void) throws -> String {
        try TokenForge.token(header: header, payload: TokenForge.payload(edit), key: TokenForge.currentKey)
    }

    @Test func wellFormedTokenIsAccepted() throws {
        let token = try signed { _ in }

        #expect(rejection(token) == nil)
    }

    @Test(arguments: [
        "", ".", "..", "abc", "a.b", "a.b.c.d", ".eyJ9.c2ln", "eyJ9..c2ln", "!!!.eyJ9.c2ln", "eyJ9.eyJ9.c2ln=",
        "eyJ9 .eyJ9.c2ln", String(repeating: "A", count: 9000) + ".eyJ9.c2ln",
    ])
    func garbageIsMalformed(token: String) {
        #expect(rejection(token) == .malformed)
    }

    @Test(arguments: ["not json", "[1,2]", "\"HS256\"", #"{"alg":"HS256""#])
    func headerThatIsNotAJSONObjectIsMalformed(header: String) throws {
        let token = try TokenForge.token(header: header, payload: TokenForge.payload(), key: TokenForge.currentKey)

        #expect(rejection(token) == .malformed)
    }

    @Test func algorithmNoneWithEmptySignatureIsRefused() throws {
        let token = try TokenForge.token(
            header: #"{"alg":"none","typ":"JWT"}"#, payload: TokenForge.payload(), key: nil)

        #expect(token.hasSuffix("."))
        #expect(rejection(token) == .algorithmUnsupported)
    }

    @Test(arguments: [
        #"{"alg":"none","kid":"k2"}"#, #"{"alg":"HS512","kid":"k2"}"#, #"{"alg":"RS256","kid":"k2"}"#,
        #"{"alg":"hs256","kid":"k2"}"#, #"{"alg":"HS256 ","kid":"k2"}"#, #"{"alg":256,"kid":"k2"}"#,
        #"{"typ":"JWT","kid":"k2"}"#,
    ])
    func anyAlgorithmButHS256IsRefused(header: String) throws {
        // Signed with the real key and HS256, so only the header's claim about the algorithm is wrong.
        let token = try signed(header: header) { _ in }

        #expect(rejection(token) == .algorithmUnsupported)
    }

    @Test func criticalHeaderExtensionsAreRefused() throws {
        let token = try signed(header: #"{"alg":"HS256","kid":"k2","crit":["exp"]}"#) { _ in }

        #expect(rejection(token) == .malformed)
    }

    @Test func unknownKeyIDIsRefused() throws {
        let token = try signed(header: #"{"alg":"HS256","kid":"k9"}"#) { _ in }

        #expect(rejection(token) == .keyUnknown)
    }

    @Test func tokenSignedWithAnotherSecretIsRefused() throws {
        let forger = JWTKey(id: "k2", secret: Array("attacker-secret-0123456789abcdefgh".utf8))
        let withKeyID = try TokenForge.token(header: TokenForge.header, payload: TokenForge.payload(), key: forger)
        let withoutKeyID = try TokenForge.token(
            header: #"{"alg":"HS256"}"#, payload: TokenForge.payload(), key: forger)

        #expect(rejection(withKeyID) == .signatureInvalid)
        #expect(rejection(withoutKeyID) == .signatureInvalid)
    }

    @Test func tamperedPayloadIsRefused() throws {
        let genuine = try signed { _ in }.split(separator: ".").map(String.init)
        let promoted = Base64URL.encode(Array(try TokenForge.payload { $0["sub"] = "admin" }.utf8))

        #expect(rejection([genuine[0], promoted, genuine[2]].joined(separator: ".")) == .signatureInvalid)
    }

    @Test func damagedSignatureIsRefused() throws {
        let genuine = try signed { _ in }
        // Four characters less is still valid base64url, so it decodes to a shorter signature.
        let truncated = String(genuine.dropLast(4))
        let flipped = String(genuine.dropLast()) + (genuine.hasSuffix("A") ? "Q" : "A")

        #expect(rejection(truncated) == .signatureInvalid)
        #expect(rejection(flipped) == .signatureInvalid)
        #expect(rejection(genuine + "*") == .malformed)
    }

    @Test func signedPayloadThatIsNotJSONIsMalformed() throws {
        let token = try TokenForge.token(header: TokenForge.header, payload: "sub=admin", key: TokenForge.currentKey)

        #expect(rejection(token) == .malformed)
    }

    @Test func expiryIsEnforcedWithThirtySecondsOfLeeway() throws {
        let token = try signed { _ in }
        let expiry = Date(timeIntervalSince1970: 1_700_000_900)

        #expect(rejection(token, now: expiry.addingTimeInterval(29)) == nil)
        #expect(rejection(token, now: expiry.addingTimeInterval(30)) == .expired)
        #expect(rejection(token, now: expiry.addingTimeInterval(86_400)) == .expired)
    }

    @Test func tokenIssuedInTheFutureIsRefusedBeyondTheLeeway() throws {
        let nearFuture = try signed { $0["iat"] = 1_700_000_030 }
        let farFuture = try signed { $0["iat"] = 1_700_000_031 }
        let notBefore = try signed { $0["nbf"] = 1_700_000_100 }

        #expect(rejection(nearFuture) == nil)
        #expect(rejection(farFuture) == .notYetValid)
        #expect(rejection(notBefore) == .notYetValid)
    }

    @Test func wrongOrMissingIssuerIsRefused() throws {
        let wrong = try signed { $0["iss"] = "someone-else" }
        let missing = try signed { $0["iss"] = nil }
        let nonString = try signed { $0["iss"] = 7 }

        #expect(rejection(wrong) == .issuerInvalid)
        #expect(rejection(missing) == .issuerInvalid)
        #expect(rejection(nonString) == .issuerInvalid)
    }

    @Test func missingOrMistypedClaimsAreRefusedByName() throws {
        #expect(rejection(try signed { $0["sub"] = nil }) == .claimInvalid(name: "sub"))
        #expect(rejection(try signed { $0["sub"] = "" }) == .claimInvalid(name: "sub"))
        #expect(rejection(try signed { $0["sub"] = 42 }) == .claimInvalid(name: "sub"))
        #expect(rejection(try signed { $0["exp"] = nil }) == .claimInvalid(name: "exp"))
        #expect(rejection(try signed { $0["exp"] = "1700000900" }) == .claimInvalid(name: "exp"))
        #expect(rejection(try signed { $0["iat"] = nil }) == .claimInvalid(name: "iat"))
        #expect(rejection(try signed { $0["nbf"] = "soon" }) == .claimInvalid(name: "nbf"))
    }

    @Test func errorTextNeverContainsTheToken() throws {
        let token = try signed { $0["iss"] = "someone-else" }
        let error = try #require(rejection(token))

        for part in token.split(separator: ".") {
            #expect(!error.description.contains(part))
            #expect(!error.message.contains(part))
        }
        #expect(error.code == "token_issuer_invalid")
    }

    @Test func everyRejectionHasADistinctStableCode() {
        let errors: [TokenError] = [
            .malformed, .algorithmUnsupported, .keyUnknown, .signatureInvalid, .claimInvalid(name: "sub"), .expired,
            .notYetValid, .issuerInvalid,
            .verificationFailed(OpenSSLError(operation: "HMAC", errorCode: 0, reason: "test")),
        ]

        #expect(Set(errors.map(\.code)).count == errors.count)
        #expect(errors.allSatisfy { $0.code.hasPrefix("token_") })
    }
}
