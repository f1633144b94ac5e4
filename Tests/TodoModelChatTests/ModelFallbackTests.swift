import Foundation
import Testing
import TodoChat
import TodoCore
import TodoModelChat

/// When the model cannot be asked, the offline engine answers that message (once); once a tool
/// ran, nothing falls back and the reply says what was done.
@Suite struct ModelFallbackTests {
    @Test func aTimeoutBeforeAnyTool_fallsBackOfflineAndTheOfflineActionHappensOnce() throws {
        let harness = try ModelHarness([.stall], requestTimeout: 1)

        let response = try harness.send("add buy milk tomorrow")
        harness.server.release()

        #expect(response.engine == .offline)
        #expect(response.engineError == "model_timeout")
        #expect(response.reply.hasSuffix(ModelChatResponder.unavailableNote))
        #expect(response.turn.reply == response.reply)
        #expect(response.actions.map(\.call.tool) == ["add_task"])
        let tasks = try harness.allTasks()
        #expect(tasks.map(\.title) == ["Buy milk"])
        #expect(tasks.first?.due == .allDay(CalendarDate("2026-03-06")!))
    }

    @Test func theTurnDeadline_boundsARequestWithALongerTimeout() throws {
        let harness = try ModelHarness([.stall], requestTimeout: 60, deadline: 1)

        let response = try harness.send("add pick up the dry cleaning")
        harness.server.release()

        // Reported as the message's time running out, not as the request's own timeout.
        #expect(response.engine == .offline)
        #expect(response.engineError == "model_deadline")
        #expect(try harness.allTasks().map(\.title) == ["Pick up the dry cleaning"])
    }

    @Test(arguments: [500, 401, 429])
    func anErrorStatus_fallsBackOffline(status: Int) throws {
        let harness = try ModelHarness([.status(status)])

        let response = try harness.send("add call the bank")

        #expect(response.engine == .offline)
        #expect(response.engineError == "model_http_error")
        #expect(response.reply.hasSuffix(ModelChatResponder.unavailableNote))
        #expect(try harness.allTasks().map(\.title) == ["Call the bank"])
        #expect(harness.logText.contains("http.status=\(status)"))
    }

    @Test func aServerThatIsGone_fallsBackOffline() throws {
        let harness = try ModelHarness([])
        harness.server.stop()

        let response = try harness.send("add water the plants")

        #expect(response.engine == .offline)
        #expect(response.engineError == "model_unreachable")
        #expect(try harness.allTasks().map(\.title) == ["Water the plants"])
    }

    @Test func anAnswerThatIsNotAChatCompletion_fallsBackOffline() throws {
        let harness = try ModelHarness([.reply(["object": "list", "data": []])])

        let response = try harness.send("add renew passport")

        #expect(response.engine == .offline)
        #expect(response.engineError == "model_bad_response")
        #expect(try harness.allTasks().map(\.title) == ["Renew passport"])
    }

    @Test func aTimeoutAfterAToolRan_doesNotFallBackOrActTwice() throws {
        let harness = try ModelHarness(
            [.reply(Completion.tools([("call_1", "add_task", #"{"title": "Buy milk"}"#)])), .stall],
            requestTimeout: 1)

        let response = try harness.send("add buy milk")
        harness.server.release()

        #expect(response.engine == .model)
        #expect(response.engineError == "model_timeout")
        #expect(response.actions.map(\.call.tool) == ["add_task"])
        #expect(response.reply.contains("Buy milk"))
        #expect(response.reply.hasSuffix(ModelChatResponder.interruptedNote))
        #expect(try harness.allTasks().map(\.title) == ["Buy milk"])
    }

    @Test func theKeyIsSentAsABearerTokenAndNeverLogged() throws {
        let harness = try ModelHarness([
            .reply(Completion.tools([("call_1", "add_task", #"{"title": "Secret project"}"#)])),
            .reply(Completion.text("Added it.")),
        ])

        _ = try harness.send("add my secret project codename bluebird")

        #expect(
            harness.server.requests.map(\.authorization) == Array(repeating: "Bearer \(ModelHarness.apiKey)", count: 2))
        let logs = harness.logText
        #expect(logs.contains("Model call"))
        #expect(logs.contains("model.name=test-model"))
        #expect(logs.contains("model.tokens.prompt=120"))
        #expect(logs.contains("correlation.id=corr-123"))
        #expect(!logs.contains(ModelHarness.apiKey))
        #expect(!logs.contains("bluebird"))
        #expect(!logs.contains("Authorization"))
    }
}
