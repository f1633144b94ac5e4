import Foundation
import Testing
import TodoConfig

@testable import TodoApp

/// `chat.engine` and `chat.model.*`: offline unless a model server is named, checked at startup,
/// the key read from the Helm chart's variable or OpenAI's and never shown.
@Suite struct ChatEngineSettingsTests {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("chat-\(UUID().uuidString)")

    private func options(_ extra: [String: String]) throws -> GlobalOptions {
        try serveOptions(extra, in: directory)
    }

    private func settings(_ extra: [String: String]) throws -> ChatEngineSettings {
        try options(extra).loadSettings().chatEngine
    }

    @Test func byDefault_chatIsOffline() throws {
        let chat = try settings([:])

        #expect(chat.engine == .offline)
        #expect(chat.timeoutSeconds == 30)
        #expect(chat.maxSteps == 6)
    }

    @Test func aModelServerInTheEnvironment_selectsTheModel() throws {
        let chat = try settings([
            "TODO_LLM_BASE_URL": "http://localhost:11434/v1", "TODO_LLM_MODEL": "llama3.1", "LLM_API_KEY": "sk-a",
            "OPENAI_API_KEY": "sk-b",
        ])

        #expect(chat.engine == .openAICompatible)
        #expect(chat.baseURL == "http://localhost:11434/v1")
        #expect(chat.model == "llama3.1")
        #expect(chat.apiKey == "sk-a")
    }

    @Test func withoutLLMAPIKey_OpenAIsVariableIsTheKey() throws {
        let chat = try settings([
            "TODO_LLM_BASE_URL": "https://api.openai.com/v1", "TODO_LLM_MODEL": "gpt-4o-mini", "OPENAI_API_KEY": "sk-b",
        ])

        #expect(chat.apiKey == "sk-b")
    }

    @Test func OpenAIsVariable_isNeverSentToAnotherServer() throws {
        for url in ["http://localhost:11434/v1", "http://api.openai.com/v1", "https://api.openai.com.evil.example/v1"] {
            let chat = try settings(["TODO_LLM_BASE_URL": url, "TODO_LLM_MODEL": "m", "OPENAI_API_KEY": "sk-b"])
            #expect(chat.apiKey.isEmpty, "\(url)")
            #expect(chat.withheldOpenAIKey, "\(url): the backend warns that the key was not sent")
        }
        let keyless = try settings(["TODO_LLM_BASE_URL": "http://localhost:11434/v1", "TODO_LLM_MODEL": "m"])
        #expect(!keyless.withheldOpenAIKey)
        let named = try settings([
            "TODO_LLM_BASE_URL": "http://localhost:11434/v1", "TODO_LLM_MODEL": "m", "LLM_API_KEY": "sk-local",
            "OPENAI_API_KEY": "sk-b",
        ])
        #expect(named.apiKey == "sk-local")
        #expect(!named.withheldOpenAIKey)
    }

    @Test func offlineChosenExplicitly_winsOverAServerURL() throws {
        let chat = try settings(["TODO_CHAT_ENGINE": "offline", "TODO_LLM_BASE_URL": "http://localhost:11434/v1"])

        #expect(chat.engine == .offline)
    }

    @Test func aModelWithoutAName_isRefusedNamingTheSetting() throws {
        let error = #expect(throws: ConfigError.self) {
            try settings(["TODO_LLM_BASE_URL": "http://localhost:11434/v1"])
        }
        #expect(error?.key == "chat.model.name")
        #expect(error?.message.contains("TODO_LLM_MODEL") == true)
    }

    @Test(arguments: ["localhost:11434", "ftp://models.example.com/v1", "http:///v1", "http://h/v1?key=1"])
    func aBadBaseURL_isRefusedNamingTheSetting(url: String) throws {
        let error = #expect(throws: ConfigError.self) {
            try settings(["TODO_CHAT_ENGINE": "openai-compatible", "TODO_LLM_BASE_URL": url, "TODO_LLM_MODEL": "m"])
        }
        #expect(error?.key == "chat.model.base_url")
    }

    @Test func profileShow_masksTheKey() throws {
        let global = try options(["LLM_API_KEY": "sk-live-very-secret"])
        let shown = try global.resolve().rendered(maskingSecrets: true)

        #expect(shown.contains("chat.model.api_key"))
        #expect(!shown.contains("sk-live-very-secret"))
    }
}
