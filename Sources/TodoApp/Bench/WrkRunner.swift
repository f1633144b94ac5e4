import Foundation

/// Runs the `wrk` load generator as a child process.
struct WrkRunner {
    let executable: URL

    /// Finds wrk on the PATH, or fails saying how to install it.
    static func locate(environment: [String: String] = ProcessInfo.processInfo.environment) throws -> WrkRunner {
        let path = environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for directory in path.split(separator: ":") {
            let candidate = URL(fileURLWithPath: String(directory)).appendingPathComponent("wrk")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return WrkRunner(executable: candidate) }
        }
        throw CLIError.failure("bench needs wrk on the PATH: sudo apt-get install wrk")
    }

    func run(
        _ scenario: BenchScenario, url: String, duration: Int, connections: Int, threads: Int, directory: URL
    ) throws -> WrkResult {
        let script = directory.appendingPathComponent("\(scenario.name).lua")
        try Data(scenario.script.utf8).write(to: script)

        let process = Process()
        process.executableURL = executable
        process.arguments = [
            "--latency", "-t", String(threads), "-c", String(max(connections, threads)), "-d", "\(duration)s",
            "--timeout", "5s", "-s", script.path, url, "--", String(threads),
        ]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()

        let text = String(decoding: data, as: UTF8.self)
        guard process.terminationStatus == 0 else {
            throw CLIError.failure("wrk exited with \(process.terminationStatus) on \(scenario.name):\n\(text)")
        }
        return try WrkResult.parse(text)
    }
}
