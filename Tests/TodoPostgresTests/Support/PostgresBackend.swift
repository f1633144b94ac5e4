import Foundation
import TodoBackend
import TodoCore
import TodoCrypto
import TodoHTTP
import TodoPostgres
import TodoTestSupport

/// The backend API on a ``PostgresStore``, driven in process through the middleware pipeline the
/// server uses: what a client sees (statuses, error codes, readiness) when the database misbehaves.
struct PostgresBackend: Sendable {
    let client: InProcessClient

    init(store: PostgresStore) throws {
        let clock = SystemTimeSource()
        let tokens = try TokenService(
            signingKey: JWTKey(id: "test", secret: Array("postgres-tests-signing-secret-0123456789".utf8)),
            verificationKeys: [], issuer: "todo-chatbot", lifetime: 3600)
        let api = BackendAPI(
            store: store, clock: clock, ids: UUIDv7Generator(clock: clock), hasher: PasswordHasher(logN: 10),
            tokens: tokens, limiter: LoginRateLimiter(maxFailures: 5, window: 300))
        var router = Router()
        api.register(on: &router)
        let pipeline = HTTPPipeline.standard(
            router: router, cors: CORSPolicy(allowedOrigins: []), maxBodyBytes: 1 << 20)
        client = InProcessClient(handler: pipeline.handler)
    }

    /// Sends a request and returns the status with the body parsed as JSON (null when it is not).
    @discardableResult
    func send(_ method: HTTPMethod, _ target: String, token: String? = nil, json: JSONValue? = nil) -> (
        status: Int, json: JSONValue
    ) {
        var headers: [(String, String)] = []
        if let token { headers.append(("Authorization", "Bearer \(token)")) }
        let response =
            json.map { client.send(method, target, headers: headers, json: $0) }
            ?? client.send(method, target, headers: headers)
        return (response.status, (try? response.jsonBody()) ?? .null)
    }

    /// Signs up `email` and returns the access token.
    func signUp(_ email: String) throws -> String {
        let reply = send(
            .post, "/api/auth/signup",
            json: ["email": .string(email), "password": "correct horse battery", "timezone": "UTC"])
        guard reply.status == 201, let token = reply.json["access_token"]?.stringValue else {
            throw AppError.internal("sign-up of \(email) answered \(reply.status)")
        }
        return token
    }

    /// The status of `GET /api/health/ready`.
    var readiness: Int {
        send(.get, "/api/health/ready").status
    }
}
