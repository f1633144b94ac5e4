import Foundation

/// A blocking HTTP/1.1 client over one loopback TCP connection, so tests control exactly what
/// goes on the wire (keep-alive, chunked bodies, declared lengths without a body).
final class RawHTTPConnection {
    struct Response {
        var status: Int
        var headers: [(String, String)]
        var body: [UInt8]

        func header(_ name: String) -> String? {
            headers.first { $0.0.lowercased() == name.lowercased() }?.1
        }

        var text: String { String(decoding: body, as: UTF8.self) }
    }

    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    private let descriptor: Int32
    private var buffer: [UInt8] = []

    /// Connects to 127.0.0.1:`port`; reads time out after `timeoutSeconds` so a bug cannot hang the run.
    init(port: Int, timeoutSeconds: Int = 20) throws {
        descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { throw Failure(description: "socket() failed: errno \(errno)") }
        var timeout = timeval(tv_sec: timeoutSeconds, tv_usec: 0)
        setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))

        let status = Self.connect(descriptor, port: port)
        guard status == 0 else {
            let code = errno
            close(descriptor)
            throw Failure(description: "connect to port \(port) failed: errno \(code)")
        }
    }

    deinit {
        close(descriptor)
    }

    /// Whether a new connection to the port is refused (nothing listens any more).
    static func isRefused(port: Int) -> Bool {
        let probe = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(probe) }
        return connect(probe, port: port) != 0 && errno == ECONNREFUSED
    }

    private static func connect(_ descriptor: Int32, port: Int) -> Int32 {
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = UInt16(port).bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        return withUnsafePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                Glibc.connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
    }

    func write(_ bytes: [UInt8]) throws {
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes {
                send(descriptor, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL))
            }
            guard written > 0 else { throw Failure(description: "send failed: errno \(errno)") }
            offset += written
        }
    }

    func write(_ text: String) throws {
        try write(Array(text.utf8))
    }

    /// Sends a request with `Host` and, when there is a body, `Content-Length`; then reads the answer.
    func request(
        _ method: String, _ target: String, headers: [(String, String)] = [], body: [UInt8] = []
    ) throws -> Response {
        var head = "\(method) \(target) HTTP/1.1\r\nHost: 127.0.0.1\r\n"
        for (name, value) in headers {
            head += "\(name): \(value)\r\n"
        }
        if !body.isEmpty {
            head += "Content-Length: \(body.count)\r\n"
        }
        try write(Array((head + "\r\n").utf8) + body)
        return try readResponse(bodyExpected: method != "HEAD")
    }

    /// Reads one response whose body is framed by `Content-Length` (libmicrohttpd's framing for
    /// buffered responses).
    func readResponse(bodyExpected: Bool = true) throws -> Response {
        let separator: [UInt8] = Array("\r\n\r\n".utf8)
        var headEnd = buffer.firstRange(of: separator)
        while headEnd == nil {
            try fill()
            headEnd = buffer.firstRange(of: separator)
        }
        let head = String(decoding: buffer[..<headEnd!.lowerBound], as: UTF8.self)
        buffer.removeSubrange(..<headEnd!.upperBound)

        var lines = head.components(separatedBy: "\r\n")
        let statusLine = lines.removeFirst().split(separator: " ")
        guard statusLine.count >= 2, let status = Int(statusLine[1]) else {
            throw Failure(description: "bad status line in \(head)")
        }
        let headers = lines.compactMap { line -> (String, String)? in
            guard let colon = line.firstIndex(of: ":") else { return nil }
            return (String(line[..<colon]), line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces))
        }
        var response = Response(status: status, headers: headers, body: [])

        let length = bodyExpected ? Int(response.header("Content-Length") ?? "0") ?? 0 : 0
        while buffer.count < length {
            try fill()
        }
        response.body = Array(buffer[..<length])
        buffer.removeSubrange(..<length)
        return response
    }

    /// Whether the server has closed the connection (a read returns end of file).
    func isClosedByPeer() -> Bool {
        var byte: UInt8 = 0
        return recv(descriptor, &byte, 1, 0) == 0
    }

    private func fill() throws {
        var chunk = [UInt8](repeating: 0, count: 16 << 10)
        let count = chunk.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
        guard count > 0 else {
            throw Failure(description: count == 0 ? "connection closed by the server" : "recv failed: errno \(errno)")
        }
        buffer.append(contentsOf: chunk[..<count])
    }
}
