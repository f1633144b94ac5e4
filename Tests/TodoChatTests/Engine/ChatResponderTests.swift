import Foundation
import Testing
import TodoChat
import TodoCore

/// Whole conversations through the responder, with the tools acting on a real SQLite file and
/// each turn's stored form passed back in, as the HTTP API will.
@Suite struct ChatResponderTests {
    private final class Conversation {
        let harness: ToolHarness
        let responder: ChatResponder
        var turns: [ConversationTurn] = []

        init() throws {
            harness = try ToolHarness()
            responder = ChatResponder(clock: harness.clock)
        }

        @discardableResult
        func say(_ message: String) throws -> ChatResponse {
            let response = try responder.respond(
                to: message, history: turns, user: harness.user, tasks: harness.service)
            // Stored and read back, as a conversation store would.
            turns.append(try #require(ConversationTurn(json: response.turn.json)))
            return response
        }

        func titles(_ status: TaskQuery.Status = .pending) throws -> [String] {
            var query = TaskQuery()
            query.status = status
            return try harness.service.list(for: harness.user, query: query).tasks.map(\.title)
        }
    }

    @Test func addsListsAndActsOnWhatWasListed() throws {
        let chat = try Conversation()
        let added = try chat.say("add milk and eggs")
        #expect(added.actions.map(\.call.tool) == ["add_task", "add_task"])
        #expect(added.reply == "Added 2 tasks: 'Milk' and 'Eggs'.")

        try chat.say("remind me to call mom tomorrow at 6pm")
        let listed = try chat.say("what's pending?")
        #expect(listed.reply.hasPrefix("You have 3 pending tasks:"))
        // Soonest due first; tasks without a due date after.
        #expect(listed.reply.contains("1. Call mom — due tomorrow at 6 PM\n2. Milk\n3. Eggs"))

        let done = try chat.say("mark the third one done")
        #expect(done.reply == "Marked 'Eggs' as done. ✅")
        #expect(try chat.titles() == ["Call mom", "Milk"])

        // "it" is the task the last turn acted on.
        let reopened = try chat.say("actually reopen it")
        #expect(reopened.actions.first?.call.arguments["completed"] == false)
        #expect(try chat.titles().contains("Eggs"))
    }

    @Test func asksWhichTaskWhenTwoMatchAndActsOnTheAnswer() throws {
        let chat = try Conversation()
        try chat.say("add call mom")
        try chat.say("add call dad")

        let question = try chat.say("delete the call task")
        #expect(question.plan.kind == .clarify)
        #expect(question.actions.isEmpty)
        #expect(question.reply.contains("1. 'Call mom'"))

        let answer = try chat.say("the second one")
        #expect(answer.reply == "Deleted 'Call dad'.")
        #expect(try chat.titles() == ["Call mom"])
    }

    @Test func confirmsBeforeDeletingSeveralTasks() throws {
        let chat = try Conversation()
        for title in ["one", "two", "three"] { try chat.say("add \(title) #old") }

        let question = try chat.say("delete all #old tasks")
        #expect(question.plan.kind == .confirm)
        #expect(try chat.titles().count == 3)

        let no = try chat.say("no")
        #expect(no.actions.isEmpty)
        #expect(try chat.titles().count == 3)

        try chat.say("delete everything tagged old")
        let yes = try chat.say("yes")
        #expect(yes.actions.count == 3)
        #expect(yes.reply == "Deleted 3 tasks: 'One', 'Two' and 'Three'.")
        #expect(try chat.titles().isEmpty)
    }

    @Test func asksWhenADateIsUnclearAndTakesTheAnswer() throws {
        let chat = try Conversation()
        let question = try chat.say("call the plumber sometime")
        #expect(question.plan.kind == .clarify)
        #expect(try chat.titles().isEmpty)

        let answer = try chat.say("friday at 10am")
        #expect(answer.actions.first?.call.arguments["due_at"] == "2026-03-06T10:00:00-05:00")
        #expect(answer.reply == "Added 'Call the plumber', due tomorrow at 10 AM.")
    }

    @Test func setsAReminderOnTheTaskInTheConversation() throws {
        let chat = try Conversation()
        try chat.say("dentist appointment next tuesday at 3pm")
        let reminder = try chat.say("remind me 30 minutes before")
        #expect(reminder.actions.first?.call.tool == "set_reminder")
        #expect(reminder.reply == "I'll remind you about 'Dentist appointment' 30 minutes before it's due.")
        let task = try #require(try chat.harness.service.list(for: chat.harness.user, query: TaskQuery()).tasks.first)
        #expect(task.reminders == [.before(minutes: 30)])
        #expect(task.due == .instant(RFC3339.parse("2026-03-10T15:00:00-04:00")!))
    }

    @Test func smallTalkTouchesNothing() throws {
        let chat = try Conversation()
        for message in ["hi!", "thanks", "tell me a joke", "how are you?"] {
            let response = try chat.say(message)
            #expect(response.actions.isEmpty, "\(message)")
            #expect(!response.reply.isEmpty)
        }
        #expect(try chat.titles(.all).isEmpty)
    }

    @Test func refusesEmptyAndOverlongMessages() throws {
        let chat = try Conversation()
        #expect(throws: AppError.self) { try chat.say("   ") }
        let long = String(repeating: "a", count: ChatEngine.maximumMessageLength + 1)
        do {
            try chat.say(long)
            Issue.record("expected an error")
        } catch let error as AppError {
            #expect(error.details?["fields"]?.arrayValue?.first?["code"] == "too_long")
        }
    }
}
