import Foundation

/// The built `todo-chatbot` executable, run as a child process: `TODO_BIN`, else the one beside
/// the test bundle (`swift build --build-tests` builds both into the same directory).
struct CommandLineTool {
    let executable: URL

    init() throws {
        let environment = ProcessInfo.processInfo.environment
        var candidates: [URL] = []
        if let configured = environment["TODO_BIN"], !configured.isEmpty {
            candidates.append(URL(fileURLWithPath: configured))
        }
        let bundle = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        candidates.append(bundle.appendingPathComponent("todo-chatbot"))
        guard let found = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0.path) }) else {
            throw ToolError("todo-chatbot not found at \(candidates.map(\.path)); build it or set TODO_BIN")
        }
        executable = found
    }

    /// Starts `arguments` with `DATABASE_URL` set and nothing read from the user's configuration.
    func start(_ arguments: [String], databaseURL: String, directory: URL) throws -> Child {
        let process = Process()
        process.executableURL = executable
        process.arguments = ["--profile", "test"] + arguments
        var environment = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("TODO_") }
        environment["DATABASE_URL"] = databaseURL
        environment["TODO_DATA_DIR"] = directory.path
        environment["TODO_CONFIG"] = directory.appendingPathComponent("config.yaml").path
        environment["LOG_LEVEL"] = "warning"
        process.environment = environment

        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        return Child(process: process, output: output, errors: errors)
    }

    /// A running child; ``finish(timeout:)`` collects its output once it exits.
    final class Child: @unchecked Sendable {
        // @unchecked: the output is read on one background thread, then only after `done` signals.
        let process: Process
        private let done = DispatchSemaphore(value: 0)
        private var stdout = Data()
        private var stderr = Data()

        init(process: Process, output: Pipe, errors: Pipe) {
            self.process = process
            Thread.detachNewThread { [self] in
                // Both pipes drain while the child runs, so neither can fill up and block it.
                let group = DispatchGroup()
                group.enter()
                Thread.detachNewThread { [self] in
                    stderr = errors.fileHandleForReading.readDataToEndOfFile()
                    group.leave()
                }
                stdout = output.fileHandleForReading.readDataToEndOfFile()
                group.wait()
                process.waitUntilExit()
                done.signal()
            }
        }

        /// Waits for the exit; kills the child and throws when it takes longer than `timeout`.
        func finish(timeout: TimeInterval) throws -> (status: Int32, stdout: String, stderr: String) {
            guard done.wait(timeout: .now() + timeout) == .success else {
                process.terminate()
                throw ToolError("todo-chatbot \(process.arguments ?? []) did not exit within \(timeout) s")
            }
            return (
                process.terminationStatus, String(decoding: stdout, as: UTF8.self),
                String(decoding: stderr, as: UTF8.self)
            )
        }
    }
}

struct ToolError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
