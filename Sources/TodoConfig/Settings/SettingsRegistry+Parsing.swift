extension SettingsRegistry {
    /// Parses `key=value` strings (from `--set` or `profile create`) into raw pairs; the last value
    /// of a repeated key wins. Keys and values are checked later, against the registry.
    public static func parseAssignments(_ assignments: [String], context: String = "--set") throws(ConfigError)
        -> [String: String]
    {
        var pairs: [String: String] = [:]
        for assignment in assignments {
            guard let equals = assignment.firstIndex(of: "=") else {
                throw invalidAssignment(assignment, context: context)
            }
            let key = String(assignment[..<equals]).trimmingWhitespace()
            guard !key.isEmpty, !key.contains(where: \.isWhitespace) else {
                throw invalidAssignment(assignment, context: context)
            }
            pairs[key] = String(assignment[assignment.index(after: equals)...])
        }
        return pairs
    }

    /// Parses raw `key → text` pairs into typed values, rejecting unknown keys (with a suggestion)
    /// and values of the wrong type. `context` starts each message, e.g. `--set`.
    public func values(from raw: [String: String], context: String) throws(ConfigError) -> [SettingKey: SettingValue] {
        var values: [SettingKey: SettingValue] = [:]
        for (key, text) in raw.sorted(by: { $0.key < $1.key }) {
            guard let definition = definition(for: SettingKey(key)) else {
                throw unknownSetting(key, context: context)
            }
            values[definition.key] = try parse(text, for: definition, context: "\(context) \(key)", code: .invalidValue)
        }
        return values
    }

    /// Parses one value, or throws `code` with a message naming the context and the expected type
    /// (and the rejected text, unless the setting is secret).
    func parse(
        _ text: String, for definition: SettingDefinition, context: String, code: ConfigError.Code
    ) throws(ConfigError) -> SettingValue {
        guard let value = definition.type.parse(text) else {
            let got = definition.isSecret ? "got a value that does not fit (not shown: secret)" : "got '\(text)'"
            throw ConfigError(
                code, "\(context): setting '\(definition.key)' expected \(definition.type.expectation), \(got)",
                key: definition.key.rawValue)
        }
        return value
    }

    private static func invalidAssignment(_ text: String, context: String) -> ConfigError {
        ConfigError(
            .invalidAssignment, "\(context) '\(text)': expected key=value, e.g. ports.backend=8080",
            key: text.split(separator: "=").first.map(String.init))
    }
}
