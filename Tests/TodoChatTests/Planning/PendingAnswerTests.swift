import Testing
import TodoChat
import TodoCore

@Suite struct PendingAnswerTests {
    private let deleteBoth = [
        ToolCall(tool: "delete_task", arguments: ["task_id": "mom"]),
        ToolCall(tool: "delete_task", arguments: ["task_id": "dad"]),
    ]

    private func answer(_ message: String, to pending: PendingAction, shown: [String] = []) -> ChatPlan {
        let turn = Fixtures.turn(shown, listed: !shown.isEmpty, pending: pending)
        return ChatEngine().plan(message, in: Fixtures.context([turn]))
    }

    @Test func runsConfirmedCallsAndDropsDeclinedOnes() {
        #expect(answer("yes please", to: .confirm(deleteBoth)).calls == deleteBoth)
        #expect(answer("sure, go ahead", to: .confirm(deleteBoth)).kind == .act)
        let declined = answer("no", to: .confirm(deleteBoth))
        #expect(declined.kind == .reply)
        #expect(declined.calls.isEmpty)
    }

    @Test func fillsInTheChosenTask() {
        let pick = PendingAction.chooseTask(
            ToolCall(tool: "complete_task", arguments: [:]), candidates: ["mom", "dad"])
        let complete = { (id: String) in ToolCall(tool: "complete_task", arguments: ["task_id": .string(id)]) }
        #expect(answer("the second one", to: pick, shown: ["mom", "dad"]).calls == [complete("dad")])
        #expect(answer("2", to: pick, shown: ["mom", "dad"]).calls == [complete("dad")])
        #expect(answer("mom", to: pick, shown: ["mom", "dad"]).calls == [complete("mom")])
        #expect(answer("both", to: pick, shown: ["mom", "dad"]).calls == [complete("mom"), complete("dad")])
        #expect(answer("never mind", to: pick, shown: ["mom", "dad"]).calls.isEmpty)
    }

    @Test func fillsInTheDate() {
        let later = PendingAction.supplyDate([ToolCall(tool: "add_task", arguments: ["title": "Call Sam"])])
        #expect(
            answer("friday", to: later).calls == [
                ToolCall(
                    tool: "add_task",
                    arguments: [
                        "title": "Call Sam", "due_date": "2026-03-06",
                    ])
            ])
        #expect(
            answer("how about tomorrow at 5", to: later).calls.first?.arguments["due_at"] == "2026-03-06T17:00:00-05:00"
        )
        #expect(answer("no date", to: later).calls == [ToolCall(tool: "add_task", arguments: ["title": "Call Sam"])])
    }

    @Test func letsTheQuestionLapseWhenTheMessageIsSomethingElse() {
        let plan = answer("show my tasks", to: .confirm(deleteBoth))
        #expect(plan.calls == [ToolCall(tool: "list_tasks", arguments: ["status": "pending"])])
        let lapsed = answer(
            "add call the bank friday",
            to: .supplyDate([
                ToolCall(
                    tool: "add_task",
                    arguments: [
                        "title": "x"
                    ])
            ]))
        #expect(lapsed.calls.first?.arguments["title"] == "Call the bank")
    }
}
