import Foundation
import Synchronization

/// Writes one JSON object per line to standard output (or another descriptor), serialized by a
/// lock so that lines from different threads never interleave.
public final class StandardOutputSink: LogSink {
    public static let shared = StandardOutputSink()
    /// For commands whose standard output is a protocol stream (`mcp`): logs go to standard error.
    public static let standardError = StandardOutputSink(fileDescriptor: 2)

    private let lock = Mutex(())
    private let fileDescriptor: Int32

    public init(fileDescriptor: Int32 = 1) {
        self.fileDescriptor = fileDescriptor
    }

    public func write(_ record: LogRecord) {
        var line = LogLineFormatter.format(record)
        line.append(UInt8(ascii: "\n"))
        lock.withLock { _ in
            line.withUnsafeBytes { buffer in
                var offset = 0
                while offset < buffer.count {
                    let written = Glibc.write(fileDescriptor, buffer.baseAddress! + offset, buffer.count - offset)
                    if written < 0 {
                        if errno == EINTR { continue }
                        return
                    }
                    offset += written
                }
            }
        }
    }
}

/// Keeps records in memory; for tests that assert on what was logged.
public final class MemoryLogSink: LogSink {
    private let storage = Mutex<[LogRecord]>([])

    public init() {}

    public func write(_ record: LogRecord) {
        storage.withLock { $0.append(record) }
    }

    public var records: [LogRecord] { storage.withLock { $0 } }
}

/// Discards everything.
public struct NullLogSink: LogSink {
    public init() {}
    public func write(_ record: LogRecord) {}
}

/// Renders a record as a single JSON object: `time`, `level`, `message`, then metadata keys sorted.
public enum LogLineFormatter {
    public static func format(_ record: LogRecord) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(256)
        out.append(contentsOf: "{\"time\":".utf8)
        appendString(timestamp(record.time), to: &out)
        out.append(contentsOf: ",\"level\":".utf8)
        appendString(record.level.name, to: &out)
        out.append(contentsOf: ",\"message\":".utf8)
        appendString(record.message, to: &out)
        for key in record.metadata.keys.sorted() {
            out.append(UInt8(ascii: ","))
            appendString(key, to: &out)
            out.append(UInt8(ascii: ":"))
            appendString(record.metadata[key]!, to: &out)
        }
        out.append(UInt8(ascii: "}"))
        return out
    }

    private static func timestamp(_ date: Date) -> String {
        var seconds = time_t(date.timeIntervalSince1970.rounded(.down))
        let millis = Int((date.timeIntervalSince1970 - Double(seconds)) * 1000)
        var parts = tm()
        gmtime_r(&seconds, &parts)
        func pad(_ value: Int32, _ width: Int) -> String {
            let text = String(value)
            return String(repeating: "0", count: max(0, width - text.count)) + text
        }
        return "\(pad(parts.tm_year + 1900, 4))-\(pad(parts.tm_mon + 1, 2))-\(pad(parts.tm_mday, 2))T"
            + "\(pad(parts.tm_hour, 2)):\(pad(parts.tm_min, 2)):\(pad(parts.tm_sec, 2)).\(pad(Int32(millis), 3))Z"
    }

    private static func appendString(_ text: String, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): out.append(contentsOf: [0x5C, 0x22])
            case UInt8(ascii: "\\"): out.append(contentsOf: [0x5C, 0x5C])
            case 0x0A: out.append(contentsOf: [0x5C, UInt8(ascii: "n")])
            case 0..<0x20: out.append(contentsOf: Array(String(format: "\\u%04x", byte).utf8))
            default: out.append(byte)
            }
        }
        out.append(UInt8(ascii: "\""))
    }
}
