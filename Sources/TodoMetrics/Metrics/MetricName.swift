/// The kinds of metric the exposition names in `# TYPE`.
public enum MetricType: String, Sendable {
    case counter
    case gauge
    case histogram
}

/// Checks metric and label names against the exposition format's grammar. Names are written in
/// code, never taken from input, so a bad one is a programming error.
enum MetricName {
    static func validate(metric: String, labels: [String]) {
        precondition(isValid(metric, allowColon: true), "Invalid metric name '\(metric)'")
        for label in labels {
            precondition(isValid(label, allowColon: false) && !label.hasPrefix("__"), "Invalid label name '\(label)'")
        }
        precondition(Set(labels).count == labels.count, "Duplicate label names in \(metric): \(labels)")
    }

    /// `[a-zA-Z_:][a-zA-Z0-9_:]*` for metrics, the same without `:` for labels.
    static func isValid(_ name: String, allowColon: Bool) -> Bool {
        guard let first = name.utf8.first, !(UInt8(ascii: "0")...UInt8(ascii: "9")).contains(first) else {
            return false
        }
        return name.utf8.allSatisfy { byte in
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "_"):
                true
            case UInt8(ascii: ":"): allowColon
            default: false
            }
        }
    }
}
