import Foundation
import Testing
import TodoHTTP
import TodoTestSupport

@Suite("WebSocket server over real sockets", .serialized)
struct WebSocketServerTests {
    @Test func handshake_switchesProtocols_withTheAcceptKey() throws {
        let server = try WebSocketTestServer()
        defer { server.stop() }

        let client = try RawWebSocketClient(port: server.port)
        #expect(try client.handshake())
        #expect(client.response?.header("Sec-WebSocket-Accept") == "s3pPLMBiTxaQ9kYGzzhZRbK+xOo=")
        #expect(client.response?.header("Upgrade")?.lowercased() == "websocket")
        #expect(server.handler(0)?.openedConnection() != nil)
    }

    @Test func plainGetOnTheWebSocketRoute_isAnswered426() throws {
        let server = try WebSocketTestServer()
        defer { server.stop() }

        let response = try RawHTTPConnection(port: server.port).request("GET", "/ws")
        #expect(response.status == 426)
        #expect(response.header("Sec-WebSocket-Version") == "13")
        #expect(response.errorCode == "upgrade_required")
    }

    @Test func textMessages_roundTripInOrder() throws {
        let server = try WebSocketTestServer()
        defer { server.stop() }
        let client = try server.client()

        for index in 0..<50 { try client.send(text: "message \(index) é") }
        for index in 0..<50 {
            let frame = try client.readMessage()
            #expect(frame.opcode == 0x1 && frame.fin)
            #expect(frame.text == "message \(index) é")
        }
        #expect(server.handler(0)?.messages(count: 50)?.count == 50)
    }

    @Test func bytesSentWithTheHandshake_areReadBeforeTheSocket() throws {
        let server = try WebSocketTestServer()
        defer { server.stop() }
        let client = try RawWebSocketClient(port: server.port)

        let early = RawWebSocketClient.frame(opcode: 0x1, payload: Array("early".utf8))
        #expect(try client.handshake(extra: early))
        try client.send(text: "later")

        #expect(try client.readMessage().text == "early")
        #expect(try client.readMessage().text == "later")
    }

    @Test func largeMessages_crossManyWrites() throws {
        let server = try WebSocketTestServer()
        defer { server.stop() }
        let client = try server.client()

        let big = String(repeating: "abcdefgh", count: 7000)
        try client.send(text: big)
        #expect(try client.readMessage().text == big)
    }

    @Test func ping_isAnsweredWithPongCarryingThePayload() throws {
        let server = try WebSocketTestServer()
        defer { server.stop() }
        let client = try server.client()

        try client.send(opcode: 0x9, payload: [1, 2, 3])
        let pong = try client.readFrame()
        #expect(pong.opcode == 0xA)
        #expect(pong.payload == [1, 2, 3])
    }

    @Test func clientClose_isEchoed_andTheHandlerHearsItsCode() throws {
        let server = try WebSocketTestServer()
        defer { server.stop() }
        let client = try server.client()
        _ = server.handler(0)?.openedConnection()

        try client.sendClose(code: 4321, reason: "bye")
        let echo = try client.readFrame()
        #expect(echo.closeCode == 4321)
        #expect(client.isClosedByPeer())

        let info = server.handler(0)?.closed()
        #expect(info == WebSocketCloseInfo(code: WebSocketClose.Code(rawValue: 4321), initiator: .peer))
        #expect(server.webSockets.stats.snapshot.open == 0)
    }

    @Test func serverClose_sendsCodeAndReason_thenDropsTheSocket() throws {
        let server = try WebSocketTestServer()
        defer { server.stop() }
        let client = try server.client()
        let connection = try #require(server.handler(0)?.openedConnection())

        connection.send(text: Array("last words".utf8))
        connection.close(WebSocketClose(code: WebSocketClose.Code(rawValue: 4002), reason: "token_expired"))

        #expect(try client.readMessage().text == "last words")
        let close = try client.readMessage()
        #expect(close.closeCode == 4002)
        #expect(close.closeReason == "token_expired")
        // The client never answers: the server gives up after its close timeout.
        #expect(client.isClosedByPeer())
        #expect(server.handler(0)?.closed()?.initiator == .server)
    }

    @Test func scheduledClose_happensAtItsDeadline_andALaterOneReplacesIt() throws {
        let server = try WebSocketTestServer()
        defer { server.stop() }
        let client = try server.client()
        let connection = try #require(server.handler(0)?.openedConnection())
        let expired = WebSocketClose(code: WebSocketClose.Code(rawValue: 4002), reason: "token_expired")

        connection.close(at: .now + .milliseconds(100), with: expired)
        connection.close(at: .now + .milliseconds(600), with: expired)
        let started = ContinuousClock.now
        try client.send(text: "still here")
        #expect(try client.readMessage().text == "still here")

        #expect(try client.readMessage().closeCode == 4002)
        #expect(ContinuousClock.now - started >= .milliseconds(500))
    }

    @Test func invalidUTF8_isClosedWith1007() throws {
        let server = try WebSocketTestServer()
        defer { server.stop() }
        let client = try server.client()

        try client.send(opcode: 0x1, payload: [0x68, 0xC3, 0x28])
        #expect(try client.readMessage().closeCode == 1007)
        #expect(server.handler(0)?.closed()?.code == .invalidPayload)
        #expect(server.handler(0)?.receivedCount == 0)
    }

