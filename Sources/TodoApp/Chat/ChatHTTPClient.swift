import Foundation
import TodoCore
import TodoHTTP

/// The few backend calls the terminal chat makes, over HTTP with a bearer token. Calls block the
/// calling thread (the CLI's main thread) until the response arrives or `timeout` passes.
struct ChatHTTPClient {
    /// A response: its status, its `Retry-After` header and its body parsed as JSON (null if not).
    struct Response {
        var status: Int
        var retryAfter: String?
        var json: JSONValue

        /// The error envelope's message, or a generic text.
        var errorMessage: String {
            json["error"]?["message"]?.stringValue ?? "the server answered \(status)"
        }
    }

    let baseURL: String
    var token: String?
    var timeout: TimeInterval = 30

    /// Logs in and keeps the token; throws a failure the user can read on bad credentials.
    mutating func logIn(email: String, password: String) throws {
        let response = try send(
            .post, "/api/auth/login", json: ["email": .string(email), "password": .string(password)])
        guard response.status == 200, let token = response.json["access_token"]?.stringValue else {
            throw CLIError.failure("Log-in failed: \(response.errorMessage)")
        }
        self.token = token
    }

    func send(_ method: HTTPMethod, _ path: String, json: JSONValue? = nil) throws -> Response {
        var headers = HTTPHeaders()
        if let token { headers.add("Authorization", "Bearer \(token)") }
        if json != nil { headers.add("Content-Type", "application/json") }
        let request = OutboundRequest(
            method, baseURL + path, headers: headers, body: json?.serialized() ?? [], timeout: timeout)

        let response: OutboundResponse
        do {
            response = try HTTPClient(timeout: timeout).send(request)
        } catch .invalidURL {
            throw CLIError.usage("--url: '\(baseURL)' is not an http(s) URL")
        } catch {
            throw CLIError.failure("\(error); is the backend running (`todo-chatbot serve`)?")
        }
        return Response(
            status: response.status, retryAfter: response.headers["Retry-After"],
            json: (try? JSONValue.parse(response.body)) ?? .null)
    }
}
