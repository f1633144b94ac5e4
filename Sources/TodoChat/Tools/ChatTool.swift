import TodoCore

/// One operation on a user's tasks, defined once and served to every caller: the offline chat
/// engine, a language model's tool loop and the MCP server. The definition holds the name, the
/// description a model reads, the argument schema (published and enforced) and the handler.
public struct ChatTool: Sendable {
    public typealias Handler = @Sendable (_ arguments: JSONValue, _ context: ToolContext) throws -> JSONValue

    public let name: String
    public let description: String
    /// An object schema; arguments are checked against it before the handler sees them.
    public let parameters: JSONSchema
    private let handler: Handler

    public init(name: String, description: String, parameters: JSONSchema, handler: @escaping Handler) {
        self.name = name
        self.description = description
        self.parameters = parameters
        self.handler = handler
    }

    /// The JSON Schema of the arguments.
    public var inputSchema: JSONValue { parameters.document }

    /// Checks `arguments` against the schema; returns them with lenient readings applied (see
    /// ``JSONSchema/validate(_:at:into:)``), or throws a 422 `validation_failed` listing every
    /// problem.
    public func validate(_ arguments: JSONValue) throws(AppError) -> JSONValue {
        var problems = ValidationErrors()
        let checked = parameters.validate(arguments, at: "", into: &problems)
        try problems.throwIfAny()
        guard let checked else { throw ValidationErrors().asError() }
        return checked
    }

    /// Validates and runs the call for `context.user`. Failures come back as an error result,
    /// never as a thrown error, so a caller can hand any outcome to a model or a client.
    public func call(_ arguments: JSONValue, in context: ToolContext) -> ToolResult {
        do {
            let checked = try validate(arguments)
            return ToolResult(value: try handler(checked, context), isError: false)
        } catch let error as AppError {
            return ToolResult(error: error)
        } catch {
            return ToolResult(error: AppError.internal("tool \(name): \(error)"))
        }
    }
}

/// What the tools act with: the calling user (every tool is scoped to their tasks), the task
/// use cases, and what to name as the cause in the events a change emits.
public struct ToolContext: Sendable {
    public let user: User
    public let tasks: TaskService
    public let change: ChangeContext

    /// The source events name when a caller does not say: the chat service.
    public static let chatSource = "/chat"

    public init(
        user: User, tasks: TaskService,
        change: ChangeContext = ChangeContext(correlationID: nil, source: ToolContext.chatSource)
    ) {
        self.user = user
        self.tasks = tasks
        self.change = change
    }
}

/// A tool's outcome as JSON: the structured result, or `{"error": {code, message, fields?}}`.
public struct ToolResult: Sendable, Equatable {
    public let value: JSONValue
    public let isError: Bool

    public init(value: JSONValue, isError: Bool) {
        self.value = value
        self.isError = isError
    }

    /// An error result. Only the safe parts of `error` are kept: debug context never leaves.
    public init(error: AppError) {
        var members: [String: JSONValue] = ["code": .string(error.code), "message": .string(error.message)]
        if let fields = error.details?["fields"] { members["fields"] = fields }
        self.init(value: .object(["error": .object(members)]), isError: true)
    }

    /// The error code of an error result.
    public var errorCode: String? {
        value["error"]?["code"]?.stringValue
    }
}

/// A request to run a tool: which one, with what arguments.
public struct ToolCall: Sendable, Equatable {
    public let tool: String
    public let arguments: JSONValue

    public init(tool: String, arguments: JSONValue) {
        self.tool = tool
        self.arguments = arguments
    }

    /// `{"tool": ..., "arguments": {...}}`, the shape dry runs print and conversations store.
    public var json: JSONValue {
        .object(["tool": .string(tool), "arguments": arguments])
    }

    /// Reads the shape ``json`` writes; nil for anything else.
    public init?(json: JSONValue) {
        guard let tool = json["tool"]?.stringValue, let arguments = json["arguments"], arguments.objectValue != nil
        else { return nil }
        self.init(tool: tool, arguments: arguments)
    }
}