    @Test func unmaskedClientFrame_isAProtocolError() throws {
        let server = try WebSocketTestServer()
        defer { server.stop() }
        let client = try server.client()

        try client.send(opcode: 0x1, payload: Array("hi".utf8), masked: false)
        #expect(try client.readMessage().closeCode == 1002)
    }

    @Test func messageAboveTheLimit_isClosedWith1009() throws {
        var configuration = WebSocketTestServer.fastConfiguration
        configuration.maxMessageBytes = 1000
        let server = try WebSocketTestServer(configuration: configuration)
        defer { server.stop() }
        let client = try server.client()

        try client.send(text: String(repeating: "x", count: 1001))
        #expect(try client.readMessage().closeCode == 1009)
    }

    @Test func quietPeer_isPinged_andDroppedWhenItNeverAnswers() throws {
        var configuration = WebSocketTestServer.fastConfiguration
        configuration.pingInterval = .milliseconds(200)
        configuration.pongTimeout = .milliseconds(300)
        let server = try WebSocketTestServer(configuration: configuration)
        defer { server.stop() }
        let client = try server.client()

        let ping = try client.readFrame()
        #expect(ping.opcode == 0x9)
        let info = server.handler(0)?.closed(within: 5)
        #expect(info == WebSocketCloseInfo(code: .abnormal, initiator: .heartbeatTimeout))
        let stats = server.webSockets.stats.snapshot
        #expect(stats.heartbeatTimeouts == 1)
        #expect(stats.closed == [.heartbeatTimeout: 1, .peer: 0, .server: 0, .sendQueueOverflow: 0])
        #expect(stats.open == 0)
    }

    @Test func peerThatAnswersPings_staysConnected() throws {
        var configuration = WebSocketTestServer.fastConfiguration
        configuration.pingInterval = .milliseconds(100)
        configuration.pongTimeout = .milliseconds(300)
        let server = try WebSocketTestServer(configuration: configuration)
        defer { server.stop() }
        let client = try server.client()

        for _ in 0..<5 {
            let ping = try client.readFrame()
            #expect(ping.opcode == 0x9)
            try client.send(opcode: 0xA, payload: ping.payload)
        }
        try client.send(text: "alive")
        #expect(try client.readMessage().text == "alive")
        #expect(server.webSockets.stats.snapshot.heartbeatTimeouts == 0)
    }

    @Test func clientThatStopsReading_isClosedForOverflow_whileAnotherKeepsReceiving() throws {
        var configuration = WebSocketTestServer.fastConfiguration
        configuration.maxQueuedMessages = 16
        configuration.maxQueuedBytes = 256 << 10
        let server = try WebSocketTestServer(configuration: configuration, echo: false)
        defer { server.stop() }
        let stalled = try server.client(receiveBuffer: 4096)
        let stalledConnection = try #require(server.handler(0)?.openedConnection())
        let healthy = try server.client()
        let healthyConnection = try #require(server.handler(1)?.openedConnection())

        let chunk = [UInt8](repeating: UInt8(ascii: "z"), count: 16 << 10)
        for index in 0..<400 {
            stalledConnection.send(text: chunk)
            if index % 40 == 0 { healthyConnection.send(text: Array("tick \(index)".utf8)) }
        }

        let info = server.handler(0)?.closed()
        #expect(info?.initiator == .sendQueueOverflow)
        #expect(info?.code == .policyViolation)
        for index in stride(from: 0, to: 400, by: 40) {
            #expect(try healthy.readMessage().text == "tick \(index)")
        }
        let stats = server.webSockets.stats.snapshot
        #expect(stats.sendQueueOverflows == 1)
        #expect(stats.closed[.sendQueueOverflow] == 1)
        #expect(stats.messagesDropped > 0)
        _ = stalled
    }

    @Test func shutdown_closesEveryConnectionWithGoingAway() throws {
        let server = try WebSocketTestServer()
        let clients = try (0..<10).map { _ in try server.client() }
        for index in 0..<10 { _ = server.handler(index)?.openedConnection() }
        #expect(server.webSockets.stats.snapshot.open == 10)

        let closer = Thread { server.stop() }
        closer.start()
        for client in clients {
            let close = try client.readMessage()
            #expect(close.closeCode == 1001)
            try client.sendClose(code: 1001)
        }
        for index in 0..<10 {
            #expect(server.handler(index)?.closed()?.initiator == .server)
        }
        #expect(server.webSockets.stats.snapshot.open == 0)
    }

    @Test func manyConnections_acrossReactors_eachGetTheirOwnMessages() throws {
        let server = try WebSocketTestServer(echo: false)
        defer { server.stop() }
        let clients = try (0..<200).map { _ in try server.client() }
        let connections = try (0..<200).map { try #require(server.handler($0)?.openedConnection()) }

        for (index, connection) in connections.enumerated() {
            connection.send(text: Array("for \(index)".utf8))
        }
        for (index, client) in clients.enumerated() {
            #expect(try client.readMessage().text == "for \(index)")
        }
        #expect(server.webSockets.stats.snapshot.messagesSent == 200)
        #expect(server.handler(0)?.unexpectedCallbacks == 0)
    }
}
