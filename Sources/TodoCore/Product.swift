/// The product's name and release, where its parts name themselves: `version`, the MCP server's
/// `serverInfo`, the User-Agent of outbound requests.
public enum Product {
    public static let name = "todo-chatbot"
    public static let version = "0.1.0"

    /// `todo-chatbot/0.1.0`.
    public static var userAgent: String { "\(name)/\(version)" }
}
