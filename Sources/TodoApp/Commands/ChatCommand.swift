import Foundation
import TodoChat
import TodoCore

#if canImport(Glibc)
    import Glibc
#endif

/// `chat`: an interactive chat with the running backend over HTTP, or with `--dry-run` the tool
/// calls the offline engine would make for one message.
enum ChatCommand: Command {
    static let name = "chat"
    static let summary = "chat with your tasks in the terminal (or show a plan with --dry-run)"
    static let help = """
        Usage: todo-chatbot chat [--email EMAIL] [--url URL] [--conversation ID]
               todo-chatbot chat --dry-run [--now RFC3339] [--tz IANA] [--tasks FILE] [--context FILE] MESSAGE...

        Interactive: talks to the running backend (`todo-chatbot serve`) over HTTP through
        POST /api/chat, one line per message, and prints each reply. The conversation is stored by
        the server, so --conversation ID resumes one (`GET /api/conversations` lists them). Type
        /new for a new conversation and /quit (or end the input) to stop.

        Signing in: the token in TODO_TOKEN if set; otherwise --email and the password from
        TODO_PASSWORD or, on a terminal, a prompt that does not echo.

        Options:
          --email EMAIL        the account to log in as
          --url URL            the backend (default: http://<http.host>:<ports.backend>)
          --conversation ID    continue this stored conversation

        Dry run (for debugging and evaluation) plans MESSAGE with the offline English engine and
        prints the plan as JSON, running nothing and needing no server:
          --dry-run        plan only
          --now TIME       the current time, RFC 3339 with an offset (default: now)
          --tz ZONE        the user's IANA timezone, such as Europe/Berlin (default: the system's)
          --tasks FILE     the user's tasks to resolve "the meeting task" or "task 3" against: a JSON array
                           of {"id", "title", "priority", "tags", "due_at" or "due_date", "recurrence",
                           "completed"}, pending tasks in list order first (Fixtures/chat-corpus.json works)
          --context FILE   earlier turns as stored: a JSON array of {"message", "reply", "task_ids",
                           "listed", "pending"}, oldest first

        Dry-run output, one JSON object:
          kind       "act" (run calls now), "confirm" (ask, then run calls), "clarify" (ask, run
                     nothing) or "reply" (answer, run nothing)
          intent     add, list, complete, reopen, delete, update, remind, confirm, deny, greeting,
                     thanks, farewell, help, small_talk, clock or unknown
          calls      [{"tool": NAME, "arguments": {...}}], tools add_task, list_tasks, complete_task,
                     delete_task, update_task, set_reminder, arguments as their JSON Schemas say
          message    the question or reply for confirm, clarify and reply; null for act
          pending    what answering the question will do, or null: {"kind": "confirm", "calls"},
                     {"kind": "choose_task", "call", "candidates"} or {"kind": "supply_date", "calls"}
          task_ids   the tasks the plan is about, in the order shown

        Examples:
          TODO_PASSWORD=... todo-chatbot chat --email ada@example.com
          todo-chatbot chat --dry-run --now 2026-03-07T21:00:00-05:00 --tz America/New_York \\
            "remind me to call mom tomorrow at 9am"
        """

    static func run(_ arguments: inout Arguments, global: GlobalOptions) throws {
        if arguments.flag("dry-run") {
            try dryRun(&arguments)
            return
        }

        var global = global
        let email = try arguments.option("email")
        let url = try arguments.option("url")
        var conversation = try arguments.option("conversation")
        try global.takeCommonOverrides(&arguments)
        if let word = arguments.positional() {
            throw CLIError.usage("The interactive chat reads messages from the input, not '\(word)'; see --dry-run")
        }
        try arguments.finish()

        var client = ChatHTTPClient(baseURL: try url ?? defaultURL(global), token: global.environment["TODO_TOKEN"])
        if client.token == nil {
            guard let email else { throw CLIError.usage("Give --email (or a token in TODO_TOKEN)") }
            try client.logIn(email: email, password: try password(global))
        }

        let interactive = isatty(STDIN_FILENO) == 1
        if interactive { print("Chatting as \(email ?? "the TODO_TOKEN user"). /new starts over, /quit ends.") }
        while true {
            if interactive { print("you> ", terminator: "") }
            guard let line = readLine() else { break }
            let message = line.trimmingCharacters(in: .whitespaces)
            if message.isEmpty { continue }
            if message == "/quit" { break }
            if message == "/new" {
                conversation = nil
                continue
            }
            conversation = try exchange(message, in: conversation, client: client) ?? conversation
        }
    }

    /// Sends one message and prints the reply; returns the conversation it was stored in. Errors
    /// the user can act on (a rate limit, an over-long message) are printed and the chat goes on.
    private static func exchange(_ message: String, in conversation: String?, client: ChatHTTPClient) throws -> String?
    {
        var body: [String: JSONValue] = ["message": .string(message)]
        if let conversation { body["conversation_id"] = .string(conversation) }
        let response = try client.send(.post, "/api/chat", json: .object(body))

        switch response.status {
        case 200:
            print(response.json["reply"]?.stringValue ?? "")
            return response.json["conversation_id"]?.stringValue
        case 401:
            throw CLIError.failure("The server refused the token: \(response.errorMessage)")
        case 429:
            printError("Slow down: \(response.errorMessage)")
        default:
            printError(response.errorMessage)
        }
        return nil
    }

    private static func defaultURL(_ global: GlobalOptions) throws -> String {
        let settings = try global.loadSettings()
        let host = settings.host == "0.0.0.0" || settings.host == "::" ? "127.0.0.1" : settings.host
        return "http://\(host):\(settings.ports[.backend] ?? 8000)"
    }

    private static func password(_ global: GlobalOptions) throws -> String {
        if let password = global.environment["TODO_PASSWORD"] { return password }
        guard isatty(STDIN_FILENO) == 1, let typed = getpass("Password: ") else {
            throw CLIError.usage("Set TODO_PASSWORD (the input is not a terminal to prompt on)")
        }
        return String(cString: typed)
    }

    private static func printError(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }
}
