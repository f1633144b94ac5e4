extension ProfilesFile {
    /// Parses and validates the file's bytes; `path` names the file in errors.
    public static func decode(
        _ bytes: [UInt8], path: String, registry: SettingsRegistry = .standard
    ) throws(ConfigError) -> ProfilesFile {
        var file = ProfilesFile(path: path)
        guard let root = try YAMLReader.read(bytes, file: path), !root.isNull else { return file }

        let decoder = Decoder(path: path, registry: registry)
        let pairs = try decoder.pairs(of: root, context: "the top level")
        for pair in pairs {
            let key = pair.key.scalarText ?? ""
            switch key {
            case "current_profile":
                file.currentProfile = try decoder.optionalText(pair.value, context: "current_profile")
                file.currentProfileLine = pair.value.mark.line
            case "profiles":
                file.profiles = try decoder.profiles(pair.value)
            default:
                throw decoder.error(
                    .unknownKey, "unknown top-level key '\(key)' (expected current_profile or profiles)", at: pair.key,
                    key: key, suggestion: NameSuggester.closest(to: key, among: ["current_profile", "profiles"]))
            }
        }
        return file
    }
}

/// Walks the node tree of a profiles file, turning every problem into an error with the file, the
/// line and the key.
private struct Decoder {
    let path: String
    let registry: SettingsRegistry

    func profiles(_ node: YAMLNode) throws(ConfigError) -> [Profile] {
        if node.isNull { return [] }
        guard case .sequence(let items) = node.content else {
            throw error(
                .invalidStructure, "'profiles' must be a sequence of profiles, found \(node.kindName)", at: node)
        }

        var profiles: [Profile] = []
        var lines: [String: Int] = [:]
        for (index, item) in items.enumerated() {
            let profile = try self.profile(item, index: index)
            if let firstLine = lines[profile.name] {
                throw error(
                    .duplicateProfile, "profile '\(profile.name)' is defined twice (first at line \(firstLine))",
                    at: item, key: profile.name)
            }
            lines[profile.name] = item.mark.line
            profiles.append(profile)
        }
        return profiles
    }

    private func profile(_ node: YAMLNode, index: Int) throws(ConfigError) -> Profile {
        let context = "profiles[\(index)]"
        var name: String?
        var description: String?
        var settingsNode: YAMLNode?
        for pair in try pairs(of: node, context: context) {
            switch pair.key.scalarText ?? "" {
            case "name": name = try optionalText(pair.value, context: "\(context).name")
            case "description": description = try optionalText(pair.value, context: "\(context).description")
            case "settings": settingsNode = pair.value
            case let key:
                throw error(
                    .unknownKey, "\(context): unknown key '\(key)' (expected name, description or settings)",
                    at: pair.key, key: key,
                    suggestion: NameSuggester.closest(to: key, among: ["name", "description", "settings"]))
            }
        }

        guard let name, !name.isEmpty else {
            throw error(.missingProfileName, "\(context): profile has no name", at: node, key: "\(context).name")
        }
        guard Profile.isValidName(name) else {
            throw Profile.invalidName(name, context: context, file: path, line: node.mark.line)
        }
        guard !BuiltInProfiles.isBuiltIn(name) else {
            throw error(.builtInProfile, "profile '\(name)' is built in and cannot be redefined", at: node, key: name)
        }
        var settings: [SettingKey: SettingValue] = [:]
        if let settingsNode, !settingsNode.isNull {
            try flatten(settingsNode, prefix: "", profile: name, into: &settings)
        }
        return Profile(name: name, description: description, settings: settings)
    }

    /// Adds the settings under `node` with dotted keys: `database: {url: x}` is `database.url`.
    private func flatten(
        _ node: YAMLNode, prefix: String, profile: String, into settings: inout [SettingKey: SettingValue]
    ) throws(ConfigError) {
        for pair in try pairs(of: node, context: "profile '\(profile)' settings") {
            let key = prefix + (pair.key.scalarText ?? "")
            let settingKey = SettingKey(key)
            let found = registry.definition(for: settingKey)
            // A pass-through setting may also be written nested: `kafka: {linger.ms: 5}`.
            if found?.isPassthrough == true, case .mapping = pair.value.content {
                try flatten(pair.value, prefix: key + ".", profile: profile, into: &settings)
                continue
            }
            guard let definition = found else {
                if case .mapping = pair.value.content {
                    try flatten(pair.value, prefix: key + ".", profile: profile, into: &settings)
                    continue
                }
                throw registry.unknownSetting(
                    key, context: "profile '\(profile)'", file: path, line: pair.key.mark.line,
                    column: pair.key.mark.column)
            }
            guard settings[settingKey] == nil else {
                throw error(
                    .duplicateKey, "profile '\(profile)': setting '\(key)' is given twice", at: pair.key, key: key)
            }
            settings[settingKey] = try value(of: pair.value, for: definition, profile: profile)
        }
    }

    private func value(
        of node: YAMLNode, for definition: SettingDefinition, profile: String
    ) throws(ConfigError) -> SettingValue {
        let parsed: SettingValue?
        var got = "got \(node.kindName)"
        switch node.content {
        case .scalar(let text, _) where !node.isNull:
            parsed = definition.type.parse(text)
            got = definition.isSecret ? "got a value that does not fit (not shown: secret)" : "got '\(text)'"
        case .sequence(let items):
            let texts = items.compactMap(\.scalarText)
            parsed = texts.count == items.count ? definition.type.parse(items: texts) : nil
        default:
            parsed = nil
        }

        guard let parsed else {
            var problem =
                "profile '\(profile)': setting '\(definition.key)': expected \(definition.type.expectation), \(got)"
            if node.isNull, case .string = definition.type { problem += "; write '' for an empty string" }
            throw error(.invalidValue, problem, at: node, key: definition.key.rawValue)
        }
        return parsed
    }

    // MARK: - Shapes

    /// The pairs of a mapping whose keys are all scalars and all different.
    func pairs(of node: YAMLNode, context: String) throws(ConfigError) -> [YAMLNode.Pair] {
        guard case .mapping(let pairs) = node.content else {
            throw error(.invalidStructure, "\(context) must be a mapping, found \(node.kindName)", at: node)
        }

        var seen: Set<String> = []
        for pair in pairs {
            guard let key = pair.key.scalarText else {
                throw error(.invalidStructure, "\(context): keys must be plain text", at: pair.key)
            }
            guard seen.insert(key).inserted else {
                throw error(.duplicateKey, "\(context): key '\(key)' is given twice", at: pair.key, key: key)
            }
        }
        return pairs
    }

    /// A scalar's text, nil for a null, an error for a collection.
    func optionalText(_ node: YAMLNode, context: String) throws(ConfigError) -> String? {
        if node.isNull { return nil }
        guard let text = node.scalarText else {
            throw error(.invalidStructure, "\(context) must be text, found \(node.kindName)", at: node, key: context)
        }
        return text
    }

    func error(
        _ code: ConfigError.Code, _ problem: String, at node: YAMLNode, key: String? = nil, suggestion: String? = nil
    ) -> ConfigError {
        var text = problem
        if let suggestion, code == .unknownKey { text += " (did you mean '\(suggestion)'?)" }
        return ConfigError(
            code, text, file: path, line: node.mark.line, column: node.mark.column, key: key, suggestion: suggestion)
    }
}
