import Foundation
import TodoCore

/// Formats `bench` results as a table or JSON.
enum BenchReport {
    static func table(_ results: [(BenchScenario, WrkResult)]) -> String {
        var lines = [pad("scenario", 10) + pad("req/s", 12) + pad("p50 ms", 10) + pad("p99 ms", 10) + "errors"]
        for (scenario, result) in results {
            lines.append(
                pad(scenario.name, 10) + pad(String(format: "%.0f", result.requestsPerSecond), 12)
                    + pad(String(format: "%.2f", result.p50Milliseconds), 10)
                    + pad(String(format: "%.2f", result.p99Milliseconds), 10) + String(result.errors))
        }
        if let share = healthShare(results) {
            lines.append(String(format: "health reaches %.0f %% of the bare libmicrohttpd handler", share * 100))
        }
        return lines.joined(separator: "\n")
    }

    static func json(_ results: [(BenchScenario, WrkResult)], duration: Int, connections: Int) -> String {
        var scenarios: [JSONValue] = []
        for (scenario, result) in results {
            scenarios.append(
                .object([
                    "name": .string(scenario.name), "summary": .string(scenario.summary),
                    "requests": .number(Double(result.requests)),
                    "requests_per_second": .number(result.requestsPerSecond),
                    "p50_ms": .number(result.p50Milliseconds), "p99_ms": .number(result.p99Milliseconds),
                    "errors": .number(Double(result.errors)),
                ]))
        }
        var object: [String: JSONValue] = [
            "duration_seconds": .number(Double(duration)), "connections": .number(Double(connections)),
            "scenarios": .array(scenarios),
        ]
        if let share = healthShare(results) { object["health_share_of_bare"] = .number(share) }
        return String(decoding: JSONValue.object(object).serialized(), as: UTF8.self)
    }

    private static func healthShare(_ results: [(BenchScenario, WrkResult)]) -> Double? {
        guard let bare = results.first(where: { $0.0.name == "bare" })?.1.requestsPerSecond,
            let health = results.first(where: { $0.0.name == "health" })?.1.requestsPerSecond, bare > 0
        else { return nil }
        return health / bare
    }

    private static func pad(_ text: String, _ width: Int) -> String {
        text.padding(toLength: max(width, text.count + 1), withPad: " ", startingAt: 0)
    }
}
