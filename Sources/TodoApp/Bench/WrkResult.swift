import Foundation

/// What one wrk run measured, parsed from its `--latency` report.
struct WrkResult: Sendable {
    var requests: Int
    var requestsPerSecond: Double
    var p50Milliseconds: Double
    var p99Milliseconds: Double
    /// Responses with a status other than 2xx/3xx, plus socket errors.
    var errors: Int

    /// Reads the summary wrk prints; fails naming the line it could not find.
    static func parse(_ output: String) throws -> WrkResult {
        func line(_ prefix: String) -> String? {
            output.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
                .first { $0.hasPrefix(prefix) }
        }
        func number(after prefix: String) -> Double? {
            line(prefix).flatMap { Double($0.dropFirst(prefix.count).trimmingCharacters(in: .whitespaces)) }
        }
        func latency(_ percentile: String) -> Double? {
            guard let text = line(percentile + "%")?.dropFirst(percentile.count + 1) else { return nil }
            return milliseconds(text.trimmingCharacters(in: .whitespaces))
        }

        guard let rate = number(after: "Requests/sec:"), let p50 = latency("50"), let p99 = latency("99"),
            let total = requestCount(output)
        else {
            throw CLIError.failure("Could not read wrk's report:\n\(output)")
        }
        var errors = Int(number(after: "Non-2xx or 3xx responses:") ?? 0)
        if let socket = line("Socket errors:") {
            errors += socket.split(whereSeparator: { !$0.isNumber }).compactMap { Int($0) }.reduce(0, +)
        }
        return WrkResult(
            requests: total, requestsPerSecond: rate, p50Milliseconds: p50, p99Milliseconds: p99, errors: errors)
    }

    /// `12345 requests in 10.00s, 2.1MB read`
    private static func requestCount(_ output: String) -> Int? {
        for line in output.split(separator: "\n") where line.contains(" requests in ") {
            return Int(line.trimmingCharacters(in: .whitespaces).split(separator: " ")[0])
        }
        return nil
    }

    /// `812.00us`, `1.23ms`, `2.01s` in milliseconds.
    static func milliseconds(_ text: String) -> Double? {
        let units: [(String, Double)] = [("us", 0.001), ("ms", 1), ("s", 1000), ("m", 60_000)]
        for (suffix, factor) in units where text.hasSuffix(suffix) {
            return Double(text.dropLast(suffix.count)).map { $0 * factor }
        }
        return nil
    }
}
