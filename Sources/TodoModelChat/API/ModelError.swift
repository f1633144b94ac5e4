import TodoHTTP

/// Why a model request gave no usable answer. ``code`` is what the chat API reports as
/// `engine_error`; ``description`` is for logs and never holds the key or the message text.
public enum ModelError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The request did not get an answer within its timeout.
    case timedOut
    /// The turn's overall deadline passed: before another request could be sent, or during one that
    /// had only what was left of it.
    case deadlinePassed
    /// The connection could not be made or broke.
    case unreachable(String)
    /// The server answered with a status other than 2xx (401 for a bad key, 429, 500...).
    case status(Int)
    /// The answer was not a Chat Completions response.
    case badResponse(String)

    public var code: String {
        switch self {
        case .timedOut: "model_timeout"
        case .deadlinePassed: "model_deadline"
        case .unreachable: "model_unreachable"
        case .status: "model_http_error"
        case .badResponse: "model_bad_response"
        }
    }

    public var description: String {
        switch self {
        case .timedOut: "the model did not answer in time"
        case .deadlinePassed: "the message's time with the model ran out"
        case .unreachable(let reason): "the model server could not be reached: \(reason)"
        case .status(let status): "the model server answered HTTP \(status)"
        case .badResponse(let reason): "the model's answer could not be read: \(reason)"
        }
    }

    init(_ error: HTTPClientError) {
        switch error {
        case .timedOut: self = .timedOut
        case .invalidURL(let url): self = .unreachable("invalid URL \(url)")
        case .unreachable(_, let reason): self = .unreachable(reason)
        case .responseTooLarge(_, let limit): self = .badResponse("longer than \(limit) bytes")
        }
    }
}
