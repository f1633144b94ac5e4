import Synchronization
import TodoCore
import TodoLogging

/// MCP's stdio transport: one JSON-RPC message per line in, one response per line out, for a
/// single session acting as one user. Standard output carries protocol messages only; logs go
/// to the logger, which the caller points at standard error.
///
/// The process authenticates once at startup but may run for days, so `checkAccess` runs again
/// before every `tools/list` and `tools/call`: once the token has expired or the account is gone,
/// that request is answered with the refusal and serving ends.
public struct MCPStdioTransport: Sendable {
    let server: MCPServer
    let user: User
    let session: MCPSession
    /// A fresh correlation id for each message, carried by the events its tool calls emit.
    let correlationIDs: @Sendable () -> String
    let checkAccess: MCPServer.AccessCheck?
    let logger: Logger

    /// Why ``serve(readLine:write:)`` returned.
    public enum Ending: Sendable, Equatable {
        /// The client closed standard input.
        case inputEnded
        /// Writing a response failed: the client went away.
        case clientStoppedReading
        /// The access check refused for good (an expired token, a deleted account).
        case accessEnded(AppError)
    }

    public init(
        server: MCPServer, user: User, correlationIDs: @escaping @Sendable () -> String, logger: Logger,
        checkAccess: MCPServer.AccessCheck? = nil
    ) {
        self.server = server
        self.user = user
        self.session = MCPSession(id: "stdio", userID: user.id)
        self.correlationIDs = correlationIDs
        self.checkAccess = checkAccess
        self.logger = logger
    }

    /// One line of input, as ``StdioLineReader`` reads it.
    public enum InputLine: Sendable, Equatable {
        case text(String)
        /// A line longer than `limit` bytes, skipped unread: answered with `-32600`.
        case tooLong(limit: Int)
        /// A line that is not UTF-8, so not JSON text: answered with `-32700`.
        case notUTF8
    }

    /// Serves the lines `readLine` returns; see ``serve(next:write:)``.
    @discardableResult
    public func serve(readLine: () -> String?, write: ([UInt8]) throws -> Void) -> Ending {
        serve(next: { readLine().map(InputLine.text) }, write: write)
    }

    /// Serves until `next` returns nil (end of input), `write` throws (the client went away) or
    /// access ends. `write` gets each response line, newline included.
    @discardableResult
    public func serve(next: () -> InputLine?, write: ([UInt8]) throws -> Void) -> Ending {
        let refusals = Refusals()
        var check: MCPServer.AccessCheck?
        if let checkAccess {
            check = { @Sendable () -> AppError? in
                let refusal = checkAccess()
                if let refusal { refusals.record(refusal) }
                return refusal
            }
        }

        while let input = next() {
            if let reply = respond(to: input, checkAccess: check) {
                do {
                    try write(reply)
                } catch {
                    logger.info("The MCP client stopped reading", [LogKey.error: String(describing: error)])
                    return .clientStoppedReading
                }
            }

            guard let refusal = refusals.take() else { continue }
            let metadata = [LogKey.userID: user.id, LogKey.errorCode: refusal.code]
            guard Self.endsAccess(refusal) else {
                logger.warning("MCP request refused: \(refusal.message)", metadata)
                continue
            }
            logger.warning("MCP access ended, stopping: \(refusal.message)", metadata)
            return .accessEnded(refusal)
        }
        logger.info("MCP client closed the connection")
        return .inputEnded
    }

    /// A refused token or a missing account will not come back; other refusals (the database
    /// briefly unavailable) answer one request and serving goes on.
    static func endsAccess(_ refusal: AppError) -> Bool {
        refusal.kind == .unauthorized || refusal.kind == .notFound
    }

    /// The response line for one input line, or nil when nothing is to be sent.
    func respond(to input: InputLine, checkAccess: MCPServer.AccessCheck?) -> [UInt8]? {
        switch input {
        case .text(let line):
            return respond(toLine: line, checkAccess: checkAccess)
        case .tooLong(let limit):
            return Self.line(
                .invalidRequest("A message may be at most \(limit) bytes; this line is longer and was skipped"))
        case .notUTF8:
            return Self.line(.parseError("The message is not UTF-8, so not JSON text"))
        }
    }

    private static func line(_ error: JSONRPCError) -> [UInt8] {
        var bytes = JSONRPCResponse.error(error, id: nil).serialized()
        bytes.append(UInt8(ascii: "\n"))
        return bytes
    }

    /// The response line for one input line, or nil when nothing is to be sent (a notification,
    /// a blank line).
    func respond(toLine line: String, checkAccess: MCPServer.AccessCheck? = nil) -> [UInt8]? {
        guard line.contains(where: { !$0.isWhitespace }) else { return nil }

        let response: JSONValue?
        switch MCPServer.decode(Array(line.utf8)) {
        case .success(let inbound):
            response = server.respond(
                to: inbound, session: session, user: user, correlationID: correlationIDs(), checkAccess: checkAccess)
        case .failure(let error):
            response = JSONRPCResponse.error(error, id: nil)
        }
        guard var bytes = response?.serialized() else { return nil }
        bytes.append(UInt8(ascii: "\n"))
        return bytes
    }
}

/// The last refusal of the access check, handed from the check (run inside the server) to the
/// serving loop.
private final class Refusals: Sendable {
    private let last = Mutex<AppError?>(nil)

    func record(_ refusal: AppError) {
        last.withLock { $0 = refusal }
    }

    /// The refusal recorded since the last call, if any.
    func take() -> AppError? {
        last.withLock { last in
            defer { last = nil }
            return last
        }
    }
}
