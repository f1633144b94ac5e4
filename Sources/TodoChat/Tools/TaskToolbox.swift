import TodoCore

/// The task tools: add_task, list_tasks, complete_task, delete_task, update_task and
/// set_reminder. This is the one list the chat engine, the language-model loop and MCP share.
public struct TaskToolbox: Sendable {
    public let tools: [ChatTool]

    public init() {
        tools = [
            Self.addTask, Self.listTasks, Self.completeTask, Self.deleteTask, Self.updateTask, Self.setReminder,
        ]
    }

    /// The tool called `name`, if there is one.
    public func tool(named name: String) -> ChatTool? {
        tools.first { $0.name == name }
    }

    /// Runs `call` for `context.user`; an unknown tool is an error result (`unknown_tool`).
    public func run(_ call: ToolCall, in context: ToolContext) -> ToolResult {
        guard let tool = tool(named: call.tool) else {
            return ToolResult(
                error: AppError(.badRequest, code: "unknown_tool", message: "There is no tool named '\(call.tool)'"))
        }
        return tool.call(call.arguments, in: context)
    }

    /// The tools in the shape of MCP `tools/list`: name, description and `inputSchema`.
    public var descriptors: JSONValue {
        .array(
            tools.map { tool in
                .object([
                    "name": .string(tool.name), "description": .string(tool.description),
                    "inputSchema": tool.inputSchema,
                ])
            })
    }
}
