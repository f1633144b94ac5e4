/// One known setting: its key, type, default, environment variable, secrecy and a one-line summary.
public struct SettingDefinition: Sendable {
    public let key: SettingKey
    public let type: SettingType
    public let defaultValue: SettingDefault
    /// The environment variable that overrides the profile, e.g. `TODO_BACKEND_PORT`.
    public let environmentVariable: String
    /// Secret values are masked in ``ResolvedConfig/rendered(maskingSecrets:)`` and never
    /// repeated in error messages.
    public let isSecret: Bool
    /// One line for `profile show` and help text.
    public let summary: String
    /// A setting not declared one by one but accepted under a pass-through prefix (`kafka.linger.ms`),
    /// handed as text to the library behind the prefix. It has no environment variable.
    public let isPassthrough: Bool

    public init(
        _ key: SettingKey, _ type: SettingType, default defaultValue: SettingDefault, env environmentVariable: String,
        secret isSecret: Bool = false, passthrough isPassthrough: Bool = false, _ summary: String
    ) {
        self.key = key
        self.type = type
        self.defaultValue = defaultValue
        self.environmentVariable = environmentVariable
        self.isSecret = isSecret
        self.isPassthrough = isPassthrough
        self.summary = summary
    }
}

/// A setting's default: a fixed value, one computed from the environment and the resolved data
/// directory (the data directory itself, the SQLite URL inside it), or another program's
/// environment variable (`OPENAI_API_KEY`), which `profile show` then names as the source.
public enum SettingDefault: Sendable {
    case value(SettingValue)
    case derived(@Sendable (DefaultContext) -> SettingValue)
    /// The variable's value when it is set and not empty, else `otherwise`.
    case environment(String, otherwise: SettingValue)

    /// The default for the given context.
    public func value(in context: DefaultContext) -> SettingValue {
        switch self {
        case .value(let value): value
        case .derived(let compute): compute(context)
        case .environment(let variable, let otherwise):
            context.environment[variable].flatMap { $0.isEmpty ? nil : .string($0) } ?? otherwise
        }
    }
}

/// What a derived default may depend on.
public struct DefaultContext: Sendable {
    /// The process environment as given to the resolver (never read from the process directly).
    public var environment: [String: String]
    /// The resolved `data_dir`, after profile, environment and flags have been applied.
    public var dataDirectory: String

    public init(environment: [String: String], dataDirectory: String) {
        self.environment = environment
        self.dataDirectory = dataDirectory
    }
}
