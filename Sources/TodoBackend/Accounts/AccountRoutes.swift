import Foundation
import TodoCore
import TodoHTTP
import TodoLogging

/// `/api/auth/*` and `/api/me`.
struct AccountRoutes {
    let accounts: AccountService
    let auth: Authenticator
    let signUps: WindowRateLimiter
    let clock: any TimeSource

    func register(on router: inout Router) {
        router.post("/api/auth/signup") { request in
            let input = try SignUpInput.parse(try request.jsonBody())
            // Checked before the (deliberately slow) password hash; only accounts created count, so
            // signing up again with an address already taken never locks anyone out.
            let address = ClientAddress.limitKey(request.remoteAddress)
            try signUps.check(address, now: clock.now)
            let session = try accounts.signUp(input)
            signUps.record(address, now: clock.now)
            request.context.logger.info("Account created", [LogKey.userID: session.user.id])
            return Self.sessionResponse(session, status: 201)
        }

        router.post("/api/auth/login") { request in
            let body = try ValidationErrors.object(try request.jsonBody())
            var problems = ValidationErrors()
            problems.addUnknownFields(of: body, known: ["email", "password"])
            let email = body["email"]?.stringValue
            let password = body["password"]?.stringValue
            if email == nil { problems.add("email", code: "required", "email is required") }
            if password == nil { problems.add("password", code: "required", "password is required") }
            try problems.throwIfAny()

            let session = try accounts.logIn(
                email: email!, password: password!, clientAddress: ClientAddress.limitKey(request.remoteAddress))
            return Self.sessionResponse(session, status: 200)
        }

        router.get(
            "/api/me",
            auth.require { _, user in
                Self.userResponse(user)
            })

        router.patch(
            "/api/me",
            auth.require { request, user in
                let changes = try ProfileChanges.parse(try request.jsonBody())
                return Self.userResponse(try accounts.update(user, with: changes, context: request.changeContext))
            })
    }

    static func sessionResponse(_ session: Session, status: Int) -> HTTPResponse {
        var json = JSONWriter(capacity: 768)
        json.beginObject()
        json.key("access_token")
        json.string(session.token.token)
        json.key("token_type")
        json.string("bearer")
        json.key("expires_in")
        json.int(session.token.expiresIn)
        json.key("expires_at")
        json.string(RFC3339.format(session.token.expiresAt))
        json.key("user")
        UserJSON.write(session.user, to: &json)
        json.endObject()
        var response = HTTPResponse.json(status: status, json.bytes)
        response.headers.set("Cache-Control", "no-store")
        return response
    }

    static func userResponse(_ user: User) -> HTTPResponse {
        var json = JSONWriter(capacity: 384)
        UserJSON.write(user, to: &json)
        return .json(status: 200, json.bytes)
    }
}
