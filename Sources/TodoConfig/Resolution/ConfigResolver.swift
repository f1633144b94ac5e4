/// Resolves every setting of a registry from four layers, each overriding the one before:
/// defaults < profile < environment variables < command-line flags.
///
/// The profile is the one named by `--profile`, else by `TODO_PROFILE`, else the profiles file's
/// `current_profile`, else `local`. Every layer is checked in full, even where a later layer
/// overrides it, so a mistake anywhere is reported instead of hidden; nothing falls back to a
/// default silently. Derived defaults (`database.url` inside `data_dir`) are computed from the
/// resolved `data_dir`, so moving the data directory by any layer moves the database with it.
///
/// The environment is passed in, never read from the process.
public struct ConfigResolver: Sendable {
    public let registry: SettingsRegistry
    public let environment: [String: String]

    public init(environment: [String: String], registry: SettingsRegistry = .standard) {
        self.environment = environment
        self.registry = registry
    }

    /// The profiles file: `explicit` (from `--config`, with `~/` expanded) if given, else the
    /// one the environment names (see ``ConfigPaths/profilesFile(environment:)``).
    public func profilesFilePath(explicit: String? = nil) -> String {
        if let explicit, !explicit.isEmpty { return ConfigPaths.expandingHome(explicit, environment: environment) }
        return ConfigPaths.profilesFile(environment: environment)
    }

    /// The profile store for the same file and environment the resolver uses.
    public func profileStore(explicitFile: String? = nil) -> ProfileStore {
        ProfileStore(path: profilesFilePath(explicit: explicitFile), environment: environment, registry: registry)
    }

    /// Resolves every setting.
    ///
    /// - Parameters:
    ///   - profile: the profile named by `--profile`, if any.
    ///   - profilesFile: the file named by `--config`, if any.
    ///   - overrides: command-line settings in the order given; for a repeated key the last wins.
    public func resolve(
        profile explicitProfile: String? = nil, profilesFile explicitFile: String? = nil,
        overrides: [SettingOverride] = [], profileNamedBy: String = "--profile"
    ) throws(ConfigError) -> ResolvedConfig {
        let store = profileStore(explicitFile: explicitFile)
        let file = try store.load()
        let (profile, origin, selectedBy) = try selectProfile(
            explicit: explicitProfile, namedBy: profileNamedBy, file: file, store: store)

        let fromEnvironment = try environmentValues()
        let fromFlags = try flagValues(overrides)

        // data_dir first: the other derived defaults are computed from its resolved value.
        let layered = { (definition: SettingDefinition) -> (SettingValue, SettingSource)? in
            if let flag = fromFlags[definition.key] { return (flag.value, .flag(flag.name)) }
            if let value = fromEnvironment[definition.key] {
                return (value, .environment(definition.environmentVariable))
            }
            return profile.settings[definition.key].map { ($0, .profile(profile.name)) }
        }
        let dataDirectory = resolvedDataDirectory(layered)
        let context = DefaultContext(environment: environment, dataDirectory: dataDirectory)

        var settings: [ResolvedSetting] = []
        for definition in registry.definitions {
            let (value, source): (SettingValue, SettingSource)
            if let layer = layered(definition) {
                (value, source) = layer
            } else {
                (value, source) = try defaulted(definition, context: context)
            }
            settings.append(
                ResolvedSetting(definition: definition, value: expanded(value, for: definition), source: source))
        }
        // Pass-through settings exist only where a layer gives them.
        let passthrough = Set(profile.settings.keys).union(fromFlags.keys).subtracting(registry.keys).sorted()
        for key in passthrough {
            guard let definition = registry.definition(for: key), let (value, source) = layered(definition) else {
                continue
            }
            settings.append(ResolvedSetting(definition: definition, value: value, source: source))
        }
        return ResolvedConfig(
            profile: profile, profileOrigin: origin, profileSelectedBy: selectedBy, profilesFile: store.path,
            settings: settings)
    }

    // MARK: - Layers

