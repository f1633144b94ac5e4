/// The table of known settings, in display order. The standard table is
/// ``SettingsRegistry/standard``; tests and later features may build others.
public struct SettingsRegistry: Sendable {
    /// The definitions in display order.
    public let definitions: [SettingDefinition]
    /// Prefixes under which any key is accepted as a pass-through setting (`kafka.`): the rest of
    /// the key is a property of the library behind it, which checks it.
    public let passthroughPrefixes: [String]
    private let indexByKey: [SettingKey: Int]

    /// Builds a registry. Keys and environment variables must be unique: a duplicate is a
    /// programming error in the table, not something input can cause.
    public init(_ definitions: [SettingDefinition], passthroughPrefixes: [String] = []) {
        self.passthroughPrefixes = passthroughPrefixes
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

    /// The definition of a key, or nil if the key is unknown. A key under a pass-through prefix
    /// that is not declared gets a text definition of its own (see ``SettingDefinition/isPassthrough``).
    public func definition(for key: SettingKey) -> SettingDefinition? {
        if let index = indexByKey[key] { return definitions[index] }
        guard let prefix = passthroughPrefixes.first(where: { key.rawValue.hasPrefix($0) }) else { return nil }
        let property = key.rawValue.dropFirst(prefix.count)
        guard !property.isEmpty,
            property.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "._-".contains($0)) })
        else { return nil }
        return SettingDefinition(
            key, .string, default: .value(.string("")), env: "", secret: Self.looksSecret(String(property)),
            passthrough: true, "Passed through as the property '\(property)'")
    }

    /// Pass-through properties whose names suggest a credential are masked like secrets.
    static func looksSecret(_ property: String) -> Bool {
        let lowered = property.lowercased()
        return ["password", "secret", "key", "token", "jaas", "credential"].contains { lowered.contains($0) }
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
