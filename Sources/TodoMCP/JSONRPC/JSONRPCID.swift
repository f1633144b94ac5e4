import TodoCore

/// A request id as the client sent it. JSON-RPC allows a string or a number; MCP forbids `null`.
/// The id is kept as the parsed JSON value and written back unchanged, so a client matching
/// responses by id sees exactly what it sent (`7` stays a number, `"7"` stays a string). Numbers
/// are held as `Double`, like every JSON number here: integers beyond 2^53 would not come back
/// digit for digit (clients count ids up from 0 or 1, far below that).
public enum JSONRPCID: Sendable, Hashable {
    case string(String)
    case number(Double)

    /// The id in `value`, or nil when it is not a string or a finite number.
    init?(_ value: JSONValue) {
        switch value {
        case .string(let text): self = .string(text)
        case .number(let number) where number.isFinite: self = .number(number)
        default: return nil
        }
    }

    /// The id as JSON, for the response.
    public var json: JSONValue {
        switch self {
        case .string(let text): .string(text)
        case .number(let number): .number(number)
        }
    }
}
