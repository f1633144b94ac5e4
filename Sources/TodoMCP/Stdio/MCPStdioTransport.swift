import TodoCore
import TodoLogging

/// MCP's stdio transport: one JSON-RPC message per line in, one response per line out, for a
/// single session acting as one user. Standard output carries protocol messages only; logs go
/// to the logger, which the caller points at standard error.
public struct MCPStdioTransport: Sendable {
    let server: MCPServer
    let user: User
    let session: MCPSession
    /// A fresh correlation id for each message, carried by the events its tool calls emit.
    let correlationIDs: @Sendable () -> String
    let logger: Logger

    public init(server: MCPServer, user: User, correlationIDs: @escaping @Sendable () -> String, logger: Logger) {
        self.server = server
        self.user = user
        self.session = MCPSession(id: "stdio", userID: user.id)
        self.correlationIDs = correlationIDs
        self.logger = logger
    }

    /// Serves until `readLine` returns nil (end of input). `write` gets each response line,
    /// newline included; when it throws (the client went away) serving stops.
    public func serve(readLine: () -> String?, write: ([UInt8]) throws -> Void) {
        while let line = readLine() {
            guard let reply = respond(toLine: line) else { continue }

            do {
                try write(reply)
            } catch {
                logger.info("The MCP client stopped reading", [LogKey.error: String(describing: error)])
                return
            }
        }
        logger.info("MCP client closed the connection")
    }

    /// The response line for one input line, or nil when nothing is to be sent (a notification,
    /// a blank line).
    func respond(toLine line: String) -> [UInt8]? {
        guard line.contains(where: { !$0.isWhitespace }) else { return nil }

        let response: JSONValue?
        switch MCPServer.decode(Array(line.utf8)) {
        case .success(let inbound):
            response = server.respond(to: inbound, session: session, user: user, correlationID: correlationIDs())
        case .failure(let error):
            response = JSONRPCResponse.error(error, id: nil)
        }
        guard var bytes = response?.serialized() else { return nil }
        bytes.append(UInt8(ascii: "\n"))
        return bytes
    }
}
