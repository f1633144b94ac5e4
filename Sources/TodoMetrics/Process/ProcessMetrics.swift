import Foundation
import Glibc

/// The standard process metrics, read from Linux's `/proc` at scrape time: CPU time, resident
/// and virtual memory, open and maximum file descriptors, and the start time. The names are the
/// ones Prometheus' own client libraries use, so existing dashboards work unchanged.
public enum ProcessMetrics {
    /// Registers the process families on `registry`. Where `/proc` cannot be read (not Linux)
    /// the callbacks throw and the families are scraped without samples.
    public static func register(on registry: MetricsRegistry, procRoot: String = "/proc/self") {
        let startTime = (try? startTimeSeconds(procRoot: procRoot)) ?? Date().timeIntervalSince1970
        registry.gauge("process_start_time_seconds", help: "Start time of the process since the Unix epoch.") {
            [MetricSample(startTime)]
        }
        registry.counter("process_cpu_seconds_total", help: "User and system CPU time spent, in seconds.") {
            let fields = try statFields(procRoot: procRoot)
            let ticks = Double(sysconf(Int32(_SC_CLK_TCK)))
            return [MetricSample((try number(fields, 13) + number(fields, 14)) / ticks)]
        }
        registry.gauge("process_resident_memory_bytes", help: "Resident memory size in bytes.") {
            [MetricSample(try statm(procRoot: procRoot, field: 1) * Double(sysconf(Int32(_SC_PAGESIZE))))]
        }
        registry.gauge("process_virtual_memory_bytes", help: "Virtual memory size in bytes.") {
            [MetricSample(try statm(procRoot: procRoot, field: 0) * Double(sysconf(Int32(_SC_PAGESIZE))))]
        }
        registry.gauge("process_open_fds", help: "Number of open file descriptors.") {
            [MetricSample(Double(try FileManager.default.contentsOfDirectory(atPath: procRoot + "/fd").count))]
        }
        registry.gauge("process_max_fds", help: "Maximum number of open file descriptors.") {
            var limit = rlimit()
            guard getrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit) == 0 else { throw ProcReadError(file: "rlimit") }
            return [MetricSample(Double(limit.rlim_cur))]
        }
    }

    /// Boot time (`btime` in `/proc/stat`) plus the process's start in clock ticks after boot.
    static func startTimeSeconds(procRoot: String) throws -> Double {
        let fields = try statFields(procRoot: procRoot)
        let stat = try String(contentsOfFile: "/proc/stat", encoding: .utf8)
        guard let line = stat.split(separator: "\n").first(where: { $0.hasPrefix("btime ") }),
            let boot = Double(line.dropFirst("btime ".count))
        else { throw ProcReadError(file: "/proc/stat") }
        return boot + (try number(fields, 21)) / Double(sysconf(Int32(_SC_CLK_TCK)))
    }

    /// The fields of `stat` after the command name, numbered as in proc(5) from 0 (`pid`): the
    /// name is in parentheses and may hold spaces, so the split starts after its last `)`.
    static func statFields(procRoot: String) throws -> [Substring] {
        let stat = try String(contentsOfFile: procRoot + "/stat", encoding: .utf8)
        guard let close = stat.lastIndex(of: ")") else { throw ProcReadError(file: procRoot + "/stat") }
        return ["pid", "comm"] + stat[stat.index(after: close)...].split(separator: " ")
    }

    private static func number(_ fields: [Substring], _ index: Int) throws -> Double {
        guard index < fields.count, let value = Double(fields[index]) else { throw ProcReadError(file: "stat") }
        return value
    }

    private static func statm(procRoot: String, field: Int) throws -> Double {
        let text = try String(contentsOfFile: procRoot + "/statm", encoding: .utf8)
        let fields = text.split(separator: " ")
        guard field < fields.count, let pages = Double(fields[field].trimmingCharacters(in: .whitespacesAndNewlines))
        else { throw ProcReadError(file: procRoot + "/statm") }
        return pages
    }
}

/// A `/proc` file did not hold what proc(5) describes.
struct ProcReadError: Error, CustomStringConvertible {
    let file: String

    var description: String { "could not read \(file)" }
}
