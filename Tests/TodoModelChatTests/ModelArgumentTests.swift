import Foundation
import Testing
import TodoChat
import TodoCore
import TodoModelChat

/// Tool calls the loop must not run as sent: broken or cut-off arguments, unknown tools, and a
/// model that never stops calling tools.
@Suite struct ModelArgumentTests {
    @Test func malformedArguments_areNotRunAndTheCorrectedRetryRunsOnce() throws {
        let harness = try ModelHarness([
            .reply(Completion.tools([("call_1", "add_task", #"{"title": "Milk""#)])),
            .reply(Completion.tools([("call_2", "add_task", #"{"title": "Milk"}"#)])),
            .reply(Completion.text("Added Milk.")),
        ])

        let response = try harness.send("add milk")

        #expect(try harness.allTasks().map(\.title) == ["Milk"])
        #expect(response.actions.count == 1)
        #expect(response.reply == "Added Milk.")
        let second = harness.server.requests[1].body["messages"]?.arrayValue ?? []
        let error = try Self.toolResult(in: second, for: "call_1")
        #expect(error["error"]?["code"] == "invalid_arguments")
    }

    @Test func argumentsCutOffByTheLengthLimit_areNotRunEvenWhenTheyParse() throws {
        let harness = try ModelHarness([
            .reply(Completion.tools([("call_1", "add_task", #"{"title": "Mi"}"#)], finish: "length")),
            .reply(Completion.tools([("call_2", "add_task", #"{"title": "Milk"}"#)])),
            .reply(Completion.text("Added Milk.")),
        ])

        _ = try harness.send("add milk")

        #expect(try harness.allTasks().map(\.title) == ["Milk"])
        let second = harness.server.requests[1].body["messages"]?.arrayValue ?? []
        #expect(try Self.toolResult(in: second, for: "call_1")["error"]?["code"] == "arguments_cut_off")
    }

    @Test func anUnknownTool_getsAnErrorResultAndRecordsNoAction() throws {
        let harness = try ModelHarness([
            .reply(
                Completion.tools([
                    ("call_1", "send_email", #"{"to": "bob@example.com"}"#), ("call_2", "send_sms", "{broken"),
                ])),
            .reply(Completion.text("I can only manage your tasks.")),
        ])

        let response = try harness.send("email bob")

        #expect(response.actions.isEmpty)
        #expect(response.reply == "I can only manage your tasks.")
        let second = harness.server.requests[1].body["messages"]?.arrayValue ?? []
        #expect(try Self.toolResult(in: second, for: "call_1")["error"]?["code"] == "unknown_tool")
        #expect(
            try Self.toolResult(in: second, for: "call_2")["error"]?["code"] == "unknown_tool",
            "an unknown tool is reported as such, whatever its arguments")
    }

    @Test func argumentsOutsideTheSchema_areRefusedByValidationAndReported() throws {
        let harness = try ModelHarness([
            .reply(Completion.tools([("call_1", "add_task", #"{"title": "Milk", "priority": "extreme"}"#)])),
            .reply(Completion.text("Sorry, that priority does not exist.")),
        ])

        let response = try harness.send("add milk, extreme priority")

        #expect(try harness.allTasks().isEmpty)
        #expect(response.actions.first?.result.errorCode == "validation_failed")
    }

    @Test func theStepBound_stopsTheLoopAndSaysWhatWasDone() throws {
        let harness = try ModelHarness(
            [
                .reply(Completion.tools([("call_1", "add_task", #"{"title": "Milk"}"#)])),
                .reply(Completion.tools([("call_2", "list_tasks", "{}")])),
                .reply(Completion.text("never asked for")),
            ], maxSteps: 2)

        let response = try harness.send("add milk and keep going")

        #expect(harness.server.requests.count == 2)
        #expect(harness.server.remainingSteps == 1)
        #expect(response.engine == .model)
        #expect(response.engineError == "model_step_limit")
        #expect(response.actions.map(\.call.tool) == ["add_task", "list_tasks"])
        #expect(response.reply.hasSuffix(ModelChatResponder.interruptedNote))
        #expect(response.reply.contains("Milk"))
        #expect(try harness.allTasks().map(\.title) == ["Milk"])
    }

    @Test func localServerVariants_noCallIDArgumentsAsAnObjectAndContentParts_areRead() throws {
        let call: JSONValue = [
            "type": "function", "function": ["name": "add_task", "arguments": ["title": "Milk"]],
        ]
        let harness = try ModelHarness([
            .reply([
                "choices": [
                    [
                        "index": 0, "finish_reason": "tool_calls",
                        "message": ["role": "assistant", "content": "", "tool_calls": [call]],
                    ]
                ]
            ]),
            .reply([
                "choices": [
                    [
                        "index": 0, "finish_reason": "stop",
                        "message": ["role": "assistant", "content": [["type": "text", "text": "Added Milk."]]],
                    ]
                ]
            ]),
        ])

        let response = try harness.send("add milk")

        #expect(response.reply == "Added Milk.")
        #expect(try harness.allTasks().map(\.title) == ["Milk"])
        let second = harness.server.requests[1].body["messages"]?.arrayValue ?? []
        let id = try #require(second[2]["tool_calls"]?.arrayValue?.first?["id"]?.stringValue)
        #expect(try Self.toolResult(in: second, for: id)["task"]?["title"] == "Milk")
    }

    @Test(arguments: [JSONValue.null, .string("null"), .string(" ")])
    func nullArguments_areNoArguments_likeMissingOnes(arguments: JSONValue) throws {
        let call: JSONValue = [
            "id": "call_1", "type": "function", "function": ["name": "list_tasks", "arguments": arguments],
        ]
        let harness = try ModelHarness([
            .reply([
                "choices": [
                    [
                        "index": 0, "finish_reason": "tool_calls",
                        "message": ["role": "assistant", "content": nil, "tool_calls": [call]],
                    ]
                ]
            ]),
            .reply(Completion.text("Nothing on your list.")),
        ])

        let response = try harness.send("what is on my list?")

        #expect(response.actions.map(\.call.tool) == ["list_tasks"])
        let second = harness.server.requests[1].body["messages"]?.arrayValue ?? []
        #expect(try Self.toolResult(in: second, for: "call_1")["error"] == nil)
    }

    /// The parsed content of the tool message answering `id`.
    static func toolResult(in messages: [JSONValue], for id: String) throws -> JSONValue {
        let message = try #require(messages.first { $0["role"] == "tool" && $0["tool_call_id"] == .string(id) })
        return try JSONValue.parse(Array((message["content"]?.stringValue ?? "").utf8))
    }
}
