import Foundation
import TodoCore
import TodoHTTP
import TodoLogging

/// `bench`: starts a private backend on a fresh SQLite file (or the database `--database-url`
/// names) and drives it over loopback with wrk (N keep-alive connections for a bounded time per
/// scenario), next to a bare libmicrohttpd handler measured in the same run.
enum BenchCommand: Command {
    static let name = "bench"
    static let summary = "measure the API under load (req/s, p50/p99) with wrk"
    static let help = """
        Usage: todo-chatbot bench [--duration SECONDS] [--connections N] [--threads N]
                                  [--scenario NAME]... [--database-url URL] [--json]
               todo-chatbot bench events [--samples N] [--json]
               todo-chatbot bench reminders [--count N] [--json]
               todo-chatbot bench kafka [--messages N] [--batch N] [--samples N] [--json]

        Starts the backend in this process on a temporary SQLite database (port 0, logging at
        warning), seeds a user with tasks, and runs wrk (apt install wrk) against it, one scenario
        after the other. Scenarios: bare (a bare libmicrohttpd handler, the baseline), health,
        create, list (100 tasks per page), complete, mcp-list (the same page through MCP's
        list_tasks). Prints req/s, p50 and p99 latency per scenario, and health as a share of bare.

        Options:
          --duration SECONDS   length of each scenario (default 10)
          --connections N      concurrent keep-alive connections (default 64)
          --threads N          wrk threads (default 2)
          --scenario NAME      run only this scenario (repeatable)
          --database-url URL   measure on this database instead, e.g. postgres://…; it is
                               migrated, and the run adds its users and their tasks to it
                               (bench events and bench reminders take it too)
          --json               print the results as JSON

        bench events measures, in one process on a temporary SQLite database, the time from a
        task change's commit to the handler of a consumer of task-events (the embedded log's
        wake-up path), over --samples changes (default 2000) made one at a time 2 ms apart, and
        prints p50, p99 and the maximum.

        bench reminders creates --count tasks (default 10000) whose reminders fall due in the
        same minute, runs the notification service on them, and prints the delivery lateness
        (delivered minus due) p50, p99 and maximum.

        bench kafka starts librdkafka's mock cluster in this process and measures the Kafka path:
        the produce rate of --messages (default 200000) 1 KiB messages published in batches of
        --batch (default 1000), each batch acknowledged before the next; the acknowledgement time
        of 500 one-message publishes; and, with events.broker=kafka, the time from a task change's
        commit through the outbox relay and the broker to a consumer's handler, over --samples
        changes (default 2000) 2 ms apart.
        """

