import Foundation
import TodoChat
import TodoCore
import TodoLogging
import TodoModelChat

extension Composition {
    /// Who answers chat messages: nil for the offline engine (the backend's default), or a
    /// language model with the offline engine as its fallback (`chat.engine`).
    static func chatResponder(settings: ChatEngineSettings, logger: Logger, clock: any TimeSource)
        -> (any ChatAnswering)?
    {
        guard settings.engine == .openAICompatible else { return nil }

        let configuration = ModelConfiguration(
            baseURL: settings.baseURL, model: settings.model, apiKey: settings.apiKey,
            requestTimeout: TimeInterval(settings.timeoutSeconds), maxSteps: settings.maxSteps,
            deadline: TimeInterval(settings.deadlineSeconds))
        return ModelChatResponder(
            configuration: configuration, clock: clock, logger: logger.with("component", "model-chat"))
    }

    /// Says, when the backend starts, who answers its chat messages (other commands build the
    /// same composition and stay quiet about it).
    func logChatEngine() {
        let engine = settings.chatEngine
        guard engine.engine == .openAICompatible else {
            logger.info("Chat answers with the offline engine")
            return
        }

        let url = ModelConfiguration(baseURL: engine.baseURL, model: engine.model, apiKey: "").completionsURL
        logger.info("Chat answers with a language model", ["model.name": engine.model, "model.url": url])
        if engine.withheldOpenAIKey {
            logger.warning(
                "OPENAI_API_KEY is sent to https://api.openai.com only, so this model server gets no key; "
                    + "set LLM_API_KEY (chat.model.api_key) for it", ["model.url": url])
        }
    }
}
