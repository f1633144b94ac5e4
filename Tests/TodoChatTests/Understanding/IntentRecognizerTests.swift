import Testing
import TodoChat

@Suite struct IntentRecognizerTests {
    private func intent(_ message: String) -> Intent {
        ChatEngine().understand(message).intent
    }

    @Test(arguments: [
        ("add a task to buy groceries", Intent.add), ("I need to remember to pay bills", .add),
        ("remind me to call mom", .add), ("buy milk", .unknown), ("what's pending?", .list),
        ("show high priority work tasks", .list), ("what have I completed?", .list), ("#bills", .list),
        ("mark the meeting task done", .complete), ("the report is done", .complete), ("done", .complete),
        ("reopen buy milk", .reopen), ("mark it as not done", .reopen), ("delete task 3", .delete),
        ("get rid of it", .delete), ("move it to friday", .update), ("rename it to X", .update),
        ("remind me 30 minutes before", .remind), ("remind me about the dentist at 8", .remind), ("yes", .confirm),
        ("nope", .deny), ("hi there", .greeting), ("thanks so much", .thanks), ("what can you do", .help),
        ("what time is it", .clock), ("tell me a joke", .smallTalk), ("bye", .farewell),
    ])
    func recognizesTheIntent(message: String, expected: Intent) {
        #expect(intent(message) == expected, "\(message)")
    }

    @Test(arguments: [
        ("push the report back a day", UpdateKind.shiftLater), ("move the standup forward an hour", .shiftEarlier),
        ("reschedule the meeting to friday", .reschedule), ("make it weekly", .assertion),
        ("change the dentist to 3pm", .change), ("tag it home", .tag), ("remove the work tag from it", .untag),
        ("stop repeating the standup", .stopRepeating), ("remove the due date from it", .clearDue),
        ("prioritize the report", .priority), ("rename the gym to swim", .rename),
    ])
    func recognizesWhichChangeAnUpdateAsksFor(message: String, expected: UpdateKind) {
        let recognized = ChatEngine().understand(message)
        #expect(recognized.intent == .update, "\(message)")
        #expect(recognized.update == expected, "\(message)")
    }

    @Test func handsOnTheWordsOfEachPart() {
        let rename = ChatEngine().understand("change the title of call dad to call dad back")
        #expect(rename.slots[.reference]?.words == ["call", "dad"])
        #expect(rename.slots[.value]?.words == ["call", "dad", "back"])
        let add = ChatEngine().understand("could you add a new task called water plants please")
        #expect(add.slots[.body]?.words == ["water", "plants"])
        #expect(ChatEngine().understand("remind me to stretch").remindOnAdd)
    }
}
