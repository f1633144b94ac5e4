import TodoChat
import TodoCore
import TodoLogging

/// The MCP protocol, independent of transport: reads JSON-RPC messages, runs the lifecycle
/// (`initialize`, `notifications/initialized`, `ping`) and serves the task tools
/// (`tools/list`, `tools/call`) for a session's user.
///
/// Transports hand it the bytes of one message (a stdio line, an HTTP body) and send back what
/// it returns. Protocol problems become JSON-RPC errors; a tool that fails is a result with
/// `isError: true`, so a model or user can read why and try again.
public struct MCPServer: Sendable {
    /// `serverInfo` of the `initialize` result.
    public let name: String
    public let version: String
    let toolbox: TaskToolbox
    let tasks: TaskService
    let logger: Logger

    /// The source events of MCP changes name.
    public static let eventSource = "/mcp"

    /// The most messages one batch may hold. A batch runs its calls one after another on the
    /// worker that received it, and its response is built whole in memory: without a bound, one
    /// body under the size limit (thousands of `list_tasks` calls) holds a worker for most of a
    /// minute and answers with over a hundred megabytes. Twenty covers what clients batch in
    /// practice (a handful of calls); a larger batch is refused whole, before any of it runs.
    public static let maxBatchMessages = 20

    public init(version: String, tasks: TaskService, toolbox: TaskToolbox = TaskToolbox(), logger: Logger) {
        self.name = "todo-chatbot"
        self.version = version
        self.toolbox = toolbox
        self.tasks = tasks
        self.logger = logger
    }

    /// What one transport message held: one JSON-RPC message or a batch of them.
    public enum Inbound: Sendable, Equatable {
        case single(JSONValue)
        case batch([JSONValue])
    }

    /// Parses the bytes of one transport message; `-32700` when they are not JSON.
    public static func decode(_ bytes: [UInt8]) -> Result<Inbound, JSONRPCError> {
        let value: JSONValue
        do {
            value = try JSONValue.parse(bytes)
        } catch {
            return .failure(.parseError())
        }
        if case .array(let members) = value { return .success(.batch(members)) }
        return .success(.single(value))
    }

    /// Checks, before a request that acts, that the caller may still act: nil when they may, else
    /// why not (an expired token, a deleted account). The stdio transport, which authenticated
    /// once at startup, passes one; Streamable HTTP authenticates every request and passes none.
    public typealias AccessCheck = @Sendable () -> AppError?

    /// The methods that act for the user or show what they may do, checked with ``AccessCheck``.
    static let checkedMethods: Set<String> = ["tools/list", "tools/call"]

    /// Whether `inbound` is an `initialize` request, which opens a session.
    public static func isInitializeRequest(_ inbound: Inbound) -> Bool {
        guard case .single(let value) = inbound, case .success(let message) = JSONRPCMessage.read(value),
            case .request(_, "initialize", _) = message
        else { return false }
        return true
    }

    /// The response to send for `inbound`, or nil when it held only notifications and responses.
    /// `correlationID` goes into the events of every change the calls make; `checkAccess` runs
    /// before each `tools/list` and `tools/call`, whose refusal answers that request.
    public func respond(
        to inbound: Inbound, session: MCPSession, user: User, correlationID: String?,
        checkAccess: AccessCheck? = nil
    ) -> JSONValue? {
        let call = Call(session: session, user: user, correlationID: correlationID, checkAccess: checkAccess)
        switch inbound {
        case .single(let value):
            return respond(toMessage: value, call: call)
        case .batch(let members):
            guard let version = session.protocolVersion, ProtocolVersion.allowsBatches(version) else {
                let reason = "JSON-RPC batches are not supported in this protocol version; send one message at a time"
                return JSONRPCResponse.error(.invalidRequest(reason), id: nil)
            }
            guard !members.isEmpty else {
                return JSONRPCResponse.error(.invalidRequest("A batch must not be empty"), id: nil)
            }
            guard members.count <= Self.maxBatchMessages else {
                return JSONRPCResponse.error(.batchTooLarge(members.count, limit: Self.maxBatchMessages), id: nil)
            }
            let responses = members.compactMap { respond(toMessage: $0, call: call) }
            return responses.isEmpty ? nil : .array(responses)
        }
    }

    /// One message: a request gets a result or an error; anything else gets nothing, except a
    /// message that cannot be read, which is answered with `-32600`.
    func respond(toMessage value: JSONValue, call: Call) -> JSONValue? {
        let session = call.session
        // Transports look sessions up by their user; this guards against one that did not.
        guard session.userID == call.user.id else {
            logger.error("MCP session used with another user's identity", [LogKey.userID: call.user.id])
            return JSONRPCResponse.error(.internalError(), id: nil)
        }

        let message: JSONRPCMessage
        switch JSONRPCMessage.read(value) {
        case .success(let read): message = read
        case .failure(let rejected): return JSONRPCResponse.error(rejected.error, id: rejected.id)
        }

        switch message {
        case .response:
            return nil
        case .notification(let method, _):
            if method == "notifications/initialized", session.protocolVersion != nil { session.markClientReady() }
            return nil
        case .request(let id, let method, let params):
            if Self.checkedMethods.contains(method), let refusal = call.checkAccess?() {
                return JSONRPCResponse.error(.accessRefused(refusal), id: id)
            }
            switch handle(method: method, params: params, call: call) {
            case .success(let result): return JSONRPCResponse.result(result, id: id)
            case .failure(let error): return JSONRPCResponse.error(error, id: id)
            }
        }
    }

    /// Who a request is handled for.
    struct Call {
        let session: MCPSession
        let user: User
        let correlationID: String?
        let checkAccess: AccessCheck?
    }
}
