import Glibc

/// Reads newline-delimited messages from a file descriptor (standard input for `todo-chatbot
/// mcp`) with a bound on each line: a line longer than `maxLineBytes` is skipped to its end
/// without being kept, and reported as ``MCPStdioTransport/InputLine/tooLong(limit:)``, so a
/// client that never sends a newline costs at most that much memory.
public final class StdioLineReader {
    private let fileDescriptor: Int32
    private let maxLineBytes: Int
    private var buffer: [UInt8] = []
    private var position = 0
    private var atEnd = false

    public init(fileDescriptor: Int32 = STDIN_FILENO, maxLineBytes: Int) {
        self.fileDescriptor = fileDescriptor
        self.maxLineBytes = max(1, maxLineBytes)
    }

    /// The next line without its `\n` (or `\r\n`), or nil at the end of input. Blocks until a
    /// whole line, the end of input or a read error (treated as the end).
    public func next() -> MCPStdioTransport.InputLine? {
        var line: [UInt8] = []
        var skipping = false
        while true {
            let pending = buffer[position...]
            if let newline = pending.firstIndex(of: UInt8(ascii: "\n")) {
                position = newline + 1
                if skipping { return .tooLong(limit: maxLineBytes) }
                line += buffer[pending.startIndex..<newline]
                return finished(line)
            }

            // One byte over the limit may still be the `\r` of a `\r\n`.
            if !skipping {
                if line.count + pending.count > maxLineBytes + 1 {
                    skipping = true
                    line = []
                } else {
                    line += pending
                }
            }
            buffer.removeAll(keepingCapacity: true)
            position = 0

            guard !atEnd, fill() else {
                atEnd = true
                if skipping { return .tooLong(limit: maxLineBytes) }
                return line.isEmpty ? nil : finished(line)
            }
        }
    }

    /// A whole line: without a final `\r`, within the limit, and UTF-8 (JSON text must be, and
    /// repairing it would store replacement characters for what the client sent).
    private func finished(_ line: [UInt8]) -> MCPStdioTransport.InputLine {
        let bytes = line.last == UInt8(ascii: "\r") ? line.dropLast() : line[...]
        guard bytes.count <= maxLineBytes else { return .tooLong(limit: maxLineBytes) }
        guard let text = String(validating: bytes, as: UTF8.self) else { return .notUTF8 }
        return .text(text)
    }

    /// Reads what is available into the empty buffer; false at the end of input or on an error.
    private func fill() -> Bool {
        buffer = [UInt8](repeating: 0, count: 64 << 10)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(fileDescriptor, $0.baseAddress, $0.count) }
            if count > 0 {
                buffer.removeLast(buffer.count - count)
                return true
            }
            if count < 0 && errno == EINTR { continue }
            buffer = []
            return false
        }
    }
}
