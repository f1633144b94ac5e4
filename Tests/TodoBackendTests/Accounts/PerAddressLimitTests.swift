import Foundation
import Testing
import TodoCore
import TodoHTTP

/// The limits counted per client address, with the backend behind a proxy (127.0.0.1, as the
/// in-process client is) whose `X-Forwarded-For` names each user.
@Suite struct PerAddressLimitTests {
    let backend: BackendHarness

    init() throws {
        backend = try BackendHarness(
            maxLoginFailures: 1, signUpsPerHour: 2, trustedProxies: try TrustedProxies(["127.0.0.1"]))
    }

    private func signUp(_ name: String, from address: String) -> Reply {
        backend.send(
            .post, "/api/auth/signup",
            json: ["email": .string("\(name)@example.com"), "password": "correct horse battery"],
            headers: [("X-Forwarded-For", address)])
    }

    private func logIn(_ name: String, password: String, from address: String) -> Reply {
        backend.send(
            .post, "/api/auth/login",
            json: ["email": .string("\(name)@example.com"), "password": .string(password)],
            headers: [("X-Forwarded-For", address)])
    }

    @Test func signUpsAreCappedPerAddress_withRetryAfter() throws {
        #expect(signUp("ada", from: "203.0.113.7").status == 201)
        #expect(signUp("alan", from: "203.0.113.7").status == 201)

        let refused = signUp("grace", from: "203.0.113.7")
        #expect(refused.status == 429)
        #expect(refused.errorCode == "too_many_signups")
        let retryAfter = try #require(refused.headers["Retry-After"].flatMap { Int($0) })
        #expect(retryAfter > 3500 && retryAfter <= 3600)
        #expect(refused.json["error"]?["details"]?["retry_after"] == .number(Double(retryAfter)))

        #expect(signUp("grace", from: "198.51.100.2").status == 201, "another address has its own count")
        backend.clock.advance(by: 3600)
        #expect(signUp("edsger", from: "203.0.113.7").status == 201)
    }

    @Test func ipv6ClientsAreCountedByTheirSlash64() {
        #expect(signUp("ada", from: "2001:db8:1:2::1").status == 201)
        #expect(signUp("alan", from: "2001:db8:1:2::2").status == 201)
        #expect(signUp("grace", from: "2001:db8:1:2:ffff::3").errorCode == "too_many_signups")
        #expect(signUp("grace", from: "2001:db8:1:3::1").status == 201)
    }

    @Test func onlyAccountsCreatedCount_notATakenEmailOrABodyThatIsNotASignUp() {
        #expect(signUp("ada", from: "192.0.2.1").status == 201)
        for _ in 0..<5 { #expect(signUp("ada", from: "192.0.2.1").errorCode == "email_taken") }
        let invalid = backend.send(
            .post, "/api/auth/signup", json: ["email": "not an email"], headers: [("X-Forwarded-For", "192.0.2.1")])
        #expect(invalid.status == 422)
        #expect(signUp("alan", from: "192.0.2.1").status == 201)
        #expect(signUp("grace", from: "192.0.2.1").errorCode == "too_many_signups")
        #expect(
            signUp("ada", from: "192.0.2.1").errorCode == "too_many_signups", "refused before the email is looked at")
    }

    @Test func failedLogInsFromOneUserDoNotLockOutTheOthersBehindTheSameProxy() throws {
        #expect(signUp("ada", from: "198.51.100.2").status == 201)
        // Four unknown accounts, one failure each: the address limit (4 × 1) for 203.0.113.7 only.
        for name in ["a1", "a2", "a3", "a4"] {
            #expect(logIn(name, password: "guess guess", from: "203.0.113.7").status == 401)
        }
        #expect(logIn("ada", password: "correct horse battery", from: "203.0.113.7").errorCode == "too_many_attempts")
        #expect(logIn("ada", password: "correct horse battery", from: "198.51.100.2").status == 200)
    }
}
