import Foundation
import Testing

@testable import TodoMetrics

@Suite("Process metrics from /proc")
struct ProcessMetricsTests {
    @Test func processFamilies_reportThisProcess() throws {
        let registry = MetricsRegistry()
        ProcessMetrics.register(on: registry)
        let handle = try FileHandle(forReadingFrom: URL(fileURLWithPath: "/proc/self/stat"))
        defer { try? handle.close() }

        let values = Dictionary(
            registry.exposition().split(separator: "\n").filter { !$0.hasPrefix("#") }.map { line in
                let parts = line.split(separator: " ")
                return (String(parts[0]), Double(parts[1]) ?? -1)
            }, uniquingKeysWith: { first, _ in first })

        let now = Date().timeIntervalSince1970
        let start = try #require(values["process_start_time_seconds"])
        #expect(start <= now + 1 && start > now - 24 * 3600)
        #expect(try #require(values["process_resident_memory_bytes"]) > Double(1 << 20))
        #expect(try #require(values["process_virtual_memory_bytes"]) >= values["process_resident_memory_bytes"]!)
        // The handle opened above is one of them.
        #expect(try #require(values["process_open_fds"]) >= 4)
        #expect(try #require(values["process_max_fds"]) >= values["process_open_fds"]!)
        #expect(try #require(values["process_cpu_seconds_total"]) > 0)
    }

    @Test func statFields_survive_aCommandNameWithSpacesAndParentheses() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("proc-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: root) }
        let tail = (3...52).map(String.init).joined(separator: " ")
        try "42 (odd (name) x) \(tail)\n".write(
            to: root.appendingPathComponent("stat"), atomically: true, encoding: .utf8)

        let fields = try ProcessMetrics.statFields(procRoot: root.path)

        #expect(fields[2] == "3")
        #expect(fields[13] == "14")
        #expect(fields[21] == "22")
    }
}