    /// The profile to apply and what chose it, in words and as a kind; `namedBy` is where
    /// `explicit` came from (`--profile`, or the argument of `profile show`).
    private func selectProfile(
        explicit: String?, namedBy: String, file: ProfilesFile, store: ProfileStore
    ) throws(ConfigError) -> (Profile, String, String) {
        let known = store.builtIns + file.profiles
        let lookup = { (name: String) -> Profile? in known.first { $0.name == name } }
        let names = known.map(\.name)

        if let explicit {
            guard let profile = lookup(explicit) else {
                throw Profile.unknown(explicit, known: names, context: namedBy)
            }
            return (profile, "selected by \(namedBy)", namedBy == "--profile" ? "flag" : "argument")
        }
        if let name = environment[ConfigPaths.profileVariable], !name.isEmpty {
            guard let profile = lookup(name) else {
                throw Profile.unknown(
                    name, known: names, context: "environment variable \(ConfigPaths.profileVariable)")
            }
            return (profile, "selected by \(ConfigPaths.profileVariable)", "env")
        }
        if let name = file.currentProfile {
            guard let profile = lookup(name) else {
                throw Profile.unknown(
                    name, known: names, context: "current_profile", file: file.path, line: file.currentProfileLine)
            }
            return (profile, "current profile", "current")
        }
        let local = store.builtIns.first { $0.name == BuiltInProfiles.localName } ?? Profile(name: "local")
        return (local, "default", "default")
    }

    /// The default of `definition`; one taken from another program's environment variable is
    /// checked like any variable and names it as the source.
    private func defaulted(
        _ definition: SettingDefinition, context: DefaultContext
    ) throws(ConfigError) -> (SettingValue, SettingSource) {
        guard case .environment(let variable, _) = definition.defaultValue, let text = environment[variable],
            !text.isEmpty
        else { return (definition.defaultValue.value(in: context), .defaultValue) }

        let value = try registry.parse(
            text, for: definition, context: "environment variable \(variable)", code: .invalidEnvironment)
        return (value, .environment(variable))
    }

    /// Every setting whose environment variable is set. An empty variable counts as unset, as a
    /// shell or a compose file often passes `VAR=` to mean "not given".
    private func environmentValues() throws(ConfigError) -> [SettingKey: SettingValue] {
        var values: [SettingKey: SettingValue] = [:]
        for definition in registry.definitions {
            guard let text = environment[definition.environmentVariable], !text.isEmpty else { continue }
            values[definition.key] = try registry.parse(
                text, for: definition, context: "environment variable \(definition.environmentVariable)",
                code: .invalidEnvironment)
        }
        return values
    }

    /// The command-line overrides, checked against the registry; the last one for a key wins.
    private func flagValues(
        _ overrides: [SettingOverride]
    ) throws(ConfigError) -> [SettingKey: (value: SettingValue, name: String)] {
        var values: [SettingKey: (value: SettingValue, name: String)] = [:]
        for override in overrides {
            guard let definition = registry.definition(for: SettingKey(override.key)) else {
                throw registry.unknownSetting(override.key, context: override.flag)
            }
            let value = try registry.parse(override.text, for: definition, context: override.flag, code: .invalidValue)
            values[definition.key] = (value, override.flag)
        }
        return values
    }

    // MARK: - Defaults and paths

    /// `data_dir` from the layers, else its default; the XDG data directory if the registry has no
    /// such key.
    private func resolvedDataDirectory(_ layered: (SettingDefinition) -> (SettingValue, SettingSource)?) -> String {
        let fallback = ConfigPaths.defaultDataDirectory(environment: environment)
        guard let definition = registry.definition(for: .dataDirectory) else { return fallback }

        let context = DefaultContext(environment: environment, dataDirectory: fallback)
        let value = layered(definition)?.0 ?? definition.defaultValue.value(in: context)
        return expanded(value, for: definition).description
    }

    /// Path settings with a leading `~/` expanded against `HOME`.
    private func expanded(_ value: SettingValue, for definition: SettingDefinition) -> SettingValue {
        guard case .path = definition.type, case .string(let path) = value else { return value }
        return .string(ConfigPaths.expandingHome(path, environment: environment))
    }
}
