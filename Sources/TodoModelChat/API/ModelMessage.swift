import TodoCore

/// The messages of a Chat Completions request, in the documented JSON shapes.
enum ModelMessage {
    static func system(_ text: String) -> JSONValue {
        .object(["role": "system", "content": .string(text)])
    }

    static func user(_ text: String) -> JSONValue {
        .object(["role": "user", "content": .string(text)])
    }

    static func assistant(_ text: String) -> JSONValue {
        .object(["role": "assistant", "content": .string(text)])
    }

    /// The model's own tool-calling message, sent back verbatim so that the results that follow
    /// answer calls the model can see.
    static func assistant(_ content: String?, calling calls: [ModelToolCall]) -> JSONValue {
        .object([
            "role": "assistant", "content": content.map(JSONValue.string) ?? .null,
            "tool_calls": .array(
                calls.map { call in
                    .object([
                        "id": .string(call.id), "type": "function",
                        "function": .object(["name": .string(call.name), "arguments": .string(call.arguments ?? "")]),
                    ])
                }),
        ])
    }

    /// A tool's result for the call `id`; the content is the result's JSON as text.
    static func tool(_ id: String, result: JSONValue) -> JSONValue {
        let text = String(decoding: result.serialized(), as: UTF8.self)
        return .object(["role": "tool", "tool_call_id": .string(id), "content": .string(text)])
    }
}
