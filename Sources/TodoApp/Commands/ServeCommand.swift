import Foundation
import TodoLogging

/// `serve [SERVICE...]`: the whole local stack in one process, or the named services.
enum ServeCommand: Command {
    static let name = "serve"
    static let summary = "start the services (all of them, or those named)"
    static var help: String {
        let services = ServiceName.allCases.map(\.rawValue).joined(separator: ", ")
        return """
            Usage: todo-chatbot serve [SERVICE...] [options]

            Starts every service of the local stack in one process, each on its own port, or only the
            services named (as Kubernetes runs them). Services: \(services).
            SIGINT or SIGTERM stops accepting connections, lets requests in flight finish, and closes
            the database.

            Options:
              --host ADDRESS        bind address (http.host, TODO_HOST; default 127.0.0.1)
              --port PORT           port, when one service is named (ports.backend, ports.recurring)
              --data-dir PATH       data directory (data_dir, TODO_DATA_DIR)
              --database-url URL    database (database.url, DATABASE_URL)
              --log-level LEVEL     trace, debug, info, warning or error (log.level, LOG_LEVEL)
              --demo                also create the demo account with sample tasks and print how to log in
            """
    }

    static func run(_ arguments: inout Arguments, global: GlobalOptions) throws {
        var global = global
        let demo = arguments.flag("demo")
        try global.takeCommonOverrides(&arguments)
        let port = try arguments.option("port")

        var names: [ServiceName] = []
        while let word = arguments.positional() {
            guard let service = ServiceName(named: word) else {
                let known = ServiceName.allCases.map(\.rawValue).joined(separator: ", ")
                throw CLIError.usage("Unknown service '\(word)'; known: \(known)")
            }
            if !names.contains(service) { names.append(service) }
        }
        if names.isEmpty { names = ServiceName.localStack }
        if let port {
            guard names.count == 1 else { throw CLIError.usage("--port needs exactly one service name") }
            global.set(names[0].portKey, to: port, flag: "--port")
        }
        try arguments.finish()

        let settings = try global.loadSettings()
        let logger = Logger(service: "todo-chatbot", level: settings.logLevel)
        // The web UI alone needs neither storage nor a broker (see frontendOnlyServices).
        let composition = names == [.frontend] && !demo ? nil : try Composition(settings: settings, logger: logger)
        defer { composition?.close() }

        if demo, let composition {
            let account = try DemoData.install(into: composition, fixtures: DemoData.locateFixtures())
            let instructions = DemoData.loginInstructions(
                account, host: settings.host, port: settings.ports[.backend] ?? 8000)
            // Written unbuffered, so it shows before the first log line even when stdout is a pipe.
            FileHandle.standardOutput.write(Data((instructions + "\n").utf8))
        }

        let services =
            composition.map { $0.processServices(serving: names) + names.flatMap($0.services) }
            ?? Composition.frontendOnlyServices(settings: settings, logger: logger)
        logger.info(
            "Starting", ["profile": settings.profileName, "services": names.map(\.rawValue).joined(separator: ",")])
        try ServiceGroup(services: services, logger: logger).run()
    }
}
