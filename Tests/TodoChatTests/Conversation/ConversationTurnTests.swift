import Testing
import TodoChat
import TodoCore

@Suite struct ConversationTurnTests {
    @Test(arguments: [
        PendingAction?.none,
        .confirm([ToolCall(tool: "delete_task", arguments: ["task_id": "a"])]),
        .chooseTask(ToolCall(tool: "update_task", arguments: ["priority": "high"]), candidates: ["a", "b"]),
        .supplyDate([ToolCall(tool: "add_task", arguments: ["title": "Call Sam"])]),
    ])
    func roundTripsThroughJSON(pending: PendingAction?) throws {
        let turn = ConversationTurn(message: "hi", reply: "hello", taskIDs: ["a", "b"], listed: true, pending: pending)
        let stored = try JSONValue.parse(turn.json.serialized())
        #expect(ConversationTurn(json: stored) == turn)
    }

    @Test func refusesWhatItDidNotWrite() {
        #expect(ConversationTurn(json: ["reply": "x"]) == nil)
        #expect(PendingAction(json: ["kind": "launch"]) == nil)
        #expect(PendingAction(json: ["kind": "confirm", "calls": [["tool": "x"]]]) == nil)
    }

    @Test func offersTheLatestTasksAndListing() {
        let context = ConversationContext(turns: [
            Fixtures.turn(["a", "b"], listed: true), Fixtures.turn(["c"]), Fixtures.turn([]),
        ])
        #expect(context.recentTaskIDs == ["c"])
        #expect(context.lastListing == ["a", "b"])
        #expect(context.pending == nil)
    }
}
