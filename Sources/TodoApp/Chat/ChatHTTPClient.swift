import Foundation
import TodoCore

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

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
            "POST", "/api/auth/login", json: ["email": .string(email), "password": .string(password)])
        guard response.status == 200, let token = response.json["access_token"]?.stringValue else {
            throw CLIError.failure("Log-in failed: \(response.errorMessage)")
        }
        self.token = token
    }

    func send(_ method: String, _ path: String, json: JSONValue? = nil) throws -> Response {
        guard let url = URL(string: baseURL + path) else { throw CLIError.usage("--url: '\(baseURL)' is not a URL") }
        var request = URLRequest(url: url)
        request.httpMethod = method
        request.timeoutInterval = timeout
        if let token { request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization") }
        if let json {
            request.setValue("application/json", forHTTPHeaderField: "Content-Type")
            request.httpBody = Data(json.serialized())
        }

        let box = ResponseBox()
        let semaphore = DispatchSemaphore(value: 0)
        let task = URLSession.shared.dataTask(with: request) { data, response, _ in
            box.set(response as? HTTPURLResponse, data)
            semaphore.signal()
        }
        task.resume()
        guard semaphore.wait(timeout: .now() + timeout + 1) == .success, let http = box.response else {
            task.cancel()
            throw CLIError.failure("No answer from \(baseURL); is the backend running (`todo-chatbot serve`)?")
        }

        let body = box.data.map { [UInt8]($0) } ?? []
        return Response(
            status: http.statusCode, retryAfter: http.value(forHTTPHeaderField: "Retry-After"),
            json: (try? JSONValue.parse(body)) ?? .null)
    }
}

/// The response handed from URLSession's delegate queue to the waiting thread.
private final class ResponseBox: @unchecked Sendable {
    // @unchecked: written once before the semaphore is signalled, read only after waiting on it.
    private(set) var response: HTTPURLResponse?
    private(set) var data: Data?

    func set(_ response: HTTPURLResponse?, _ data: Data?) {
        self.response = response
        self.data = data
    }
}
