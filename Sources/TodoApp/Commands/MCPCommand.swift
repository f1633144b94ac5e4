import Foundation
import TodoCore
import TodoLogging
import TodoMCP

/// `mcp`: the task tools over MCP's stdio transport, for a desktop assistant or an editor that
/// starts the server itself. It acts as the user an access token names, on the configured
/// storage, so its changes reach a running stack's services as events.
enum MCPCommand: Command {
    static let name = "mcp"
    static let summary = "serve the task tools over MCP on stdin/stdout"
    static let tokenVariable = "TODO_MCP_TOKEN"
    static let help = """
        Usage: todo-chatbot mcp [--token TOKEN] [options]

        Serves the task tools (add_task, list_tasks, complete_task, ...) over the Model Context
        Protocol: newline-delimited JSON-RPC on stdin and stdout. Logs go to stderr only.
        Every call acts as the user of the access token, from --token or TODO_MCP_TOKEN; get one
        with POST /api/auth/login. An expired or invalid token, or a deleted account, stops the
        command before it serves anything; while it serves, each tools/list and tools/call checks
        again, and once the token has expired or the account is gone that request gets a JSON-RPC
        error (-32001, data.code token_expired or account_not_found) and the command exits with 1.

        Options:
          --token TOKEN         access token (default: TODO_MCP_TOKEN, which, unlike a flag, other
                                local users cannot read in the process list)
          --data-dir PATH       data directory of the server whose users it serves (data_dir,
                                TODO_DATA_DIR); it must hold that server's database and, without
                                auth.jwt_secret, its jwt-secret file: nothing is created there
          --database-url URL    database (database.url, DATABASE_URL)
          --log-level LEVEL     trace, debug, info, warning or error (log.level, LOG_LEVEL)

        The Streamable HTTP transport is served by the backend at /mcp.
        """

    static func run(_ arguments: inout Arguments, global: GlobalOptions) throws {
        var global = global
        let flagToken = try arguments.option("token")
        try global.takeCommonOverrides(&arguments)
        try arguments.finish()
        guard let token = flagToken ?? global.environment[tokenVariable], !token.isEmpty else {
            throw CLIError.usage("An access token is required: pass --token or set \(tokenVariable)")
        }

        let settings = try global.loadSettings()
        let logger = Logger(service: "todo-chatbot", level: settings.logLevel, sink: StandardOutputSink.standardError)
            .with(LogKey.service, name)
        // Existing data only: a mistyped --data-dir is an error, not a new database and secret.
        let composition = try Composition(
            settings: settings, logger: logger, clock: SystemTimeSource(), existingDataOnly: true)
        defer { composition.close() }

        let user: User
        do {
            user = try composition.user(forAccessToken: token)
        } catch let error as AppError {
            throw CLIError.failure("The access token was refused: \(error.message) (\(error.code))")
        }

        let transport = composition.mcpStdioTransport(user: user, token: token, logger: logger)
        // A client that goes away closes the pipe: the next write then fails with EPIPE and serving
        // ends normally (closing the database) instead of the process dying of SIGPIPE.
        signal(SIGPIPE, SIG_IGN)
        logger.info("Serving MCP on stdio", [LogKey.userID: user.id, "profile": settings.profileName])
        // Lines are bounded like request bodies on /mcp (http.max_body_bytes).
        let input = StdioLineReader(maxLineBytes: settings.maxBodyBytes)
        let ending = transport.serve(
            next: input.next, write: { bytes in try FileHandle.standardOutput.write(contentsOf: Data(bytes)) })
        if case .accessEnded(let refusal) = ending {
            throw CLIError.failure("MCP access ended: \(refusal.message) (\(refusal.code))")
        }
    }
}
