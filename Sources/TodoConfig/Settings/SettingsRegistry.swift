/// The table of known settings, in display order. The standard table is
/// ``SettingsRegistry/standard``; tests and later features may build others.
public struct SettingsRegistry: Sendable {
    /// The definitions in display order.
    public let definitions: [SettingDefinition]
    private let indexByKey: [SettingKey: Int]

    /// Builds a registry. Keys and environment variables must be unique: a duplicate is a
    /// programming error in the table, not something input can cause.
    public init(_ definitions: [SettingDefinition]) {
        var index: [SettingKey: Int] = [:]
        var variables: Set<String> = []
        for (position, definition) in definitions.enumerated() {
            precondition(index[definition.key] == nil, "setting \(definition.key) is defined twice")
            precondition(
                variables.insert(definition.environmentVariable).inserted,
                "environment variable \(definition.environmentVariable) is used twice")
            index[definition.key] = position
        }
        self.definitions = definitions
        self.indexByKey = index
    }

    /// The definition of a key, or nil if the key is unknown.
    public func definition(for key: SettingKey) -> SettingDefinition? {
        indexByKey[key].map { definitions[$0] }
    }

    /// All known keys, in display order.
    public var keys: [SettingKey] { definitions.map(\.key) }

    /// The known key closest to a mistyped one, if any is close.
    public func suggestion(for key: String) -> SettingKey? {
        NameSuggester.closest(to: key, among: keys.map(\.rawValue)).map(SettingKey.init(rawValue:))
    }

    /// The error for an unknown key; `context` says where it was written (`--set`, a profile).
    func unknownSetting(
        _ key: String, context: String, file: String? = nil, line: Int? = nil, column: Int? = nil
    ) -> ConfigError {
        let suggestion = suggestion(for: key)
        var problem = "\(context): unknown setting '\(key)'"
        if let suggestion { problem += " (did you mean '\(suggestion)'?)" }
        return ConfigError(
            .unknownSetting, problem, file: file, line: line, column: column, key: key,
            suggestion: suggestion?.rawValue)
    }
}
