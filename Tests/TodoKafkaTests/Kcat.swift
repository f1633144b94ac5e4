import Foundation
import TodoCore

/// Debian's `kcat` (apt `kcat`), an independent Kafka client, run as a child process.
enum Kcat {
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// Runs kcat with `arguments`, feeding it `input`; returns what it printed. Fails when it is
    /// not installed (scripts/setup.sh --with-test-tools installs it), exits non-zero or runs
    /// longer than `timeout`.
    static func run(_ arguments: [String], input: String = "", timeout: TimeInterval = 30) throws -> String {
        let path = ["/usr/bin/kcat", "/usr/local/bin/kcat"].first { FileManager.default.isExecutableFile(atPath: $0) }
        guard let path else { throw Failure(description: "kcat is not installed (apt-get install kcat)") }

        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        let stdin = Pipe()
        let stdout = Pipe()
        let stderr = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stderr
        let exited = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in exited.signal() }
        try process.run()

        stdin.fileHandleForWriting.write(Data(input.utf8))
        try stdin.fileHandleForWriting.close()
        let output = Output(stdout.fileHandleForReading)
        let errors = Output(stderr.fileHandleForReading)
        guard exited.wait(timeout: .now() + timeout) == .success else {
            process.terminate()
            throw Failure(description: "kcat \(arguments.joined(separator: " ")) ran longer than \(timeout) s")
        }
        guard process.terminationStatus == 0 else {
            throw Failure(description: "kcat exited with \(process.terminationStatus): \(errors.text)")
        }
        return output.text
    }

    /// Reads a pipe to its end on a thread of its own, so a full pipe never blocks the child.
    private final class Output: @unchecked Sendable {
        // @unchecked: `data` is written by the reading thread before `done` is signalled and read
        // only after waiting for it.
        private var data = Data()
        private let done = DispatchSemaphore(value: 0)

        init(_ handle: FileHandle) {
            Thread.detachNewThread { [self] in
                data = handle.readDataToEndOfFile()
                done.signal()
            }
        }

        var text: String {
            done.wait()
            return String(decoding: data, as: UTF8.self)
        }
    }
}
