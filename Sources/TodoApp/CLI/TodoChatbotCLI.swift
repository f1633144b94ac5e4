import Foundation
import TodoCore
import TodoLogging

/// The `todo-chatbot` command line: global options, then a command and its arguments.
public enum TodoChatbotCLI {
    static var commands: [any Command.Type] {
        [
            ServeCommand.self, DemoCommand.self, ProfileCommand.self, MigrateCommand.self, HealthCommand.self,
            TopicCommand.self, GroupCommand.self, KafkaCommand.self, BenchCommand.self, ChatCommand.self,
            MCPCommand.self, VersionCommand.self,
        ]
    }

    /// Runs the command line and returns the process exit status.
    public static func main(_ arguments: [String], environment: [String: String]) -> Int32 {
        var words = Arguments(Array(arguments.dropFirst()))
        do {
            let global = try GlobalOptions.parse(&words, environment: environment)
            guard let name = words.positional() else {
                if global.help || words.isEmpty {
                    print(usage)
                    return global.help ? 0 : 2
                }
                throw CLIError.usage("Expected a command")
            }
            guard let command = commands.first(where: { $0.name == name }) else {
                throw CLIError.usage("Unknown command '\(name)'. Run 'todo-chatbot --help' for the list.")
            }
            if global.help || words.wantsHelp() {
                print(command.help(for: words))
                return 0
            }
            try command.run(&words, global: global)
            return 0
        } catch let error as CLIError {
            FileHandle.standardError.write(Data("todo-chatbot: \(error.message)\n".utf8))
            if error.exitCode == 2 { FileHandle.standardError.write(Data("Run with --help for usage.\n".utf8)) }
            return error.exitCode
        } catch {
            FileHandle.standardError.write(Data("todo-chatbot: \(CLIError.describe(error))\n".utf8))
            return 1
        }
    }

    static var usage: String {
        """
        todo-chatbot — a todo app you talk to.

        Usage: todo-chatbot [global options] <command> [options]

        Commands:
        \(commands.map { "  " + $0.name.padding(toLength: 10, withPad: " ", startingAt: 0) + $0.summary }
            .joined(separator: "\n"))

        Global options:
          --profile NAME     use this profile (default: TODO_PROFILE, then the current profile, then 'local')
          --config PATH      profiles file (default: TODO_CONFIG or $XDG_CONFIG_HOME/todo-chatbot/config.yaml)
          --set KEY=VALUE    override one setting (repeatable); see 'profile show' for the keys
          --host, --data-dir, --database-url, --log-level VALUE
                             shortcuts for --set http.host, data_dir, database.url, log.level
          -h, --help         show help for todo-chatbot or a command

        Run 'todo-chatbot <command> --help' for a command's options.
        """
    }
}

/// One subcommand.
protocol Command {
    static var name: String { get }
    static var summary: String { get }
    static var help: String { get }
    /// The help for the rest of the command line, e.g. one action's (`profile create --help`).
    static func help(for arguments: Arguments) -> String
    static func run(_ arguments: inout Arguments, global: GlobalOptions) throws
}

extension Command {
    static func help(for arguments: Arguments) -> String { help }
}

extension CLIError {
    /// A one-line, user-safe description of any error a command can meet.
    static func describe(_ error: any Error) -> String {
        if let error = error as? CLIError { return error.message }
        if let error = error as? AppError {
            // An operator reads this: the step that failed matters for internal errors.
            let context = error.kind == .internal ? error.debugContext.map { " [\($0)]" } ?? "" : ""
            return "\(error.message) (\(error.code))\(context)"
        }
        return String(describing: error)
    }
}
