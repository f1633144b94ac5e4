import Foundation
import TodoCore
import TodoHTTP

/// `health [--service NAME]`: asks the running services' readiness endpoints and prints a table.
enum HealthCommand: Command {
    static let name = "health"
    static let summary = "check the running services' health endpoints"
    static let help = """
        Usage: todo-chatbot health [--service NAME [--port PORT] | --running] [--host ADDRESS]
                                   [--timeout SECONDS] [--json]

        Calls /health and /health/ready of each service on the configured host and ports (ports.<name>,
        or --port for the one --service names) and prints one row per service. Exits 1 when any
        checked service is not ready.

        --running checks only the services that are listening: one that refuses the connection is
        shown as not running and does not count, and it exits 1 when none is listening. This is the
        container image's health check, which does not know which service its command started.
        """

    struct Row {
        var service: String
        var url: String
        var live: Bool
        var status: Int?
        var detail: String
        var milliseconds: Int
        /// Nothing listens on its port: the connection was refused.
        var refused: Bool { detail == HealthCommand.notRunning }
    }

    static let notRunning = "not running"

    static func run(_ arguments: inout Arguments, global: GlobalOptions) throws {
        var global = global
        let json = arguments.flag("json")
        let runningOnly = arguments.flag("running")
        let only = try arguments.option("service")
        let service = try only.map { name in
            guard let service = ServiceName(named: name) else { throw CLIError.usage("Unknown service '\(name)'") }
            return service
        }
        if let port = try arguments.option("port") {
            guard let service else { throw CLIError.usage("--port needs --service NAME") }
            global.set(service.portKey, to: port, flag: "--port")
        }
        let timeout = try arguments.option("timeout").map { Double($0) } ?? 3
        try global.takeCommonOverrides(&arguments)
        try arguments.finish()
        guard let timeout, timeout > 0 else { throw CLIError.usage("--timeout takes a positive number of seconds") }

        let settings = try global.loadSettings()
        if runningOnly, service != nil { throw CLIError.usage("--running and --service exclude each other") }
        let names = service.map { [$0] } ?? ServiceName.allCases
        let host = settings.host == "0.0.0.0" || settings.host == "::" ? "127.0.0.1" : settings.host
        let rows = names.map { name in
            check(name.rawValue, base: "http://\(host):\(settings.ports[name] ?? 0)", timeout: timeout)
        }

        if json {
            print(
                CLIJSON.array(
                    rows.map { row in
                        .object([
                            "service": .string(row.service), "url": .string(row.url), "live": .bool(row.live),
                            "ready": .bool(row.status == 200),
                            "status": row.status.map { .number(Double($0)) } ?? .null,
                            "detail": .string(row.detail), "duration_ms": .number(Double(row.milliseconds)),
                        ])
                    }))
        } else {
            print(table(rows))
        }
        let checked = runningOnly ? rows.filter { !$0.refused } : rows
        if runningOnly, checked.isEmpty {
            throw CLIError(message: "no service is listening", exitCode: 1)
        }
        if checked.contains(where: { $0.status != 200 }) {
            throw CLIError(message: "not every service is ready", exitCode: 1)
        }
    }

    static func check(_ service: String, base: String, timeout: Double) -> Row {
        let started = Date()
        let live = fetch(base + "/health", timeout: timeout).status == 200
        let ready = fetch(base + "/health/ready", timeout: timeout)
        let elapsed = Int(Date().timeIntervalSince(started) * 1000)
        var detail = ready.error ?? "ready"
        let body = try? JSONValue.parse(ready.body)
        if ready.status != nil, ready.status != 200 {
            let failing = body?["failing"]?.arrayValue?.compactMap(\.stringValue) ?? []
            detail = failing.isEmpty ? "not ready" : "failing: " + failing.joined(separator: ", ")
        } else if let degraded = body?["degraded"]?.arrayValue?.compactMap(\.stringValue), !degraded.isEmpty {
            // Still ready (it takes traffic), but say what holds it back.
            detail = "degraded: " + degraded.joined(separator: ", ")
        }
        return Row(service: service, url: base, live: live, status: ready.status, detail: detail, milliseconds: elapsed)
    }

    /// One GET; blocks the calling thread (the CLI's main thread) until it completes or times out.
    static func fetch(_ url: String, timeout: Double) -> (status: Int?, body: [UInt8], error: String?) {
        do {
            let response = try HTTPClient(timeout: timeout).send(OutboundRequest(.get, url, timeout: timeout))
            return (response.status, response.body, nil)
        } catch .timedOut {
            return (nil, [], "timed out")
        } catch .unreachable(_, HTTPClientError.connectionRefused) {
            return (nil, [], notRunning)
        } catch {
            return (nil, [], "unreachable")
        }
    }

    static func table(_ rows: [Row]) -> String {
        var lines = ["SERVICE         STATUS  TIME    URL                          DETAIL"]
        for row in rows {
            let status = row.status.map(String.init) ?? "-"
            lines.append(
                row.service.padding(toLength: 16, withPad: " ", startingAt: 0)
                    + status.padding(toLength: 8, withPad: " ", startingAt: 0)
                    + "\(row.milliseconds)ms".padding(toLength: 8, withPad: " ", startingAt: 0)
                    + row.url.padding(toLength: 29, withPad: " ", startingAt: 0) + row.detail)
        }
        return lines.joined(separator: "\n")
    }
}
