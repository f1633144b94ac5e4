import Foundation
import Testing
import TodoCore
import TodoHTTP

@Suite struct SignUpAndLoginTests {
    let backend: BackendHarness

    init() throws {
        backend = try BackendHarness(maxLoginFailures: 3)
    }

    @Test func signUpReturnsATokenThatOpensTheAccount() throws {
        let reply = backend.send(
            .post, "/api/auth/signup",
            json: [
                "email": "  Ada@Example.COM ", "password": "correct horse battery", "name": "Ada Lovelace",
                "timezone": "Europe/London",
            ])

        #expect(reply.status == 201)
        #expect(reply.json["token_type"] == "bearer")
        #expect(reply.json["expires_in"]?.intValue == 3600)
        #expect(reply.json["user"]?["email"] == "ada@example.com")
        #expect(reply.json["user"]?["timezone"] == "Europe/London")
        #expect(reply.headers["Cache-Control"] == "no-store")
        #expect(!reply.text.contains("correct horse"))

        let token = try #require(reply.json["access_token"]?.stringValue)
        let me = backend.send(.get, "/api/me", token: token)
        #expect(me.status == 200)
        #expect(me.json["name"] == "Ada Lovelace")
    }

    @Test func aSecondAccountWithTheSameEmailConflicts() throws {
        _ = try backend.signUp("ada")
        let reply = backend.send(
            .post, "/api/auth/signup", json: ["email": "ADA@example.com", "password": "another password"])
        #expect(reply.status == 409)
        #expect(reply.errorCode == "email_taken")
    }

    @Test func signUpListsEveryInvalidField() {
        let reply = backend.send(
            .post, "/api/auth/signup",
            json: ["email": "not-an-email", "password": "short", "timezone": "Mars/Olympus", "nickname": "x"])
        #expect(reply.status == 422)
        #expect(reply.errorCode == "validation_failed")
        #expect(Set(reply.invalidFields) == ["email", "password", "timezone", "nickname"])
    }

    @Test func loginWithTheRightPasswordIssuesAToken() throws {
        _ = try backend.signUp("grace")
        let reply = backend.send(
            .post, "/api/auth/login", json: ["email": "Grace@example.com", "password": "correct horse battery"])
        #expect(reply.status == 200)
        #expect(reply.json["access_token"]?.stringValue?.split(separator: ".").count == 3)
        #expect(reply.json["user"]?["email"] == "grace@example.com")
    }

    @Test func aLoginBodyThatIsNotAnObjectOrHasUnknownFields_isRefusedAsOnEveryRoute() throws {
        _ = try backend.signUp("kay")

        let array = backend.send(.post, "/api/auth/login", json: ["kay@example.com"])
        #expect(array.status == 400)
        #expect(array.errorCode == "body_not_object")
        let extra = backend.send(
            .post, "/api/auth/login",
            json: ["email": "kay@example.com", "password": "correct horse battery", "remember": true])
        #expect(extra.status == 422)
        #expect(extra.invalidFields == ["remember"])
    }

    @Test func wrongPasswordAndUnknownEmailLookTheSame() throws {
        _ = try backend.signUp("alan")
        let wrong = backend.send(
            .post, "/api/auth/login", json: ["email": "alan@example.com", "password": "nope nope"])
        let unknown = backend.send(
            .post, "/api/auth/login", json: ["email": "who@example.com", "password": "nope nope"])
        #expect(wrong.status == 401)
        #expect(unknown.status == 401)
        #expect(wrong.errorCode == "invalid_credentials")
        #expect(wrong.json["error"]?["message"] == unknown.json["error"]?["message"])
    }

    @Test func repeatedFailuresAreRateLimitedWithRetryAfter() throws {
        _ = try backend.signUp("eve")
        for _ in 0..<3 {
            let reply = backend.send(
                .post, "/api/auth/login", json: ["email": "eve@example.com", "password": "guess 1234"])
            #expect(reply.status == 401)
        }
        let limited = backend.send(
            .post, "/api/auth/login", json: ["email": "eve@example.com", "password": "correct horse battery"])
        #expect(limited.status == 429)
        #expect(limited.errorCode == "too_many_attempts")
        let retryAfter = try #require(limited.headers["Retry-After"].flatMap { Int($0) })
        #expect(retryAfter > 0 && retryAfter <= 300)

        backend.clock.advance(by: 301)
        let later = backend.send(
            .post, "/api/auth/login", json: ["email": "eve@example.com", "password": "correct horse battery"])
        #expect(later.status == 200)
    }

    @Test func loginRequiresBothFields() {
        let reply = backend.send(.post, "/api/auth/login", json: ["email": "a@example.com"])
        #expect(reply.status == 422)
        #expect(reply.invalidFields == ["password"])
    }
}
