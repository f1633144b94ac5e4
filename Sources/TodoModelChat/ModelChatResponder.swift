import Foundation
import TodoChat
import TodoCore
import TodoHTTP
import TodoLogging

/// Answers chat messages with a language model over an OpenAI-compatible Chat Completions API,
/// running the tool calls it asks for through the shared ``TaskToolbox``, for the signed-in user
/// only.
///
/// The offline engine stays the fallback: when the model cannot be asked (an HTTP error status, a
/// timeout, a connection failure, an answer that is not a Chat Completions response) before any
/// tool ran, the offline ``ChatResponder`` answers that message and the reply says so. Once a tool
/// has run, falling back could do the same thing twice, so the reply instead says what was done.
public struct ModelChatResponder: ChatAnswering {
    /// Added to a reply the offline engine wrote because the model could not be asked.
    public static let unavailableNote = "(The language model was unavailable, so the offline assistant answered.)"
    /// Added to a reply when the model stopped after tools had run.
    public static let interruptedNote = "(The language model stopped before it finished; this is what was done.)"

    private let client: ChatCompletionsClient
    private let offline: ChatResponder
    private let toolbox: TaskToolbox
    private let clock: any TimeSource
    /// Longer model replies are cut here: a reply is stored with the conversation and sent back
    /// with every later message.
    public static let maximumReplyLength = 4000

    /// `clock` is "now" in the system prompt and for the offline engine; `logger` gets one line
    /// per model request.
    public init(
        configuration: ModelConfiguration, clock: any TimeSource, logger: Logger, toolbox: TaskToolbox = TaskToolbox()
    ) {
        // A connection per request: a model server that dies mid-answer is then reported at once
        // instead of being asked again and waited for (see HTTPClient).
        let http = HTTPClient(timeout: configuration.requestTimeout, reusesConnections: false)
        client = ChatCompletionsClient(configuration: configuration, toolbox: toolbox, http: http, logger: logger)
        offline = ChatResponder(clock: clock, toolbox: toolbox)
        self.toolbox = toolbox
        self.clock = clock
    }

    public func respond(
        to message: String, history: [ConversationTurn], user: User, tasks: TaskService, change: ChangeContext
    ) throws -> ChatResponse {
        let text = try ChatResponder.validated(message)
        let deadline = ContinuousClock.now.advanced(by: .milliseconds(Int(client.configuration.deadline * 1000)))
        let runner = ToolCallRunner(toolbox: toolbox, context: ToolContext(user: user, tasks: tasks, change: change))
        var loop = ModelLoop(
            client: client, runner: runner,
            messages: Self.messages(
                text, history: history, referred: Self.referredTasks(history.last, user: user, tasks: tasks),
                now: clock.now, user: user),
            deadline: deadline)

        let ending = loop.run()
        let actions = loop.actions
        switch ending {
        case .answered(let reply):
            return response(text, reply: reply, actions: actions, user: user, error: nil)
        case .failed(let error) where actions.isEmpty:
            var fallback = try offline.respond(to: text, history: history, user: user, tasks: tasks, change: change)
            fallback.reply = Self.noted(fallback.reply, Self.unavailableNote)
            fallback.turn.reply = fallback.reply
            fallback.engineError = error.code
            return fallback
        case .failed(let error):
            return interrupted(text, actions: actions, user: user, code: error.code)
        case .stepLimit:
            return interrupted(text, actions: actions, user: user, code: "model_step_limit")
        case .filtered:
            return interrupted(text, actions: actions, user: user, code: "model_content_filter")
        }
    }

    /// The system prompt, the stored turns as user and assistant messages, the tasks the last turn
    /// referred to (what "it" and "the second one" mean), then the new message.
    static func messages(
        _ text: String, history: [ConversationTurn], referred: [TodoTask] = [], now: Date, user: User
    ) -> [JSONValue] {
        var messages = [ModelMessage.system(SystemPrompt.text(now: now, user: user))]
        for turn in history {
            messages.append(ModelMessage.user(turn.message))
            messages.append(ModelMessage.assistant(turn.reply))
        }
        if !referred.isEmpty {
            let list = JSONValue.array(referred.map { TaskJSON.value($0, timeZone: user.timeZone) })
            messages.append(
                ModelMessage.system(
                    "The previous reply referred to these tasks, in the order shown: \"it\", \"that one\", "
                        + "\"the second one\" and \"them\" in the next message mean these. "
                        + String(decoding: list.serialized(), as: UTF8.self)))
        }
        messages.append(ModelMessage.user(text))
        return messages
    }

    /// The most tasks of the previous turn shown to the model.
    static let maximumReferredTasks = 20

    /// The tasks `turn` listed or acted on that still exist, in its order.
    static func referredTasks(_ turn: ConversationTurn?, user: User, tasks: TaskService) -> [TodoTask] {
        (turn?.taskIDs ?? []).prefix(maximumReferredTasks).compactMap { try? tasks.get(for: user, id: $0) }
    }

    /// A model-written reply; the turn keeps the tasks the actions touched, in the offline
    /// engine's order, so that "it" in a later message (to either engine) finds them.
    private func response(
        _ text: String, reply: String, actions: [ChatAction], user: User, error: String?
    ) -> ChatResponse {
        let reply = reply.count > Self.maximumReplyLength ? reply.prefix(Self.maximumReplyLength) + "…" : reply
        let described = offline.describe(actions, for: user)
        let plan = ChatPlan(
            actions.isEmpty ? .reply : .act, intent: .unknown, calls: actions.map(\.call), message: reply)
        let turn = ConversationTurn(message: text, reply: reply, taskIDs: described.taskIDs, listed: described.listed)
        return ChatResponse(reply: reply, actions: actions, plan: plan, turn: turn, engine: .model, engineError: error)
    }

    /// The model stopped early: the offline engine's account of the changes that ran (not of the
    /// lists it read, which could repeat at length), and the note.
    private func interrupted(_ text: String, actions: [ChatAction], user: User, code: String) -> ChatResponse {
        let changes = actions.filter { $0.call.tool != "list_tasks" }
        let done = changes.isEmpty ? "Nothing was changed." : offline.describe(changes, for: user).text
        return response(text, reply: Self.noted(done, Self.interruptedNote), actions: actions, user: user, error: code)
    }

    private static func noted(_ reply: String, _ note: String) -> String {
        reply.isEmpty ? note : reply + "\n\n" + note
    }
}
