/// Builds the Prometheus text exposition format, version 0.0.4: for each family a `# HELP` and a
/// `# TYPE` line, then one line per sample, `name{label="value",...} value`.
struct ExpositionWriter {
    private(set) var text = ""

    init(capacity: Int = 4096) {
        text.reserveCapacity(capacity)
    }

    mutating func header(name: String, help: String, type: MetricType) {
        text += "# HELP \(name) \(Self.escapeHelp(help))\n# TYPE \(name) \(type.rawValue)\n"
    }

    /// One sample line; `extra` is a label after the family's own (`le` of a histogram bucket).
    mutating func sample(
        _ name: String, labelNames: [String], labelValues: [String], extra: (String, String)? = nil, value: Double
    ) {
        text += name
        if !labelNames.isEmpty || extra != nil {
            text += "{"
            var first = true
            for (label, value) in zip(labelNames, labelValues) {
                if !first { text += "," }
                first = false
                text += label + "=\"" + Self.escapeLabelValue(value) + "\""
            }
            if let (label, value) = extra {
                if !first { text += "," }
                text += label + "=\"" + Self.escapeLabelValue(value) + "\""
            }
            text += "}"
        }
        text += " " + Self.format(value) + "\n"
    }

    /// Help text escapes backslash and line feed.
    static func escapeHelp(_ help: String) -> String {
        guard help.utf8.contains(where: { $0 == UInt8(ascii: "\\") || $0 == UInt8(ascii: "\n") }) else {
            return help
        }
        var escaped = ""
        for character in help.unicodeScalars {
            switch character {
            case "\\": escaped += "\\\\"
            case "\n": escaped += "\\n"
            default: escaped.unicodeScalars.append(character)
            }
        }
        return escaped
    }

    /// Label values escape backslash, double quote and line feed.
    static func escapeLabelValue(_ value: String) -> String {
        let needsEscaping = value.utf8.contains {
            $0 == UInt8(ascii: "\\") || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\n")
        }
        guard needsEscaping else { return value }
        var escaped = ""
        for character in value.unicodeScalars {
            switch character {
            case "\\": escaped += "\\\\"
            case "\"": escaped += "\\\""
            case "\n": escaped += "\\n"
            default: escaped.unicodeScalars.append(character)
            }
        }
        return escaped
    }

    /// Whole numbers without a fraction (`42`), others in Swift's shortest round-trip form
    /// (`0.005`, `1e-06`), and `+Inf`, `-Inf`, `NaN` as the format spells them.
    static func format(_ value: Double) -> String {
        if value.isNaN { return "NaN" }
        if value.isInfinite { return value > 0 ? "+Inf" : "-Inf" }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return String(value)
    }
}

extension ExpositionWriter {
    /// Appends what another writer built (a family's samples, written apart so that a failing
    /// callback leaves no half family).
    mutating func append(_ other: ExpositionWriter) {
        text += other.text
    }
}
