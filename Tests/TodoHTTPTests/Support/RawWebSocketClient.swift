import Foundation

/// A blocking WebSocket client over one loopback TCP connection, with the framing written out by
/// hand (RFC 6455 §5.2), so tests see exactly what the server puts on the wire and can send what
/// a well-behaved library never would (unmasked frames, invalid UTF-8, no reads at all).
final class RawWebSocketClient {
    struct Frame: Equatable {
        var fin: Bool
        var opcode: UInt8
        var payload: [UInt8]

        var text: String { String(decoding: payload, as: UTF8.self) }
        /// The status code of a close frame, when it has one.
        var closeCode: UInt16? {
            guard opcode == 0x8, payload.count >= 2 else { return nil }
            return UInt16(payload[0]) << 8 | UInt16(payload[1])
        }
        var closeReason: String { String(decoding: payload.dropFirst(2), as: UTF8.self) }
    }

    static let sampleKey = "dGhlIHNhbXBsZSBub25jZQ=="

    let connection: RawHTTPConnection
    /// The handshake response.
    private(set) var response: RawHTTPConnection.Response?
    private var buffer: [UInt8] = []

    /// Connects; `receiveBuffer` sets SO_RCVBUF before connecting (a small one makes a client slow).
    init(port: Int, receiveBuffer: Int? = nil, timeoutSeconds: Int = 20) throws {
        connection = try RawHTTPConnection(port: port, timeoutSeconds: timeoutSeconds, receiveBuffer: receiveBuffer)
    }

    /// Sends the opening handshake for `target` (with `extra` bytes right behind it, in the same
    /// write) and reads the response; true when it is 101.
    @discardableResult
    func handshake(_ target: String = "/ws", headers: [(String, String)] = [], extra: [UInt8] = []) throws -> Bool {
        var head = "GET \(target) HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
        head += "Sec-WebSocket-Key: \(Self.sampleKey)\r\nSec-WebSocket-Version: 13\r\n"
        for (name, value) in headers { head += "\(name): \(value)\r\n" }
        try connection.write(Array((head + "\r\n").utf8) + extra)
        let answer = try connection.readResponse(bodyExpected: false)
        response = answer
        return answer.status == 101
    }

    /// One frame as a client must send it: masked with a fixed key.
    static func frame(opcode: UInt8, payload: [UInt8], fin: Bool = true, masked: Bool = true) -> [UInt8] {
        var bytes: [UInt8] = [(fin ? 0x80 : 0) | opcode]
        let maskBit: UInt8 = masked ? 0x80 : 0
        switch payload.count {
        case 0..<126:
            bytes.append(maskBit | UInt8(payload.count))
        case 126..<65_536:
            bytes.append(maskBit | 126)
            bytes += [UInt8(payload.count >> 8), UInt8(payload.count & 0xFF)]
        default:
            bytes.append(maskBit | 127)
            bytes += (0..<8).reversed().map { UInt8((UInt64(payload.count) >> (UInt64($0) * 8)) & 0xFF) }
        }
        guard masked else { return bytes + payload }
        let mask: [UInt8] = [0x37, 0xFA, 0x21, 0x3D]
        return bytes + mask + payload.enumerated().map { $0.element ^ mask[$0.offset % 4] }
    }

    func send(text: String) throws {
        try connection.write(Self.frame(opcode: 0x1, payload: Array(text.utf8)))
    }

    func send(opcode: UInt8, payload: [UInt8], masked: Bool = true) throws {
        try connection.write(Self.frame(opcode: opcode, payload: payload, masked: masked))
    }

    func sendClose(code: UInt16, reason: String = "") throws {
        try send(opcode: 0x8, payload: [UInt8(code >> 8), UInt8(code & 0xFF)] + Array(reason.utf8))
    }

    /// Reads one frame; the server's frames must not be masked.
    func readFrame() throws -> Frame {
        try fill(2)
        let fin = buffer[0] & 0x80 != 0
        let opcode = buffer[0] & 0x0F
        guard buffer[1] & 0x80 == 0 else { throw RawHTTPConnection.Failure(description: "server frame is masked") }
        var length = Int(buffer[1] & 0x7F)
        var header = 2
        if length == 126 {
            try fill(4)
            length = Int(buffer[2]) << 8 | Int(buffer[3])
            header = 4
        } else if length == 127 {
            try fill(10)
            length = (2..<10).reduce(0) { $0 << 8 | Int(buffer[$1]) }
            header = 10
        }
        try fill(header + length)
        let payload = Array(buffer[header..<(header + length)])
        buffer.removeSubrange(0..<(header + length))
        return Frame(fin: fin, opcode: opcode, payload: payload)
    }

    /// Reads frames until a data or close frame arrives, answering nothing (pings are skipped).
    func readMessage() throws -> Frame {
        while true {
            let frame = try readFrame()
            if frame.opcode != 0x9 && frame.opcode != 0xA { return frame }
        }
    }

    /// Whether the server ended the TCP stream (after any frames still buffered).
    func isClosedByPeer() -> Bool {
        buffer.isEmpty && connection.isClosedByPeer()
    }

    private func fill(_ count: Int) throws {
        while buffer.count < count {
            buffer += try connection.readSome()
        }
    }
}
