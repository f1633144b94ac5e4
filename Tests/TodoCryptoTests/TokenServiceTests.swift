import Foundation
import Testing

@testable import TodoCrypto

struct TokenServiceTests {
    // Known-answer pairs computed independently with Python's hmac, hashlib and base64 modules.
    static let katKey = JWTKey(id: "k1", secret: Array("kat-secret-0123456789abcdefghijk".utf8))
    static let katToken =
        "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCIsImtpZCI6ImsxIn0"
        + ".eyJzdWIiOiJ1c2VyLTQyIiwiaXNzIjoidG9kby1jaGF0Ym90IiwiaWF0IjoxNzAwMDAwMDAwLCJleHAiOjE3MDAwMDA5MDAsImp0aSI6"
        + "Imp0aS1maXhlZCJ9.VZJe5CfsND-tgmH0tu4F5wjabvbQq5ih6VTqSA0d1t8"
    /// No `kid`, members in another order, spaces, a fractional `exp` and a non-ASCII subject.
    static let katTokenWithoutKeyID =
        "eyJ0eXAiOiJKV1QiLCJhbGciOiJIUzI1NiJ9"
        + ".eyJpc3MiOiAidG9kby1jaGF0Ym90IiwgImV4cCI6IDE3MDAwMDA5MDAuNSwgImlhdCI6IDE3MDAwMDAwMDAsICJzdWIiOiAidXPDqXIg"
        + "XCJxXCIifQ.l0DJ0Q1KsIfUpGkMQS0Qc1xqCbAJbcXSjCpDhfpik2E"

    @Test func issuedTokenMatchesAnIndependentlyComputedOne() throws {
        let service = try TokenService(
            signingKey: Self.katKey, verificationKeys: [], issuer: "todo-chatbot", lifetime: 900, leeway: 30,
            makeTokenID: { "jti-fixed" })

        let issued = try service.issue(subject: "user-42", now: Date(timeIntervalSince1970: 1_700_000_000.75))

        #expect(issued.token == Self.katToken)
        #expect(issued.expiresAt == Date(timeIntervalSince1970: 1_700_000_900))
        #expect(issued.expiresIn == 900)
        #expect(issued.tokenID == "jti-fixed")
    }

    @Test func independentlyComputedTokenVerifies() throws {
        let service = try TokenService(signingKey: Self.katKey, issuer: "todo-chatbot", lifetime: 900)

        let verified = try service.verify(Self.katToken, now: Date(timeIntervalSince1970: 1_700_000_100))

        #expect(verified.subject == "user-42")
        #expect(verified.issuedAt == Date(timeIntervalSince1970: 1_700_000_000))
        #expect(verified.expiresAt == Date(timeIntervalSince1970: 1_700_000_900))
        #expect(verified.keyID == "k1")
        #expect(verified.tokenID == "jti-fixed")
    }

    @Test func tokenWithoutKeyIDVerifiesAgainstTheKeyThatSignedIt() throws {
        let other = JWTKey(id: "k0", secret: Array("some-other-secret-0123456789abcdef".utf8))
        let service = try TokenService(
            signingKey: other, verificationKeys: [Self.katKey], issuer: "todo-chatbot", lifetime: 900)

        let verified = try service.verify(Self.katTokenWithoutKeyID, now: Date(timeIntervalSince1970: 1_700_000_100))

        #expect(verified.subject == "usér \"q\"")
        #expect(verified.keyID == "k1")
        #expect(verified.expiresAt == Date(timeIntervalSince1970: 1_700_000_900.5))
        #expect(verified.tokenID == nil)
    }

    @Test func issuedTokenRoundTrips() throws {
        let service = try TokenForge.service()
        let issued = try service.issue(subject: "user \"7\"\n\u{1}é", now: TokenForge.now)

        let verified = try service.verify(issued.token, now: TokenForge.now.addingTimeInterval(60))

        #expect(verified.subject == "user \"7\"\n\u{1}é")
        #expect(verified.keyID == "k2")
        #expect(verified.tokenID == issued.tokenID)
        #expect(verified.expiresAt == issued.expiresAt)
    }

    @Test func eachTokenGetsItsOwnID() throws {
        let service = try TokenForge.service()

        let first = try service.issue(subject: "u", now: TokenForge.now)
        let second = try service.issue(subject: "u", now: TokenForge.now)

        #expect(first.tokenID != second.tokenID)
        #expect(first.token != second.token)
    }

    @Test func emptySubjectIsNotIssued() throws {
        #expect(throws: TokenError.claimInvalid(name: "sub")) {
            try TokenForge.service().issue(subject: "", now: TokenForge.now)
        }
    }

    @Test func tokenSignedWithARetiredKeyVerifiesWhileTheKeyIsListed() throws {
        let before = try TokenService(signingKey: TokenForge.oldKey, issuer: TokenForge.issuer, lifetime: 900)
        let old = try before.issue(subject: "user-1", now: TokenForge.now)

        let during = try TokenForge.service(verificationKeys: [TokenForge.oldKey])
        let after = try TokenForge.service(verificationKeys: [])

        #expect(try during.verify(old.token, now: TokenForge.now).keyID == "k1")
        #expect(throws: TokenError.keyUnknown) { try after.verify(old.token, now: TokenForge.now) }
    }

    @Test func signingKeyIsAcceptedWithoutBeingListed() throws {
        let service = try TokenForge.service(verificationKeys: [])
        let issued = try service.issue(subject: "user-1", now: TokenForge.now)

        #expect(try service.verify(issued.token, now: TokenForge.now).subject == "user-1")
    }

    @Test func unsafeConfigurationsAreRefused() {
        let short = JWTKey(id: "k3", secret: Array(repeating: 7, count: 31))
        let badID = JWTKey(id: "k 3", secret: Array(repeating: 7, count: 32))
        let clash = JWTKey(id: "k2", secret: Array(repeating: 7, count: 32))
        let key = TokenForge.currentKey

        #expect(throws: TokenConfigurationError.self) {
            try TokenService(signingKey: short, issuer: "i", lifetime: 60)
        }
        #expect(throws: TokenConfigurationError.self) {
            try TokenService(signingKey: key, verificationKeys: [badID], issuer: "i", lifetime: 60)
        }
        #expect(throws: TokenConfigurationError.self) {
            try TokenService(signingKey: key, verificationKeys: [clash], issuer: "i", lifetime: 60)
        }
        #expect(throws: TokenConfigurationError.self) { try TokenService(signingKey: key, issuer: "", lifetime: 60) }
        #expect(throws: TokenConfigurationError.self) { try TokenService(signingKey: key, issuer: "i", lifetime: 0) }
        #expect(throws: TokenConfigurationError.self) {
            try TokenService(signingKey: key, issuer: "i", lifetime: 60, leeway: -1)
        }
        #expect(throws: Never.self) {
            try TokenService(signingKey: key, verificationKeys: [key], issuer: "i", lifetime: 60)
        }
    }

    @Test func keyDescriptionHidesTheSecret() {
        let key = JWTKey(id: "k9", secret: Array("super-secret-value-0123456789abcd".utf8))

        #expect(!String(describing: key).contains("super-secret"))
        #expect(!String(reflecting: key).contains("super-secret"))
    }
}
