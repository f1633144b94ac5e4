import TodoChat
import TodoCore
import TodoLogging

extension MCPServer {
    /// Dispatches one request. Before `initialize` only `initialize` and `ping` are served, as the
    /// lifecycle requires.
    func handle(method: String, params: JSONValue?, call: Call) -> Result<JSONValue, JSONRPCError> {
        switch method {
        case "initialize":
            return initialize(params, session: call.session)
        case "ping":
            return .success(.object([:]))
        default:
            break
        }

        guard call.session.protocolVersion != nil else {
            return .failure(.invalidRequest("The session is not initialized: send initialize first"))
        }
        switch method {
        case "tools/list":
            return .success(.object(["tools": toolbox.descriptors]))
        case "tools/call":
            return callTool(params, call: call)
        default:
            return .failure(.methodNotFound(method))
        }
    }

    /// `initialize`: negotiates the version and states what this server offers (tools only; the
    /// list never changes while a session lasts).
    func initialize(_ params: JSONValue?, session: MCPSession) -> Result<JSONValue, JSONRPCError> {
        guard let requested = params?["protocolVersion"]?.stringValue else {
            return .failure(
                .invalidParams("initialize needs params.protocolVersion (a string)", parameter: "protocolVersion"))
        }
        let negotiated = ProtocolVersion.negotiate(requested)
        guard session.begin(version: negotiated) else {
            return .failure(.invalidRequest("The session is already initialized"))
        }

        return .success(
            .object([
                "protocolVersion": .string(negotiated),
                "capabilities": ["tools": ["listChanged": false]],
                "serverInfo": ["name": .string(name), "version": .string(version)],
                "instructions": """
                Tools for the signed-in user's todo list: add, list, complete, update and delete tasks and set \
                reminders. Every tool acts for the user whose token opened this session.
                """,
            ]))
    }

    /// `tools/call`: runs the named tool for the session's user. A tool that does not exist is a
    /// protocol error (`-32602`), as MCP lists it; arguments the schema refuses are tool errors
    /// (`isError: true`): the caller, often a model, reads the message and corrects the call.
    func callTool(_ params: JSONValue?, call: Call) -> Result<JSONValue, JSONRPCError> {
        guard let name = params?["name"]?.stringValue else {
            return .failure(.invalidParams("tools/call needs params.name (a string)", parameter: "name"))
        }
        guard toolbox.tool(named: name) != nil else {
            return .failure(.invalidParams("Unknown tool '\(name)'; tools/list names the tools", parameter: "name"))
        }
        // Absent and `null` are both no arguments.
        let sent = params?["arguments"]
        let arguments = sent == nil || sent == .null ? .object([:]) : sent!
        guard arguments.objectValue != nil else {
            return .failure(.invalidParams("params.arguments must be an object", parameter: "arguments"))
        }

        let context = ToolContext(
            user: call.user, tasks: tasks,
            change: ChangeContext(correlationID: call.correlationID, source: Self.eventSource))
        let result = toolbox.run(ToolCall(tool: name, arguments: arguments), in: context)
        var metadata = [LogKey.tool: name, LogKey.userID: call.user.id]
        metadata[LogKey.errorCode] = result.errorCode
        if let diagnostic = result.diagnostic {
            // The client sees only `internal_error`; what failed must reach the operator.
            logger.error("MCP tool failed with an internal error", metadata.merging([LogKey.error: diagnostic]) { $1 })
        } else {
            logger.debug("MCP tool called", metadata)
        }
        return .success(result.mcpResult)
    }
}
