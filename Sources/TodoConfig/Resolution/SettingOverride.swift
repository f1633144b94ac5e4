/// One setting given on the command line, not yet checked: the key and text as typed, and the flag
/// that carried them, which error messages and `profile show` name.
public struct SettingOverride: Sendable, Equatable {
    /// The setting key as typed, e.g. `ports.backend`; checked against the registry when resolved.
    public var key: String
    /// The value as typed; parsed with the setting's type when resolved.
    public var text: String
    /// The flag, e.g. `--set` or `--data-dir`.
    public var flag: String

    public init(key: String, text: String, flag: String = "--set") {
        self.key = key
        self.text = text
        self.flag = flag
    }

    /// Overrides from `key=value` strings, in order, all attributed to `flag`.
    public static func assignments(_ assignments: [String], flag: String = "--set") throws(ConfigError)
        -> [SettingOverride]
    {
        var overrides: [SettingOverride] = []
        for assignment in assignments {
            // One at a time, so that a repeated key keeps its position and the last one still wins.
            let pairs = try SettingsRegistry.parseAssignments([assignment], context: flag)
            overrides += pairs.map { SettingOverride(key: $0.key, text: $0.value, flag: flag) }
        }
        return overrides
    }
}
