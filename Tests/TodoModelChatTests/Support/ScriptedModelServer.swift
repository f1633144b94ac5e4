import Foundation
import Synchronization
import TodoCore
import TodoHTTP
import TodoLogging

/// An OpenAI-compatible Chat Completions server on 127.0.0.1 that answers each
/// `POST /v1/chat/completions` with the next scripted step and records every request it got.
final class ScriptedModelServer: Sendable {
    /// What the server does with one request.
    enum Step: Sendable {
        /// 200 with this body.
        case reply(JSONValue)
        /// This status with an OpenAI-style error body.
        case status(Int)
        /// Holds the request until the test calls ``release()``, so the client times out first.
        case stall
    }

    /// One request as received.
    struct Received: Sendable {
        let path: String
        let authorization: String?
        let body: JSONValue
    }

    private let script: Script
    private let server: HTTPServer

    var baseURL: String { "http://127.0.0.1:\(server.port)/v1" }

    init(_ steps: [Step]) throws {
        let script = Script(steps)
        self.script = script
        let configuration = HTTPServerConfiguration(
            host: "127.0.0.1", port: 0, threads: 4, maxBodyBytes: 1 << 20, connectionTimeoutSeconds: 30,
            serviceName: "scripted-model")
        server = HTTPServer(
            configuration: configuration, handler: { request in script.answer(request) },
            logger: Logger(service: "scripted-model", sink: NullLogSink()))
        try server.start()
    }

    /// Lets stalled handlers finish, then stops the server.
    func stop() {
        release()
        server.shutdown(gracePeriod: .seconds(5))
    }

    /// Lets every stalled request go (each answers 500, which nobody waits for any more).
    func release() {
        for _ in 0..<8 { script.stalled.signal() }
    }

    /// Adds steps after the ones still waiting.
    func enqueue(_ steps: [Step]) {
        script.state.withLock { $0.steps += steps }
    }

    var requests: [Received] { script.state.withLock { $0.received } }

    /// Steps not used yet.
    var remainingSteps: Int { script.state.withLock { $0.steps.count } }
}

/// The steps left and the requests seen, shared with the server's handler threads.
private final class Script: Sendable {
    let state: Mutex<(steps: [ScriptedModelServer.Step], received: [ScriptedModelServer.Received])>
    let stalled = DispatchSemaphore(value: 0)

    init(_ steps: [ScriptedModelServer.Step]) {
        state = Mutex((steps, []))
    }

    func answer(_ request: HTTPRequest) -> HTTPResponse {
        let body = (try? JSONValue.parse(request.body)) ?? .null
        let step = state.withLock { state -> ScriptedModelServer.Step? in
            state.received.append(
                ScriptedModelServer.Received(
                    path: request.path, authorization: request.headers["Authorization"], body: body))
            return state.steps.isEmpty ? nil : state.steps.removeFirst()
        }
        guard request.path == "/v1/chat/completions", let step else {
            return .json(status: 404, ["error": ["message": "no scripted answer", "type": "invalid_request_error"]])
        }
        switch step {
        case .reply(let json):
            return .json(json)
        case .status(let status):
            return .json(status: status, ["error": ["message": "scripted failure", "type": "server_error"]])
        case .stall:
            _ = stalled.wait(timeout: .now() + 30)
            return .json(status: 500, ["error": ["message": "released", "type": "server_error"]])
        }
    }
}

/// Chat Completions response bodies in the documented shape.
enum Completion {
    static func text(_ content: String, finish: String = "stop") -> JSONValue {
        body(message: ["role": "assistant", "content": .string(content)], finish: finish)
    }

    /// A message calling tools; each call is (id, name, arguments as JSON text).
    static func tools(_ calls: [(String, String, String)], finish: String = "tool_calls") -> JSONValue {
        let list: [JSONValue] = calls.map { id, name, arguments in
            [
                "id": .string(id), "type": "function",
                "function": ["name": .string(name), "arguments": .string(arguments)],
            ]
        }
        return body(message: ["role": "assistant", "content": nil, "tool_calls": .array(list)], finish: finish)
    }

    static func refusal(_ text: String) -> JSONValue {
        body(message: ["role": "assistant", "content": nil, "refusal": .string(text)], finish: "stop")
    }

    private static func body(message: JSONValue, finish: String) -> JSONValue {
        [
            "id": "chatcmpl-test", "object": "chat.completion", "created": 1_772_722_800, "model": "test-model",
            "choices": [["index": 0, "message": message, "finish_reason": .string(finish)]],
            "usage": ["prompt_tokens": 120, "completion_tokens": 15, "total_tokens": 135],
        ]
    }
}
