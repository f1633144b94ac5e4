import Testing
import TodoChat
import TodoCore

@Suite struct ActionPlannerTests {
    private func plan(_ message: String, _ turns: [ConversationTurn] = []) -> ChatPlan {
        ChatEngine().plan(message, in: Fixtures.context(turns))
    }

    private func arguments(_ message: String, _ turns: [ConversationTurn] = []) -> JSONValue? {
        let planned = plan(message, turns)
        return planned.calls.count == 1 ? planned.calls[0].arguments : nil
    }

    @Test func dueDatesAreAllDayOrExactAsSaid() {
        #expect(arguments("add pay rent friday") == ["title": "Pay rent", "due_date": "2026-03-06"])
        #expect(arguments("add pay rent friday at 9") == ["title": "Pay rent", "due_at": "2026-03-06T09:00:00-05:00"])
        // A bare time that has passed today is tomorrow's.
        #expect(arguments("add call at 9am")?["due_at"] == "2026-03-06T09:00:00-05:00")
    }

    @Test func aRepeatingTaskIsDueOnItsFirstOccurrence() {
        let daily = arguments("add meditate every day at 7am")
        #expect(daily?["due_at"] == "2026-03-06T07:00:00-05:00")
        #expect(daily?["recurrence"] == "FREQ=DAILY")
        #expect(arguments("add standup every weekday starting next week")?["due_date"] == "2026-03-09")
    }

    @Test func remindMeToRemindsWhenTheTaskIsDue() {
        #expect(arguments("remind me to call at 5pm")?["reminders"] == [["minutes_before": 0]])
        #expect(arguments("remind me to pay rent friday")?["reminders"] == [["at": "2026-03-06T09:00:00-05:00"]])
        #expect(arguments("remind me to pay rent")?["reminders"] == nil)
    }

    @Test func reschedulingToADayKeepsTheTimeOfDay() {
        #expect(
            arguments("move the team meeting to monday") == [
                "task_id": "meeting", "due_at": "2026-03-09T15:00:00-04:00",
            ])
        #expect(arguments("move the dentist to monday") == ["task_id": "dentist", "due_date": "2026-03-09"])
        #expect(arguments("push the meeting back 2 hours")?["due_at"] == "2026-03-05T17:00:00-05:00")
    }

    @Test func asksBeforeDeletingSeveralTasksOrCompletingMany() {
        let delete = plan("delete all work tasks")
        #expect(delete.kind == .confirm)
        #expect(delete.calls.count == 2)
        #expect(delete.pending == .confirm(delete.calls))
        #expect(plan("complete all work tasks").kind == .act)
        #expect(plan("mark everything done").kind == .confirm)
        #expect(plan("delete the dentist appointment").kind == .act)
    }

    @Test func asksWhichTaskAndKeepsTheCallForTheAnswer() {
        let question = plan("move the call task to friday")
        #expect(question.kind == .clarify)
        #expect(question.taskIDs == ["mom", "dad"])
        guard case .chooseTask(let call, let candidates) = question.pending else {
            Issue.record("expected a pending choice")
            return
        }
        #expect(call == ToolCall(tool: "update_task", arguments: ["due_date": "2026-03-06"]))
        #expect(candidates == ["mom", "dad"])
    }

    @Test func asksWhenTheDateIsUnclear() {
        let question = plan("add call the plumber sometime")
        #expect(question.kind == .clarify)
        #expect(question.pending == .supplyDate([ToolCall(tool: "add_task", arguments: ["title": "Call the plumber"])]))
        #expect(plan("add party on february 30").kind == .clarify)
        #expect(
            plan("reschedule the report").pending
                == .supplyDate([
                    ToolCall(
                        tool: "update_task",
                        arguments: [
                            "task_id": "report"
                        ])
                ]))
    }

    @Test func saysSoWhenThereIsNothingToDo() {
        #expect(plan("mark buy milk done").kind == .reply)
        #expect(plan("add call the bank every hour").kind == .reply)
        #expect(plan("hello").calls.isEmpty)
    }

    @Test func offersToAddWhatItDoesNotRecognize() {
        let offer = plan("laundry")
        #expect(offer.kind == .confirm)
        #expect(offer.calls == [ToolCall(tool: "add_task", arguments: ["title": "Laundry"])])
        #expect(plan("what is the meaning of life?").kind == .reply)
    }
}
