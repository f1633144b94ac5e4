/// Every setting of a registry with its value and source, as ``ConfigResolver`` produced it.
///
/// Values have already been checked against their types, so the typed getters fail only when code
/// asks for a key the registry does not have, or with the wrong type.
public struct ResolvedConfig: Sendable, Equatable {
    /// The profile whose overrides were applied.
    public let profile: Profile
    /// How the profile was chosen, for people: `selected by --profile`, `current profile`, ...
    public let profileOrigin: String
    /// The same for scripts: `flag`, `argument` (`profile show NAME`), `env`, `current` or `default`.
    public let profileSelectedBy: String
    /// The profiles file that was read (it need not exist).
    public let profilesFile: String
    /// Every setting, in the registry's display order.
    public let settings: [ResolvedSetting]

    public init(
        profile: Profile, profileOrigin: String, profileSelectedBy: String, profilesFile: String,
        settings: [ResolvedSetting]
    ) {
        self.profile = profile
        self.profileOrigin = profileOrigin
        self.profileSelectedBy = profileSelectedBy
        self.profilesFile = profilesFile
        self.settings = settings
    }

    /// The selected profile's name.
    public var profileName: String { profile.name }

    /// The resolved setting for `key`, or nil if the registry has no such key.
    public subscript(key: SettingKey) -> ResolvedSetting? {
        settings.first { $0.key == key }
    }

    /// The value of `key`; throws `unknown_setting` if the registry has no such key.
    public func value(_ key: SettingKey) throws(ConfigError) -> SettingValue {
        guard let setting = self[key] else {
            throw ConfigError(.unknownSetting, "resolved configuration has no setting '\(key)'", key: key.rawValue)
        }
        return setting.value
    }

    /// A string, path, URL or enumeration setting.
    public func string(_ key: SettingKey) throws(ConfigError) -> String {
        guard case .string(let text) = try value(key) else { throw wrongType(key, "a string") }
        return text
    }

    /// An integer, port or duration (in seconds) setting.
    public func int(_ key: SettingKey) throws(ConfigError) -> Int {
        guard case .int(let number) = try value(key) else { throw wrongType(key, "an integer") }
        return number
    }

    /// A boolean setting.
    public func bool(_ key: SettingKey) throws(ConfigError) -> Bool {
        guard case .bool(let flag) = try value(key) else { throw wrongType(key, "a boolean") }
        return flag
    }

    /// A list setting.
    public func list(_ key: SettingKey) throws(ConfigError) -> [String] {
        guard case .list(let items) = try value(key) else { throw wrongType(key, "a list") }
        return items
    }

    /// The pass-through settings under `prefix` (`kafka.`), by the property name after it.
    public func passthrough(prefix: String) -> [String: String] {
        var properties: [String: String] = [:]
        for setting in settings where setting.isPassthrough && setting.key.rawValue.hasPrefix(prefix) {
            properties[String(setting.key.rawValue.dropFirst(prefix.count))] = setting.value.description
        }
        return properties
    }

    private func wrongType(_ key: SettingKey, _ expected: String) -> ConfigError {
        ConfigError(.invalidValue, "setting '\(key)' is not \(expected)", key: key.rawValue)
    }
}
