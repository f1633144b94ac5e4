/// A typed setting value. Ports, durations and bounded integers are all `int`; enumerations and
/// URLs are `string`.
public enum SettingValue: Sendable, Hashable, CustomStringConvertible {
    case string(String)
    case int(Int)
    case bool(Bool)
    case list([String])

    /// The value as it would be written in an environment variable or a `--set` flag (lists are
    /// comma-separated). Not masked: use ``ResolvedSetting/maskedText`` for display.
    public var description: String {
        switch self {
        case .string(let text): text
        case .int(let number): String(number)
        case .bool(let flag): flag ? "true" : "false"
        case .list(let items): items.joined(separator: ",")
        }
    }
}
