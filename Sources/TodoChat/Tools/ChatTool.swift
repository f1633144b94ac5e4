import TodoCore

/// One operation on a user's tasks, defined once and served to every caller: the offline chat
/// engine, a language model's tool loop and the MCP server. The definition holds the name, the
/// description a model reads, the argument schema (published and enforced) and the handler.
public struct ChatTool: Sendable {
    /// Runs a call whose arguments already passed ``validate(_:)``; throws `AppError`s for
    /// failures the caller should see.
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
