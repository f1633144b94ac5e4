/// A named set of setting overrides, as in rpk: built in (`local`, `test`) or from the profiles
/// file.
public struct Profile: Sendable, Equatable {
    public var name: String
    public var description: String?
    /// Only the settings the profile overrides; the rest come from defaults.
    public var settings: [SettingKey: SettingValue]
    /// Built-in profiles are not in the file and cannot be deleted or redefined.
    public var isBuiltIn: Bool

    public init(
        name: String, description: String? = nil, settings: [SettingKey: SettingValue] = [:], isBuiltIn: Bool = false
    ) {
        self.name = name
        self.description = description
        self.settings = settings
        self.isBuiltIn = isBuiltIn
    }

    /// The longest profile name accepted.
    public static let maximumNameLength = 64

    /// Whether `name` is usable: 1 to 64 ASCII letters, digits, `.`, `-` or `_`.
    public static func isValidName(_ name: String) -> Bool {
        guard !name.isEmpty, name.count <= maximumNameLength else { return false }
        return name.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "._-".contains($0)) }
    }

    /// The error for an unusable name; `context` says where it was written.
    static func invalidName(_ name: String, context: String, file: String? = nil, line: Int? = nil) -> ConfigError {
        ConfigError(
            .invalidProfileName,
            "\(context): invalid profile name '\(name)': "
                + "use 1 to \(maximumNameLength) letters, digits, '.', '-' or '_'",
            file: file, line: line, key: name)
    }

    /// The error for a name that is neither built in nor in the file, listing the known ones.
    static func unknown(
        _ name: String, known: [String], context: String, file: String? = nil, line: Int? = nil
    ) -> ConfigError {
        let suggestion = NameSuggester.closest(to: name, among: known)
        var problem = "\(context): unknown profile '\(name)'"
        if let suggestion { problem += " (did you mean '\(suggestion)'?)" }
        problem += "; known profiles: \(known.joined(separator: ", "))"
        return ConfigError(.unknownProfile, problem, file: file, line: line, key: name, suggestion: suggestion)
    }
}
