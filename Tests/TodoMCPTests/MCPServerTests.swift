import Foundation
import Testing
import TodoCore
import TodoMCP

/// The JSON-RPC layer and the lifecycle: each error code, version negotiation, what is refused
/// before `initialize`, and batches only where the negotiated version has them.
@Suite struct MCPServerTests {
    @Test func answersEachProtocolProblemWithItsJSONRPCCode() throws {
        let harness = try MCPHarness()
        let session = harness.initializedSession()

        #expect(harness.send("{not json", session: session) == ["parseError": -32700])
        let wrongVersion = harness.send(#"{"jsonrpc":"1.0","id":3,"method":"ping"}"#, session: session)
        #expect(wrongVersion?["error"]?["code"] == -32600)
        #expect(wrongVersion?["id"] == 3)
        #expect(harness.send(#""just a string""#, session: session)?["error"]?["code"] == -32600)
        #expect(harness.send(#"{"jsonrpc":"2.0","id":null,"method":"ping"}"#, session: session)?["id"] == .null)
        #expect(
            harness.send(#"{"jsonrpc":"2.0","id":4,"method":"ping","params":7}"#, session: session)?["error"]?[
                "code"] == -32600)

        let unknown = harness.send(#"{"jsonrpc":"2.0","id":"u","method":"resources/list"}"#, session: session)
        #expect(unknown?["error"]?["code"] == -32601)
        #expect(unknown?["error"]?["data"]?["method"] == "resources/list")

        let noName = harness.send(#"{"jsonrpc":"2.0","id":5,"method":"tools/call","params":{}}"#, session: session)
        #expect(noName?["error"]?["code"] == -32602)
        let badArguments = harness.send(
            #"{"jsonrpc":"2.0","id":6,"method":"tools/call","params":{"name":"list_tasks","arguments":[1]}}"#,
            session: session)
        #expect(badArguments?["error"]?["data"]?["parameter"] == "arguments")
        for arguments in [#","arguments":null"#, ""] {
            let none = harness.send(
                #"{"jsonrpc":"2.0","id":7,"method":"tools/call","params":{"name":"list_tasks"\#(arguments)}}"#,
                session: session)
            #expect(none?["result"]?["isError"] == false, "no arguments, absent or null, are {}")
        }
    }

    @Test func echoesStringAndNumberIdsExactly() throws {
        let harness = try MCPHarness()
        let session = harness.initializedSession()

        let text = harness.send(#"{"jsonrpc":"2.0","id":"abc-1","method":"ping"}"#, session: session)
        #expect(text == ["jsonrpc": "2.0", "id": "abc-1", "result": [:]])
        let number = harness.send(#"{"jsonrpc":"2.0","id":42,"method":"ping"}"#, session: session)
        #expect(number?["id"] == 42)
        let written = String(decoding: number?.serialized() ?? [], as: UTF8.self)
        #expect(written.contains(#""id":42"#))
        let numeric = harness.send(#"{"jsonrpc":"2.0","id":"42","method":"ping"}"#, session: session)
        #expect(numeric?["id"] == "42")
    }

    @Test func negotiatesTheClientsVersionOrOffersTheLatest() throws {
        let harness = try MCPHarness()

        for version in ProtocolVersion.supported {
            let session = MCPSession(id: "s-\(version)", userID: harness.alice.id)
            let result = harness.send(MCPHarness.initialize(version: version), session: session)?["result"]
            #expect(result?["protocolVersion"] == .string(version))
            #expect(session.protocolVersion == version)
        }

        let future = MCPSession(id: "future", userID: harness.alice.id)
        let result = harness.send(MCPHarness.initialize(version: "2099-01-01"), session: future)?["result"]
        #expect(result?["protocolVersion"] == "2025-11-25")
        #expect(result?["capabilities"] == ["tools": ["listChanged": false]])
        #expect(result?["serverInfo"] == ["name": "todo-chatbot", "version": "9.8.7"])

        let missing = MCPSession(id: "missing", userID: harness.alice.id)
        let refused = harness.send(#"{"jsonrpc":"2.0","id":1,"method":"initialize","params":{}}"#, session: missing)
        #expect(refused?["error"]?["code"] == -32602)
        #expect(missing.protocolVersion == nil)
    }

    @Test func refusesEverythingButPingBeforeInitializeAndASecondInitialize() throws {
        let harness = try MCPHarness()
        let session = MCPSession(id: "fresh", userID: harness.alice.id)

        #expect(harness.send(#"{"jsonrpc":"2.0","id":1,"method":"ping"}"#, session: session)?["result"] == [:])
        let early = harness.send(#"{"jsonrpc":"2.0","id":2,"method":"tools/list"}"#, session: session)
        #expect(early?["error"]?["code"] == -32600)
        let earlyCall = harness.send(
            #"{"jsonrpc":"2.0","id":3,"method":"tools/call","params":{"name":"add_task","arguments":{"title":"x"}}}"#,
            session: session)
        #expect(earlyCall?["error"]?["code"] == -32600)
        #expect(try harness.tasks.list(for: harness.alice, query: TaskQuery()).tasks.isEmpty)

        #expect(harness.send(MCPHarness.initialize(version: "2025-06-18"), session: session)?["result"] != nil)
        #expect(!session.clientReady)
        #expect(harness.send(#"{"jsonrpc":"2.0","method":"notifications/initialized"}"#, session: session) == nil)
        #expect(session.clientReady)
        let again = harness.send(MCPHarness.initialize(id: "9", version: "2025-06-18"), session: session)
        #expect(again?["error"]?["code"] == -32600)
        #expect(session.protocolVersion == "2025-06-18")
    }

    @Test func servesBatchesOnlyWhereTheNegotiatedVersionHasThem() throws {
        let harness = try MCPHarness()
        let batch = """
            [{"jsonrpc":"2.0","id":1,"method":"ping"},{"jsonrpc":"2.0","method":"notifications/cancelled"},
             {"jsonrpc":"2.0","id":2,"method":"nope"}]
            """

        let old = harness.initializedSession(version: "2025-03-26")
        let answers = harness.send(batch, session: old)?.arrayValue ?? []
        #expect(answers.map { $0["id"] } == [1, 2])
        #expect(answers.last?["error"]?["code"] == -32601)
        #expect(harness.send("[]", session: old)?["error"]?["code"] == -32600)
        #expect(harness.send(#"[{"jsonrpc":"2.0","method":"notifications/cancelled"}]"#, session: old) == nil)

        let current = harness.initializedSession(version: "2025-11-25")
        let refused = harness.send(batch, session: current)
        #expect(refused?["error"]?["code"] == -32600)
        #expect(refused?["id"] == .null)
    }

    @Test func neverServesASessionToAnotherUser() throws {
        let harness = try MCPHarness()
        let session = harness.initializedSession()

        let stolen = harness.send(#"{"jsonrpc":"2.0","id":1,"method":"tools/list"}"#, session: session, as: harness.bob)
        #expect(stolen?["error"]?["code"] == -32603)
        #expect(stolen?["result"] == nil)
    }

    @Test func ignoresResponsesAndUnknownNotifications() throws {
        let harness = try MCPHarness()
        let session = harness.initializedSession()

        #expect(harness.send(#"{"jsonrpc":"2.0","id":7,"result":{}}"#, session: session) == nil)
        #expect(harness.send(#"{"jsonrpc":"2.0","method":"notifications/whatever"}"#, session: session) == nil)
    }
}
