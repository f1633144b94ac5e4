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
        logger.info(
            "Chat answers with a language model",
            ["model.name": settings.model, "model.url": configuration.completionsURL])
        return ModelChatResponder(
            configuration: configuration, clock: clock, logger: logger.with("component", "model-chat"))
    }
}
