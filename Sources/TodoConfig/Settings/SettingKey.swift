/// The dotted name of a setting, such as `ports.backend`.
///
/// The known keys are constants declared next to their definitions in
/// `SettingsRegistry+Standard.swift`, so that code reads `config.int(.backendPort)`.
public struct SettingKey: RawRepresentable, Hashable, Comparable, Sendable, ExpressibleByStringLiteral,
    CustomStringConvertible
{
    public let rawValue: String

    public init(rawValue: String) {
        self.rawValue = rawValue
    }

    public init(_ rawValue: String) {
        self.rawValue = rawValue
    }

    public init(stringLiteral value: String) {
        self.rawValue = value
    }

    public var description: String { rawValue }

    public static func < (lhs: SettingKey, rhs: SettingKey) -> Bool { lhs.rawValue < rhs.rawValue }
}
