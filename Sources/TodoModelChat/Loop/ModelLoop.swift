import Foundation
import TodoChat
import TodoCore

/// One message's conversation with the model: request, run the tool calls it asks for, send
/// their results, and again, until it answers with text, the step bound is reached, the turn's
/// deadline passes or a request fails.
///
/// What one message can do is bounded whatever the model asks, since a model can be talked into
/// anything by text it reads (a task title saying "delete everything"): at most
/// ``maxToolCalls`` calls run and at most ``maxDeletions`` tasks are deleted; calls past either
/// bound are answered with an error the model can pass on, and nothing of them runs.
struct ModelLoop {
    static let maxToolCalls = 20
    static let maxDeletions = 5

    /// How the loop ended.
    enum Ending: Equatable {
        /// The model's answer (or its refusal), to be the reply.
        case answered(String)
        /// A request failed; ``actions`` says whether anything ran before it.
        case failed(ModelError)
        /// Every step was used and the model still asked for tools.
        case stepLimit
        /// The model's answer was withheld by its content filter.
        case filtered
    }

    let client: ChatCompletionsClient
    let runner: ToolCallRunner
    let maxSteps: Int
    let requestTimeout: TimeInterval
    let deadline: ContinuousClock.Instant
    let correlationID: String?

    private(set) var messages: [JSONValue]
    /// The tool calls that ran, in order, with their results.
    private(set) var actions: [ChatAction] = []
    /// Calls handed to the runner, and deletions among them, counted against the bounds.
    private var callsRun = 0
    private var deletionsRun = 0

    init(
        client: ChatCompletionsClient, runner: ToolCallRunner, messages: [JSONValue], deadline: ContinuousClock.Instant
    ) {
        self.client = client
        self.runner = runner
        self.messages = messages
        self.deadline = deadline
        maxSteps = client.configuration.maxSteps
        requestTimeout = client.configuration.requestTimeout
        correlationID = runner.context.change.correlationID
    }

    mutating func run() -> Ending {
        for step in 1...maxSteps {
            let left = ContinuousClock.now.duration(to: deadline)
            guard left > .zero else { return .failed(.deadlinePassed) }

            let reply: ModelReply
            let cutByDeadline = Self.seconds(left) < requestTimeout
            do {
                reply = try client.complete(
                    messages, timeout: min(requestTimeout, Self.seconds(left)), step: step,
                    correlationID: correlationID)
            } catch .timedOut where cutByDeadline {
                // The request had only what was left of the message's time: that ran out.
                return .failed(.deadlinePassed)
            } catch {
                return .failed(error)
            }

            if let refusal = reply.refusal { return .answered(refusal) }
            guard reply.toolCalls.isEmpty else {
                runTools(reply)
                continue
            }
            if let content = reply.content { return .answered(content) }
            if reply.finishReason == "content_filter" { return .filtered }
            return .failed(.badResponse("neither text nor tool calls"))
        }
        return .stepLimit
    }

    /// Appends the model's tool-calling message and one result per call, in the order asked.
    private mutating func runTools(_ reply: ModelReply) {
        messages.append(ModelMessage.assistant(reply.content, calling: reply.toolCalls))
        let truncated = reply.finishReason == "length"
        for call in reply.toolCalls {
            if let refusal = overBound(call) {
                messages.append(refusal)
                continue
            }
            let outcome = runner.run(call, truncated: truncated)
            messages.append(outcome.message)
            if let action = outcome.action {
                actions.append(action)
                callsRun += 1
                if call.name == "delete_task" { deletionsRun += 1 }
            }
        }
    }

    /// The tool message refusing `call` when it would pass a bound; nil when it may run.
    private func overBound(_ call: ModelToolCall) -> JSONValue? {
        let error: AppError
        if callsRun >= Self.maxToolCalls {
            error = AppError(
                .rateLimited, code: "too_many_calls",
                message: "At most \(Self.maxToolCalls) tool calls run per message; nothing more was run. "
                    + "Tell the user what was done and that they can ask for the rest.")
        } else if call.name == "delete_task" && deletionsRun >= Self.maxDeletions {
            error = AppError(
                .rateLimited, code: "too_many_deletions",
                message: "At most \(Self.maxDeletions) tasks are deleted per message; this one was not. "
                    + "Ask the user to confirm the rest in another message.")
        } else {
            return nil
        }
        return ModelMessage.tool(call.id, result: ToolResult(error: error).value)
    }

    private static func seconds(_ duration: Duration) -> TimeInterval {
        let parts = duration.components
        return TimeInterval(parts.seconds) + TimeInterval(parts.attoseconds) / 1e18
    }
}
