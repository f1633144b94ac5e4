/// One setting after resolution: its typed value, where the value came from, and what the
/// registry says about it.
public struct ResolvedSetting: Sendable, Equatable {
    public let key: SettingKey
    public let value: SettingValue
    public let source: SettingSource
    /// Whether the value must be masked wherever it is shown.
    public let isSecret: Bool
    /// The registry's one-line summary.
    public let summary: String
    /// The environment variable that would override it.
    public let environmentVariable: String
    /// Accepted under a pass-through prefix rather than declared (see ``SettingDefinition/isPassthrough``).
    public let isPassthrough: Bool

    public init(definition: SettingDefinition, value: SettingValue, source: SettingSource) {
        self.key = definition.key
        self.value = value
        self.source = source
        self.isSecret = definition.isSecret
        self.summary = definition.summary
        self.environmentVariable = definition.environmentVariable
        self.isPassthrough = definition.isPassthrough
    }

    /// The value as it may be displayed: masked when secret (see ``SecretMask``), else as it would
    /// be written in a flag.
    public var maskedText: String {
        isSecret ? SecretMask.masked(value) : value.description
    }
}
