import Foundation
import TodoChat
import TodoCore

/// `Fixtures/chat-corpus.json`: hand-written messages with the plan the engine should make.
struct ChatCorpus {
    struct Case {
        let category: String
        /// "holdout" for the cases written after the engine was tuned on the others.
        let batch: String
        let message: String
        let expect: ChatPlan.Kind
        let calls: [ToolCall]
        let now: Date
        let timeZone: TimeZone
        let conversation: ConversationContext
    }

    let tasks: [JSONValue]
    let cases: [Case]

    static func load() throws -> ChatCorpus {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        let data = try Data(contentsOf: root.appendingPathComponent("Fixtures/chat-corpus.json"))
        let document = try JSONValue.parse(Array(data))
        let now = try required(document["now"]?.stringValue.flatMap(RFC3339.parse), "now")
        let zone = try required(document["timezone"]?.stringValue.flatMap(TimeZone.init(identifier:)), "timezone")

        let cases = try (document["cases"]?.arrayValue ?? []).map { item in
            Case(
                category: item["category"]?.stringValue ?? "", batch: item["batch"]?.stringValue ?? "main",
                message: try required(item["message"]?.stringValue, "message"),
                expect: try required(item["expect"]?.stringValue.flatMap(ChatPlan.Kind.init(rawValue:)), "expect"),
                calls: try (item["calls"]?.arrayValue ?? []).map { try required(ToolCall(json: $0), "call") },
                now: item["now"]?.stringValue.flatMap(RFC3339.parse) ?? now,
                timeZone: item["timezone"]?.stringValue.flatMap(TimeZone.init(identifier:)) ?? zone,
                conversation: conversation(item["context"]))
        }
        return ChatCorpus(tasks: document["tasks"]?.arrayValue ?? [], cases: cases)
    }

    /// The fixture's tasks as stored tasks, with deadlines in `timeZone`.
    func tasks(in timeZone: TimeZone) -> [TodoTask] {
        (try? TaskSnapshot.tasks(from: .array(tasks), timeZone: timeZone)) ?? []
    }

    private static func conversation(_ context: JSONValue?) -> ConversationContext {
        guard let context else { return ConversationContext() }
        let turn = ConversationTurn(
            message: "", reply: "", taskIDs: context["task_ids"]?.arrayValue?.compactMap(\.stringValue) ?? [],
            listed: context["listed"]?.boolValue ?? false,
            pending: context["pending"].flatMap(PendingAction.init(json:)))
        return ConversationContext(turns: [turn])
    }

    private static func required<T>(_ value: T?, _ what: String) throws -> T {
        guard let value else { throw CorpusError(what: what) }
        return value
    }

    struct CorpusError: Error {
        let what: String
    }
}
