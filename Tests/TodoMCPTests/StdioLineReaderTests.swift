import Foundation
import Testing

@testable import TodoMCP

/// Lines read from a real pipe, as `todo-chatbot mcp` reads standard input.
@Suite struct StdioLineReaderTests {
    /// Writes `input` into a pipe from another thread, closes it, and reads every line.
    private func lines(of input: [UInt8], limit: Int) throws -> [MCPStdioTransport.InputLine] {
        let pipe = Pipe()
        let writer = Thread {
            try? pipe.fileHandleForWriting.write(contentsOf: Data(input))
            try? pipe.fileHandleForWriting.close()
        }
        writer.start()

        let reader = StdioLineReader(fileDescriptor: pipe.fileHandleForReading.fileDescriptor, maxLineBytes: limit)
        var lines: [MCPStdioTransport.InputLine] = []
        while let line = reader.next() { lines.append(line) }
        try pipe.fileHandleForReading.close()
        return lines
    }

    @Test func splitsOnNewlinesAndDropsCarriageReturns() throws {
        let lines = try lines(of: Array("one\r\ntwo\n\nthree".utf8), limit: 100)

        #expect(lines == [.text("one"), .text("two"), .text(""), .text("three")])
    }

    @Test func theLimitCountsTheMessage_notTheCarriageReturnOfItsLineEnd() throws {
        let exact = String(repeating: "c", count: 10)

        let lines = try lines(of: Array("\(exact)\r\n\(exact)x\r\n\(exact)\r".utf8), limit: 10)

        #expect(lines == [.text(exact), .tooLong(limit: 10), .text(exact)])
    }

    @Test func aLineThatIsNotUTF8_isReportedAsSuch_andReadingGoesOn() throws {
        let input: [UInt8] = Array("bad ".utf8) + [0xFF, 0xFE, 0xC3] + Array("\n✓ fine\n".utf8)

        let lines = try lines(of: input, limit: 100)

        #expect(lines == [.notUTF8, .text("✓ fine")])
    }

    @Test func aLineOverTheLimitIsSkippedToItsEnd_andReadingGoesOn() throws {
        // Far over the 64 KiB a read takes at a time, so the skipping spans many reads.
        let huge = [UInt8](repeating: UInt8(ascii: "a"), count: 1 << 20)
        let exact = String(repeating: "b", count: 1000)
        let input = huge + Array("\n\(exact)\nlast\n".utf8) + huge

        let lines = try lines(of: input, limit: 1000)

        #expect(lines == [.tooLong(limit: 1000), .text(exact), .text("last"), .tooLong(limit: 1000)])
    }

    @Test func theTransportAnswersLinesItCannotReadWithErrors_andGoesOn() throws {
        let harness = try MCPHarness()
        let transport = MCPStdioTransport(
            server: harness.server, user: harness.alice, correlationIDs: { "c" }, logger: harness.server.logger)
        var inputs: [MCPStdioTransport.InputLine] = [
            .tooLong(limit: 10), .notUTF8, .text(#"{"jsonrpc":"2.0","id":1,"method":"ping"}"#),
        ]
        var output: [UInt8] = []

        transport.serve(next: { inputs.isEmpty ? nil : inputs.removeFirst() }, write: { output += $0 })

        let replies = String(decoding: output, as: UTF8.self).split(separator: "\n").map(String.init)
        #expect(replies.count == 3)
        #expect(replies[0].contains(#""code":-32600"#) && replies[0].contains("at most 10 bytes"))
        #expect(replies[1].contains(#""code":-32700"#) && replies[1].contains("not UTF-8"))
        #expect(replies[2].contains(#""id":1"#) && replies[2].contains(#""result":{}"#))
    }
}
