import Foundation
import Testing
import TodoChat
import TodoCore
import TodoModelChat

/// The tool loop against a scripted Chat Completions server on loopback, over a real SQLite store.
@Suite struct ModelToolLoopTests {
    @Test func addTaskThenText_createsTheTaskAndSendsTheResultBackForTheCall() throws {
        let harness = try ModelHarness([
            .reply(
                Completion.tools([
                    ("call_a1", "add_task", #"{"title":"Pay rent","due_date":"2026-03-10","priority":"high"}"#)
                ])),
            .reply(Completion.text("Added Pay rent, due Tuesday.")),
        ])

        let response = try harness.send("remind me to pay rent next tuesday, it's important")

        #expect(response.reply == "Added Pay rent, due Tuesday.")
        #expect(response.engine == .model)
        #expect(response.engineError == nil)
        #expect(response.actions.map(\.call.tool) == ["add_task"])
        let tasks = try harness.allTasks()
        #expect(tasks.map(\.title) == ["Pay rent"])
        #expect(tasks.first?.due == .allDay(CalendarDate("2026-03-10")!))
        #expect(tasks.first?.priority == .high)
        #expect(response.turn.taskIDs == tasks.map(\.id))

        let requests = harness.server.requests
        #expect(requests.count == 2)
        let first = try #require(requests.first?.body)
        #expect(first["model"] == "test-model")
        #expect(first["tool_choice"] == "auto")
        #expect(first["tools"] == Self.expectedTools())
        let messages = first["messages"]?.arrayValue ?? []
        #expect(messages.map { $0["role"]?.stringValue ?? "" } == ["system", "user"])
        let system = messages.first?["content"]?.stringValue ?? ""
        #expect(system.contains("2026-03-05T10:00:00-05:00"))
        #expect(system.contains("America/New_York"))
        #expect(messages.last?["content"] == "remind me to pay rent next tuesday, it's important")

        let second = requests[1].body["messages"]?.arrayValue ?? []
        #expect(second.map { $0["role"]?.stringValue ?? "" } == ["system", "user", "assistant", "tool"])
        #expect(second[2]["tool_calls"]?.arrayValue?.first?["id"] == "call_a1")
        #expect(second[2]["tool_calls"]?.arrayValue?.first?["function"]?["name"] == "add_task")
        #expect(second[3]["tool_call_id"] == "call_a1")
        let result = try JSONValue.parse(Array((second[3]["content"]?.stringValue ?? "").utf8))
        #expect(result["task"]?["id"]?.stringValue == tasks.first?.id)
    }

    @Test func storedTurnsAreSentAsUserAndAssistantMessages() throws {
        let harness = try ModelHarness([.reply(Completion.text("You're welcome."))])
        let earlier = ConversationTurn(message: "add milk", reply: "Added Milk.")

        _ = try harness.send("thanks", history: [earlier])

        let messages = harness.server.requests.first?.body["messages"]?.arrayValue ?? []
        #expect(messages.map { $0["role"]?.stringValue ?? "" } == ["system", "user", "assistant", "user"])
        #expect(messages[1]["content"] == "add milk")
        #expect(messages[2]["content"] == "Added Milk.")
        #expect(messages[3]["content"] == "thanks")
    }

    @Test func theTasksThePreviousTurnReferredTo_areNamedBeforeTheNewMessage() throws {
        let harness = try ModelHarness([
            .reply(Completion.tools([("call_1", "add_task", #"{"title": "Milk"}"#)])),
            .reply(Completion.text("Added Milk.")),
            .reply(Completion.text("Done.")),
        ])
        let first = try harness.send("add milk")
        let gone = try harness.add(["title": "Deleted since"])
        var earlier = first.turn
        earlier.taskIDs.append(gone)
        _ = try harness.tasks.delete(for: harness.user, id: gone)

        _ = try harness.send("mark it done", history: [earlier])

        let messages = harness.server.requests[2].body["messages"]?.arrayValue ?? []
        #expect(messages.map { $0["role"]?.stringValue ?? "" } == ["system", "user", "assistant", "system", "user"])
        let context = messages[3]["content"]?.stringValue ?? ""
        let milk = try #require(try harness.allTasks().first)
        #expect(context.contains("\"it\""))
        #expect(context.contains(milk.id) && context.contains("Milk"))
        #expect(!context.contains(gone), "a task deleted since is left out")
        #expect(messages[4]["content"] == "mark it done")
    }

    @Test func parallelToolCallsInOneMessage_runInOrderAndEachGetsItsResult() throws {
        let harness = try ModelHarness([
            .reply(
                Completion.tools([
                    ("call_1", "add_task", #"{"title":"Milk"}"#), ("call_2", "add_task", #"{"title":"Eggs"}"#),
                ])),
            .reply(Completion.text("Added Milk and Eggs.")),
        ])

        let response = try harness.send("add milk and eggs")

        #expect(Set(try harness.allTasks().map(\.title)) == ["Milk", "Eggs"])
        #expect(response.actions.map { $0.call.arguments["title"] } == ["Milk", "Eggs"])
        let messages = harness.server.requests.last?.body["messages"]?.arrayValue ?? []
        let results = messages.filter { $0["role"] == "tool" }
        #expect(results.map { $0["tool_call_id"] } == ["call_1", "call_2"])
    }

    @Test func numbersSentAsStrings_areReadByTheLenientValidation() throws {
        let harness = try ModelHarness([])
        let id = try harness.add(["title": "Call dad", "due_date": "2026-03-06"])
        harness.server.enqueue([
            .reply(Completion.tools([("call_1", "set_reminder", #"{"task_id":"\#(id)","minutes_before":"30"}"#)])),
            .reply(Completion.text("I'll remind you 30 minutes before.")),
        ])

        let response = try harness.send("remind me 30 minutes before")

        #expect(response.actions.first?.result.isError == false)
        #expect(try harness.allTasks().first?.reminders.count == 1)
        #expect(response.actions.first?.result.value["task"]?["reminders"]?.arrayValue?.first?["minutes_before"] == 30)
    }

    @Test func anotherUsersTaskID_isNotFoundAndTheirTaskIsUntouched() throws {
        let harness = try ModelHarness([])
        let other = try harness.otherUser()
        let theirs = try harness.add(["title": "Their task"], as: other)
        harness.server.enqueue([
            .reply(Completion.tools([("call_1", "complete_task", #"{"task_id": "\#(theirs)"}"#)])),
            .reply(Completion.text("I couldn't find that task.")),
        ])

        let response = try harness.send("mark their task done")

        #expect(response.actions.first?.result.errorCode == "task_not_found")
        #expect(try harness.tasks.get(for: other, id: theirs).completed == false)
    }

    @Test func aRefusalIsTheReplyAndNothingRuns() throws {
        let harness = try ModelHarness([.reply(Completion.refusal("I can't help with that."))])

        let response = try harness.send("delete everything of everyone")

        #expect(response.reply == "I can't help with that.")
        #expect(response.engine == .model)
        #expect(response.actions.isEmpty)
        #expect(try harness.allTasks().isEmpty)
    }

    @Test func anAnswerWithheldByTheContentFilter_saysSoWithoutFallingBack() throws {
        let harness = try ModelHarness([
            .reply([
                "choices": [
                    ["index": 0, "finish_reason": "content_filter", "message": ["role": "assistant", "content": nil]]
                ]
            ])
        ])

        let response = try harness.send("add something rude")

        #expect(response.engine == .model)
        #expect(response.engineError == "model_content_filter")
        #expect(response.actions.isEmpty)
        #expect(response.reply.hasSuffix(ModelChatResponder.interruptedNote))
        #expect(try harness.allTasks().isEmpty)
    }

    /// The tools as the toolbox defines them, in the Chat Completions shape.
    static func expectedTools() -> JSONValue {
        .array(
            TaskToolbox().tools.map { tool in
                [
                    "type": "function",
                    "function": [
                        "name": .string(tool.name), "description": .string(tool.description),
                        "parameters": tool.inputSchema,
                    ],
                ]
            })
    }
}
