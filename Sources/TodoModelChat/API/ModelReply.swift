import Foundation
import TodoCore

/// One tool call the model asked for. `arguments` is the JSON text exactly as sent: it may be
/// invalid or cut off, which the loop checks before anything runs; nil when the model sent
/// something that is neither text nor an object (null, a number, a list).
struct ModelToolCall: Sendable, Equatable {
    let id: String
    let name: String
    let arguments: String?
}

/// `choices[0]` of a Chat Completions response, and the usage reported with it.
struct ModelReply: Sendable, Equatable {
    var content: String?
    var refusal: String?
    var toolCalls: [ModelToolCall]
    /// `stop`, `tool_calls`, `length`, `content_filter`, or whatever else a server says.
    var finishReason: String?
    var promptTokens: Int?
    var completionTokens: Int?

    /// Reads a response body; throws ``ModelError/badResponse(_:)`` for anything else.
    ///
    /// Servers differ in small ways, read leniently: `content` may be null, a string, or a list of
    /// `{"type": "text", "text"}` parts; a tool call without an `id` (some local servers) gets one
    /// from its position, so that its result can still be matched.
    static func parse(_ body: [UInt8]) throws(ModelError) -> ModelReply {
        let json: JSONValue
        do {
            json = try JSONValue.parse(body)
        } catch {
            throw .badResponse("the body is not JSON")
        }
        guard let choice = json["choices"]?.arrayValue?.first, let message = choice["message"],
            message.objectValue != nil
        else { throw .badResponse("no choices[0].message") }

        var calls: [ModelToolCall] = []
        for (index, call) in (message["tool_calls"]?.arrayValue ?? []).enumerated() {
            guard let function = call["function"], let name = function["name"]?.stringValue else {
                throw .badResponse("tool_calls[\(index)] has no function name")
            }
            let id = call["id"]?.stringValue.flatMap { $0.isEmpty ? nil : $0 } ?? "call_\(index)"
            calls.append(ModelToolCall(id: id, name: name, arguments: Self.arguments(function["arguments"])))
        }
        return ModelReply(
            content: text(message["content"]), refusal: text(message["refusal"]), toolCalls: calls,
            finishReason: choice["finish_reason"]?.stringValue, promptTokens: json["usage"]?["prompt_tokens"]?.intValue,
            completionTokens: json["usage"]?["completion_tokens"]?.intValue)
    }

    /// The arguments as text: the documented JSON string, or an object some servers send as is;
    /// none at all, or `null`, is no arguments. Anything else is nil, never run.
    private static func arguments(_ value: JSONValue?) -> String? {
        switch value {
        case nil, .null?: ""
        case .string(let text)?: text
        case .object(let members)?: String(decoding: JSONValue.object(members).serialized(), as: UTF8.self)
        default: nil
        }
    }

    /// A string, or the text parts of a content list joined; nil when empty or absent.
    private static func text(_ value: JSONValue?) -> String? {
        var text: String?
        switch value {
        case .string(let string)?: text = string
        case .array(let parts)?: text = parts.compactMap { $0["text"]?.stringValue }.joined()
        default: text = nil
        }
        let trimmed = text?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        return trimmed.isEmpty ? nil : trimmed
    }
}
