extension ProfilesFile {
    /// The file as YAML text, as ``save()`` would write it. Settings are written with flat dotted
    /// keys in sorted order.
    public func yamlText() throws(ConfigError) -> String {
        String(decoding: try encoded(), as: UTF8.self)
    }

    func encoded() throws(ConfigError) -> [UInt8] {
        var top: [(String, YAMLNode)] = []
        if let currentProfile { top.append(("current_profile", .string(currentProfile))) }
        top.append(("profiles", .sequence(profiles.map(Self.node(for:)))))
        return try YAMLEmitter.render(.mapping(top), file: path)
    }

    private static func node(for profile: Profile) -> YAMLNode {
        var fields: [(String, YAMLNode)] = [("name", .string(profile.name))]
        if let description = profile.description { fields.append(("description", .string(description))) }
        let settings = profile.settings.sorted { $0.key < $1.key }.map { ($0.key.rawValue, node(for: $0.value)) }
        fields.append(("settings", .mapping(settings)))
        return .mapping(fields)
    }

    private static func node(for value: SettingValue) -> YAMLNode {
        switch value {
        case .string(let text): .string(text)
        case .int, .bool: .plain(value.description)
        case .list(let items): .sequence(items.map(YAMLNode.string))
        }
    }
}
