import Foundation
import TodoConfig

/// Who answers chat messages (`chat.engine`, `chat.model.*`), checked at startup so that a bad
/// URL or a missing model name stops the process with the setting named instead of failing on
/// the first message.
public struct ChatEngineSettings: Sendable, Equatable {
    public enum Engine: String, Sendable {
        case offline
        case openAICompatible = "openai-compatible"
    }

    public var engine: Engine
    /// The API root the Chat Completions path is appended to (`.../v1`).
    public var baseURL: String
    public var model: String
    /// Sent as a bearer token; never logged, masked by `profile show`.
    public var apiKey: String
    public var timeoutSeconds: Int
    public var maxSteps: Int
    public var deadlineSeconds: Int
    /// Whether an `OPENAI_API_KEY` was left unsent because the model server is not OpenAI's.
    public var withheldOpenAIKey = false

    init(resolved config: ResolvedConfig) throws(ConfigError) {
        engine = Engine(rawValue: try config.string(.chatEngine)) ?? .offline
        baseURL = try config.string(.chatModelBaseURL).trimmingCharacters(in: .whitespaces)
        model = try config.string(.chatModelName).trimmingCharacters(in: .whitespaces)
        apiKey = try config.string(.chatModelAPIKey)
        // The OPENAI_API_KEY fallback (the key's default) is OpenAI's key: it goes to OpenAI only,
        // never to a local or third-party server that happens to be configured beside it.
        if config[.chatModelAPIKey]?.source == .environment("OPENAI_API_KEY"), !Self.isOpenAI(baseURL) {
            withheldOpenAIKey = !apiKey.isEmpty
            apiKey = ""
        }
        timeoutSeconds = try config.int(.chatModelTimeoutSeconds)
        maxSteps = try config.int(.chatModelMaxSteps)
        deadlineSeconds = try config.int(.chatModelDeadlineSeconds)
        guard engine == .openAICompatible else { return }

        guard let url = URLComponents(string: baseURL), ["http", "https"].contains(url.scheme?.lowercased() ?? ""),
            url.host?.isEmpty == false, url.query == nil, url.user == nil
        else {
            throw ConfigError(
                .invalidValue,
                "setting 'chat.model.base_url': chat.engine is openai-compatible and needs an http(s) URL without "
                    + "query or user info, such as http://localhost:11434/v1 (TODO_LLM_BASE_URL)",
                key: "chat.model.base_url")
        }
        guard !model.isEmpty else {
            throw ConfigError(
                .invalidValue,
                "setting 'chat.model.name': chat.engine is openai-compatible and needs a model name (TODO_LLM_MODEL)",
                key: "chat.model.name")
        }
    }

    /// Whether `baseURL` is OpenAI's own API, over https.
    static func isOpenAI(_ baseURL: String) -> Bool {
        guard let url = URLComponents(string: baseURL), url.scheme?.lowercased() == "https" else { return false }
        return url.host?.lowercased() == "api.openai.com"
    }
}
