/// The type of a setting: how its text is parsed and what range it must be in.
///
/// Every source (profile file, environment, flags) goes through the same parsing, so a value means
/// the same wherever it is written.
public enum SettingType: Sendable, Equatable {
    /// Any text, including the empty string.
    case string
    /// A non-empty file system path; a leading `~/` is expanded with `HOME` when resolved.
    case path
    /// A decimal integer within the range.
    case int(ClosedRange<Int>)
    /// `true`/`false` (also `yes`/`no`, `on`/`off`, `1`/`0`).
    case bool
    /// A TCP port, 0...65535; 0 lets the listener pick a free port (tests, benchmarks).
    case port
    /// A URL of the form `scheme://...`; when `schemes` is not empty the scheme must be one of them.
    case url(schemes: [String])
    /// A list of strings: a YAML sequence in the file, comma-separated in the environment and flags.
    case stringList
    /// A number of seconds within the range, written bare (`90`) or with a unit (`90s`, `15m`, `2h`,
    /// `1d`).
    case duration(ClosedRange<Int>)
    /// One of the listed words, matched without regard to case and stored as listed.
    case enumeration([String])

    /// What a value must look like, for error messages: `a port number (0...65535)`.
    public var expectation: String {
        switch self {
        case .string: "a string"
        case .path: "a non-empty path"
        case .int(let range): "an integer in \(range.lowerBound)...\(range.upperBound)"
        case .bool: "a boolean (true or false)"
        case .port: "a port number (0...65535)"
        case .url(let schemes) where schemes.isEmpty: "a URL (scheme://...)"
        case .url(let schemes): "a URL with scheme \(schemes.joined(separator: ", ")) (scheme://...)"
        case .stringList: "a list of strings"
        case .duration(let range):
            "a duration in seconds in \(range.lowerBound)...\(range.upperBound) (e.g. 90, 90s, 15m, 2h, 1d)"
        case .enumeration(let words): "one of \(words.joined(separator: ", "))"
        }
    }

    /// Whether a YAML sequence is an acceptable way to write the value.
    var acceptsSequence: Bool {
        if case .stringList = self { return true }
        return false
    }
}
