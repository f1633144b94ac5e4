import TodoCore

/// A question the assistant asked and what answering it does, kept with the conversation so that
/// the next message can answer it ("yes", "the second one", "friday").
public enum PendingAction: Sendable, Equatable {
    /// Run these calls if the user agrees.
    case confirm([ToolCall])
    /// Run `call` on the task the user picks from `candidates` (ids, in the order offered): the
    /// chosen id goes into its `task_id`.
    case chooseTask(ToolCall, candidates: [String])
    /// Run `calls` once the user says when: the date goes into their `due_at` or `due_date`.
    case supplyDate([ToolCall])

    /// The JSON a conversation store keeps.
    public var json: JSONValue {
        switch self {
        case .confirm(let calls):
            .object(["kind": "confirm", "calls": .array(calls.map(\.json))])
        case .chooseTask(let call, let candidates):
            .object([
                "kind": "choose_task", "call": call.json, "candidates": .array(candidates.map(JSONValue.string)),
            ])
        case .supplyDate(let calls):
            .object(["kind": "supply_date", "calls": .array(calls.map(\.json))])
        }
    }

    /// Reads what ``json`` wrote; nil for anything else.
    public init?(json: JSONValue) {
        switch json["kind"]?.stringValue {
        case "confirm":
            guard let calls = Self.calls(json["calls"]) else { return nil }
            self = .confirm(calls)
        case "choose_task":
            guard let call = json["call"].flatMap(ToolCall.init(json:)),
                let candidates = json["candidates"]?.arrayValue?.compactMap(\.stringValue)
            else { return nil }
            self = .chooseTask(call, candidates: candidates)
        case "supply_date":
            guard let calls = Self.calls(json["calls"]) else { return nil }
            self = .supplyDate(calls)
        default:
            return nil
        }
    }

    private static func calls(_ json: JSONValue?) -> [ToolCall]? {
        guard let items = json?.arrayValue else { return nil }
        let calls = items.compactMap(ToolCall.init(json:))
        return calls.count == items.count ? calls : nil
    }
}
