import Foundation
import TodoLogging

/// `demo`: creates the demo account with sample tasks from Fixtures, then exits.
enum DemoCommand: Command {
    static let name = "demo"
    static let summary = "create the demo account with sample tasks and print how to log in"
    static let help = """
        Usage: todo-chatbot demo [--data-dir PATH] [--database-url URL]

        Creates the account demo@todo-chatbot.local with realistic tasks read from
        Fixtures/demo-tasks.json (set TODO_FIXTURES_DIR to use another folder), dated relative
        to today. An existing demo account is left untouched. 'serve --demo' does the same at start.
        """

    static func run(_ arguments: inout Arguments, global: GlobalOptions) throws {
        var global = global
        try global.takeCommonOverrides(&arguments)
        try arguments.finish()

        let settings = try global.loadSettings()
        let composition = try Composition(settings: settings, logger: Logger(service: "todo-chatbot", level: .warning))
        defer { composition.close() }

        let account = try DemoData.install(into: composition, fixtures: DemoData.locateFixtures())
        print(DemoData.loginInstructions(account, host: settings.host, port: settings.ports[.backend] ?? 8000))
    }
}
