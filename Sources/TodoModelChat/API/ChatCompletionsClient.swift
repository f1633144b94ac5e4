import Foundation
import TodoChat
import TodoCore
import TodoHTTP
import TodoLogging

/// Sends Chat Completions requests to the configured server and reads the answers.
///
/// Each call is logged once, with the model, status, latency, step and token usage; never with
/// the key, the Authorization header or any message text.
struct ChatCompletionsClient: Sendable {
    let configuration: ModelConfiguration
    let http: HTTPClient
    let logger: Logger
    /// `tools` of every request, generated from the one toolbox definition.
    let tools: JSONValue

    init(configuration: ModelConfiguration, toolbox: TaskToolbox, http: HTTPClient, logger: Logger) {
        self.configuration = configuration
        self.http = http
        self.logger = logger
        tools = Self.tools(toolbox)
    }

    /// `{"type": "function", "function": {"name", "description", "parameters"}}` per tool.
    static func tools(_ toolbox: TaskToolbox) -> JSONValue {
        .array(
            toolbox.tools.map { tool in
                .object([
                    "type": "function",
                    "function": .object([
                        "name": .string(tool.name), "description": .string(tool.description),
                        "parameters": tool.inputSchema,
                    ]),
                ])
            })
    }

    /// One request with `messages`; `timeout` is at most the time left in the turn.
    func complete(_ messages: [JSONValue], timeout: TimeInterval, step: Int, correlationID: String?)
        throws(ModelError) -> ModelReply
    {
        let body: JSONValue = .object([
            "model": .string(configuration.model), "messages": .array(messages), "tools": tools,
            "tool_choice": "auto",
        ])
        var headers = HTTPHeaders()
        headers.add("Content-Type", "application/json")
        headers.add("Accept", "application/json")
        if !configuration.apiKey.isEmpty { headers.add("Authorization", "Bearer \(configuration.apiKey)") }
        let request = OutboundRequest(
            .post, configuration.completionsURL, headers: headers, body: body.serialized(), timeout: timeout,
            maxResponseBytes: ModelConfiguration.maxResponseBytes)

        var metadata = ["model.name": configuration.model, "model.step": String(step)]
        if let correlationID { metadata[LogKey.correlationID] = correlationID }
        let started = ContinuousClock.now
        do {
            let response = try send(request, metadata: &metadata, started: started)
            let reply = try ModelReply.parse(response.body)
            metadata["model.finish_reason"] = reply.finishReason ?? "none"
            if let tokens = reply.promptTokens { metadata["model.tokens.prompt"] = String(tokens) }
            if let tokens = reply.completionTokens { metadata["model.tokens.completion"] = String(tokens) }
            logger.info("Model call", metadata)
            return reply
        } catch {
            metadata[LogKey.errorCode] = error.code
            metadata[LogKey.error] = error.description
            logger.warning("Model call failed", metadata)
            throw error
        }
    }

    /// The response of a 2xx status; any other status is an error (its body is not logged: a
    /// server may repeat what it was sent).
    private func send(_ request: OutboundRequest, metadata: inout [String: String], started: ContinuousClock.Instant)
        throws(ModelError) -> OutboundResponse
    {
        let response: OutboundResponse
        do {
            response = try http.send(request)
        } catch {
            metadata[LogKey.durationMS] = Self.milliseconds(since: started)
            throw ModelError(error)
        }
        metadata[LogKey.durationMS] = Self.milliseconds(since: started)
        metadata[LogKey.status] = String(response.status)
        guard response.isSuccess else { throw .status(response.status) }
        return response
    }

    private static func milliseconds(since start: ContinuousClock.Instant) -> String {
        let elapsed = start.duration(to: .now).components
        return String(elapsed.seconds * 1000 + elapsed.attoseconds / 1_000_000_000_000_000)
    }
}
