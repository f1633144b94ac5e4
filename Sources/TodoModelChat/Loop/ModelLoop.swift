import Foundation
import TodoChat
import TodoCore

/// One message's conversation with the model: request, run the tool calls it asks for, send
/// their results, and again, until it answers with text, the step bound is reached, the turn's
/// deadline passes or a request fails.
struct ModelLoop {
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
            do {
                reply = try client.complete(
                    messages, timeout: min(requestTimeout, Self.seconds(left)), step: step,
                    correlationID: correlationID)
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
            let outcome = runner.run(call, truncated: truncated)
            messages.append(outcome.message)
            if let action = outcome.action { actions.append(action) }
        }
    }

    private static func seconds(_ duration: Duration) -> TimeInterval {
        let parts = duration.components
        return TimeInterval(parts.seconds) + TimeInterval(parts.attoseconds) / 1e18
    }
}
