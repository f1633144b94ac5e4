import Foundation

/// A blocking WebSocket client over one loopback TCP connection, with the framing written out by
/// hand (RFC 6455 §5.2), so tests see exactly what a server puts on the wire and can send what a
/// well-behaved library never would (unmasked frames, invalid UTF-8, no reads at all).
public final class RawWebSocketClient {
    /// One frame as read from the server.
    public struct Frame: Equatable, Sendable {
        public var fin: Bool
        public var opcode: UInt8
        public var payload: [UInt8]

        public var text: String { String(decoding: payload, as: UTF8.self) }
        /// The status code of a close frame, when it has one.
        public var closeCode: UInt16? {
            guard opcode == 0x8, payload.count >= 2 else { return nil }
            return UInt16(payload[0]) << 8 | UInt16(payload[1])
        }
        public var closeReason: String { String(decoding: payload.dropFirst(2), as: UTF8.self) }
    }

    /// The handshake's response: status and headers (names lowercased).
    public struct Response: Sendable {
        public var status: Int
        public var headers: [String: String]

        public func header(_ name: String) -> String? { headers[name.lowercased()] }
    }

    public struct Failure: Error, CustomStringConvertible {
        public let description: String

        public init(description: String) {
            self.description = description
        }
    }

    /// The key of RFC 6455's example handshake; its accept value is `s3pPLMBiTxaQ9kYGzzhZRbK+xOo=`.
    public static let sampleKey = "dGhlIHNhbXBsZSBub25jZQ=="

    private let descriptor: Int32
    private var buffer: [UInt8] = []
    /// The handshake response, once ``handshake(_:headers:extra:)`` has run.
    public private(set) var response: Response?

    /// Connects to 127.0.0.1:`port`. `receiveBuffer` sets SO_RCVBUF before connecting (a small one
    /// makes a client slow); reads time out after `timeoutSeconds` so a bug cannot hang a run.
    public init(port: Int, receiveBuffer: Int? = nil, timeoutSeconds: Int = 20) throws {
        descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { throw Failure(description: "socket() failed: errno \(errno)") }
        var timeout = timeval(tv_sec: timeoutSeconds, tv_usec: 0)
        setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        if var size = receiveBuffer.map(Int32.init) {
            setsockopt(descriptor, SOL_SOCKET, SO_RCVBUF, &size, socklen_t(MemoryLayout<Int32>.size))
        }

        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = UInt16(port).bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let status = withUnsafePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard status == 0 else {
            let code = errno
            close(descriptor)
            throw Failure(description: "connect to port \(port) failed: errno \(code)")
        }
    }

    deinit {
        close(descriptor)
    }

    /// Sends the opening handshake for `target`, with `extra` bytes right behind it in the same
    /// write, and reads the response head; true when it is 101. A refusal's body stays unread.
    @discardableResult
    public func handshake(_ target: String = "/ws", headers: [(String, String)] = [], extra: [UInt8] = []) throws
        -> Bool
    {
        var head = "GET \(target) HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
        head += "Sec-WebSocket-Key: \(Self.sampleKey)\r\nSec-WebSocket-Version: 13\r\n"
        for (name, value) in headers { head += "\(name): \(value)\r\n" }
        try write(Array((head + "\r\n").utf8) + extra)

        let separator = Array("\r\n\r\n".utf8)
        while buffer.firstRange(of: separator) == nil { try fill() }
        let end = buffer.firstRange(of: separator)!
        let text = String(decoding: buffer[..<end.lowerBound], as: UTF8.self)
        buffer.removeSubrange(..<end.upperBound)

        var lines = text.components(separatedBy: "\r\n")
        let statusLine = lines.removeFirst().split(separator: " ")
        guard statusLine.count >= 2, let status = Int(statusLine[1]) else {
            throw Failure(description: "bad status line in \(text)")
        }
        var fields: [String: String] = [:]
        for line in lines {
            guard let colon = line.firstIndex(of: ":") else { continue }
            fields[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        response = Response(status: status, headers: fields)
        return status == 101
    }

    /// One frame as a client must send it: masked with a fixed key (unless `masked` is false).
    public static func frame(opcode: UInt8, payload: [UInt8], fin: Bool = true, masked: Bool = true) -> [UInt8] {
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

    public func send(text: String) throws {
        try write(Self.frame(opcode: 0x1, payload: Array(text.utf8)))
    }

    public func send(opcode: UInt8, payload: [UInt8], masked: Bool = true) throws {
        try write(Self.frame(opcode: opcode, payload: payload, masked: masked))
    }

    public func sendClose(code: UInt16, reason: String = "") throws {
        try send(opcode: 0x8, payload: [UInt8(code >> 8), UInt8(code & 0xFF)] + Array(reason.utf8))
    }

    /// Reads one frame; a server's frames must not be masked.
    public func readFrame() throws -> Frame {
        try fill(2)
        let fin = buffer[0] & 0x80 != 0
        let opcode = buffer[0] & 0x0F
        guard buffer[1] & 0x80 == 0 else { throw Failure(description: "server frame is masked") }
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

    /// Reads frames until a data or close frame arrives; pings and pongs are skipped unanswered.
    public func readMessage() throws -> Frame {
        while true {
            let frame = try readFrame()
            if frame.opcode != 0x9 && frame.opcode != 0xA { return frame }
        }
    }

    /// Whether the server ended the TCP stream, once the frames already buffered are consumed.
    public func isClosedByPeer() -> Bool {
        guard buffer.isEmpty else { return false }
        var byte: UInt8 = 0
        return recv(descriptor, &byte, 1, 0) == 0
    }

    public func write(_ bytes: [UInt8]) throws {
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes {
                Glibc.send(descriptor, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL))
            }
            guard written > 0 else { throw Failure(description: "send failed: errno \(errno)") }
            offset += written
        }
    }

    /// Reads until `count` bytes are buffered, or (without a count) once.
    private func fill(_ count: Int? = nil) throws {
        if let count, buffer.count >= count { return }
        repeat {
            var chunk = [UInt8](repeating: 0, count: 16 << 10)
            let received = chunk.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
            guard received > 0 else {
                throw Failure(description: received == 0 ? "connection closed by the server" : "recv: errno \(errno)")
            }
            buffer.append(contentsOf: chunk[..<received])
        } while buffer.count < (count ?? 0)
    }
}