    static func run(_ arguments: inout Arguments, global: GlobalOptions) throws {
        var global = global
        let json = arguments.flag("json")
        // Options first: their values must not be read as the bench name.
        let samples = try arguments.intOption("samples", default: 2000, range: 10...1_000_000)
        let reminderCount = try arguments.intOption("count", default: 10_000, range: 10...1_000_000)
        let messages = try arguments.intOption("messages", default: 200_000, range: 1...10_000_000)
        let batch = try arguments.intOption("batch", default: 1000, range: 1...100_000)
        let duration = try arguments.intOption("duration", default: 10, range: 1...3600)
        let connections = try arguments.intOption("connections", default: 64, range: 1...10_000)
        let threads = try arguments.intOption("threads", default: 2, range: 1...64)
        let only = try arguments.options("scenario")
        let databaseURL = try arguments.option("database-url")
        let events = arguments.positional()
        if let events, !["events", "reminders", "kafka"].contains(events) {
            throw CLIError.usage("Unknown bench '\(events)'; try 'bench events', 'bench reminders' or 'bench kafka'")
        }
        for name in only where !BenchScenario.names.contains(name) {
            throw CLIError.usage("Unknown scenario '\(name)'; known: \(BenchScenario.names.joined(separator: ", "))")
        }
        try arguments.finish()

        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("todo-bench-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        global.overrides["data_dir"] = directory.path
        global.overrides["database.url"] = databaseURL ?? "sqlite://\(directory.path)/bench.db"
        global.overrides["database.auto_migrate"] = "true"
        global.overrides["ports.backend"] = "0"
        global.overrides["http.host"] = "127.0.0.1"
        global.overrides["log.level"] = "warning"
        let settings = try global.loadSettings()
        if events == "events" {
            try runEvents(settings: settings, samples: samples, json: json)
            return
        }
        if events == "reminders" {
            try runReminders(settings: settings, count: reminderCount, json: json)
            return
        }
        if events == "kafka" {
            let bench = KafkaBench(settings: settings, messages: messages, batch: batch, singles: 500, samples: samples)
            try runKafka(bench, json: json)
            return
        }
        let wrk = try WrkRunner.locate()

        let stack = try BenchStack(settings: settings)
        defer { stack.stop() }
        let scenarios = BenchScenario.all(
            token: stack.writerToken, listToken: stack.listToken, completeIDs: stack.completeIDs,
            mcpSession: stack.mcpSession
        ).filter { only.isEmpty || only.contains($0.name) }

        var results: [(BenchScenario, WrkResult)] = []
        for scenario in scenarios {
            if !json { FileHandle.standardError.write(Data("running \(scenario.name) for \(duration)s…\n".utf8)) }
            let port = scenario.target == .bare ? stack.barePort : stack.backendPort
            let result = try wrk.run(
                scenario, url: "http://127.0.0.1:\(port)", duration: duration, connections: connections,
                threads: threads, directory: directory)
            results.append((scenario, result))
        }
        print(
            json ? BenchReport.json(results, duration: duration, connections: connections) : BenchReport.table(results))
    }
}

extension BenchCommand {
    static func runEvents(settings: AppSettings, samples: Int, json: Bool) throws {
        let composition = try Composition(settings: settings, logger: Logger(service: "bench", level: .warning))
        defer { composition.close() }

        let result = try EventLatencyBench(composition: composition, samples: samples, pause: .milliseconds(2)).run()
        let rows: [(String, Double)] = [
            ("p50_ms", result.percentile(0.5)), ("p99_ms", result.percentile(0.99)),
            ("max_ms", result.latencies.max() ?? .nan),
        ]
        if json {
            var fields = rows.reduce(into: [String: JSONValue]()) { $0[$1.0] = .number(($1.1 * 1000).rounded() / 1000) }
            fields["samples"] = .number(Double(result.latencies.count))
            print(CLIJSON.object(fields))
        } else {
            print("commit → handler over \(result.latencies.count) changes")
            for (name, value) in rows {
                print(name.padding(toLength: 8, withPad: " ", startingAt: 0) + String(format: "%.3f", value))
            }
        }
        if result.latencies.count < samples {
            throw CLIError.failure(
                "Only \(result.latencies.count) of \(samples) events reached the handler within 10 s")
        }
    }
}

extension BenchCommand {
    static func runReminders(settings: AppSettings, count: Int, json: Bool) throws {
        let composition = try Composition(settings: settings, logger: Logger(service: "bench", level: .warning))
        defer { composition.close() }

        let lateness = try ReminderLatencyBench(composition: composition, count: count).run().sorted()
        func percentile(_ fraction: Double) -> Double {
            lateness.isEmpty ? .nan : lateness[min(lateness.count - 1, Int(Double(lateness.count) * fraction))]
        }
        let rows: [(String, Double)] = [
            ("p50_ms", percentile(0.5)), ("p99_ms", percentile(0.99)), ("max_ms", lateness.last ?? .nan),
        ]
        if json {
            var fields = rows.reduce(into: [String: JSONValue]()) { $0[$1.0] = .number(($1.1 * 10).rounded() / 10) }
            fields["delivered"] = .number(Double(lateness.count))
            print(CLIJSON.object(fields))
        } else {
            print("delivery lateness of \(lateness.count) reminders due within one minute")
            for (name, value) in rows {
                print(name.padding(toLength: 8, withPad: " ", startingAt: 0) + String(format: "%.1f", value))
            }
        }
        if lateness.count < count {
            throw CLIError.failure("Only \(lateness.count) of \(count) reminders were delivered within two minutes")
        }
    }
}

extension BenchCommand {
    static func runKafka(_ bench: KafkaBench, json: Bool) throws {
        let result = try bench.run()
        let acks = result.singleAck.sorted()
        let ack = { (fraction: Double) in
            acks.isEmpty ? .nan : acks[min(acks.count - 1, Int(Double(acks.count) * fraction))]
        }
        let rows: [(String, Double)] = [
            ("produce_msgs_per_s", result.messagesPerSecond), ("produce_mib_per_s", result.megabytesPerSecond),
            ("single_ack_p50_ms", ack(0.5)), ("single_ack_p99_ms", ack(0.99)),
            ("e2e_p50_ms", result.endToEnd.percentile(0.5)), ("e2e_p99_ms", result.endToEnd.percentile(0.99)),
            ("e2e_max_ms", result.endToEnd.latencies.max() ?? .nan),
        ]
        if json {
            var fields = rows.reduce(into: [String: JSONValue]()) { $0[$1.0] = .number(($1.1 * 1000).rounded() / 1000) }
            fields["e2e_samples"] = .number(Double(result.endToEnd.latencies.count))
            print(CLIJSON.object(fields))
        } else {
            for (name, value) in rows {
                print(name.padding(toLength: 20, withPad: " ", startingAt: 0) + String(format: "%.3f", value))
            }
        }
        if result.endToEnd.latencies.count < bench.samples {
            throw CLIError.failure(
                "Only \(result.endToEnd.latencies.count) of \(bench.samples) events reached the handler within 10 s")
        }
    }
}

extension Arguments {
    /// An integer option within `range`, or `default` when absent.
    mutating func intOption(_ name: String, default value: Int, range: ClosedRange<Int>) throws -> Int {
        guard let text = try option(name) else { return value }
        guard let number = Int(text), range.contains(number) else {
            throw CLIError.usage("--\(name) must be a whole number in \(range.lowerBound)...\(range.upperBound)")
        }
        return number
    }
}
