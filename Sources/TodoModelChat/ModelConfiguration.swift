import Foundation

/// Where the model is and how long it may take. Times are seconds; the composition root fills
/// this from `chat.model.*`.
public struct ModelConfiguration: Sendable {
    /// The API root, such as `https://api.openai.com/v1` or `http://localhost:11434/v1`.
    public var baseURL: String
    public var model: String
    /// Sent as `Authorization: Bearer <key>` when not empty. Never logged.
    public var apiKey: String
    /// How long one request may wait for its answer.
    public var requestTimeout: TimeInterval
    /// Model requests per message, counting each tool round; past it the loop stops.
    public var maxSteps: Int
    /// How long one message may spend with the model in all, tool calls included.
    public var deadline: TimeInterval

    public init(
        baseURL: String, model: String, apiKey: String = "", requestTimeout: TimeInterval = 30, maxSteps: Int = 6,
        deadline: TimeInterval = 90
    ) {
        self.baseURL = baseURL
        self.model = model
        self.apiKey = apiKey
        self.requestTimeout = requestTimeout
        self.maxSteps = maxSteps
        self.deadline = deadline
    }

    /// The most bytes of one answer read: a Chat Completions answer with tool calls is a few KB;
    /// anything near this is not one.
    public static let maxResponseBytes = 1 << 20

    /// `<base>/chat/completions`, whether or not the base ends in a slash.
    public var completionsURL: String {
        var base = baseURL
        while base.hasSuffix("/") { base.removeLast() }
        return base + "/chat/completions"
    }
}
