import TodoConfig

/// The options every command accepts, and the settings they select.
///
/// Before the command name: `--profile NAME`, `--config FILE`, `--set KEY=VALUE` (repeatable),
/// `--host`, `--data-dir`, `--database-url`, `--log-level` and `--help`. Commands that load
/// settings accept the same options after their name through ``takeCommonOverrides(_:)``.
/// `--port` is not global: `serve` maps it to the port of the one service it names.
struct GlobalOptions: Sendable {
    /// Shortcut flags and the setting each one sets, as `--set` would.
    static let shortcuts: [(flag: String, key: SettingKey)] = [
        ("host", .httpHost), ("data-dir", .dataDirectory), ("database-url", .databaseURL), ("log-level", .logLevel),
    ]

    /// The options that take a value, so that the value is not taken for the command name.
    static let valuedOptions: Set<String> = Set(["profile", "config", "set"] + shortcuts.map(\.flag))

    /// `--profile`: the profile to use instead of `TODO_PROFILE` or the current one.
    var profile: String?
    /// `--config`: the profiles file to use instead of `TODO_CONFIG` or the XDG location.
    var configFile: String?
    /// Settings from the command line: key → text as typed, checked when settings are loaded.
    var overrides: [String: String] = [:]
    /// The flag that set each override, for `profile show`; keys set in code are missing here.
    var overrideFlags: [String: String] = [:]
    /// `--help` or `-h` before the command name.
    var help = false
    /// The process environment, passed in so that tests choose it.
    var environment: [String: String]

    init(environment: [String: String]) {
        self.environment = environment
    }

    /// Takes the global options in front of the command name, leaving the command and its own
    /// options in `words`. An unknown option there is a usage error.
    static func parse(_ words: inout Arguments, environment: [String: String]) throws(CLIError) -> GlobalOptions {
        var leading = words.takeLeadingOptions(valued: valuedOptions)
        var options = GlobalOptions(environment: environment)

        options.help = leading.wantsHelp()
        try options.takeCommonOverrides(&leading)
        try leading.finish()
        return options
    }

    /// Takes `--profile`, `--config`, `--set` and the shortcut flags written after a command name;
    /// they override the same options given before it.
    mutating func takeCommonOverrides(_ arguments: inout Arguments) throws(CLIError) {
        if let profile = try arguments.option("profile") { self.profile = profile }
        if let file = try arguments.option("config") { configFile = file }
        try takeSettingOverrides(&arguments)
    }

    /// Takes `--set KEY=VALUE` (in order) and then the shortcut flags, which win over `--set` for
    /// the same key.
    mutating func takeSettingOverrides(_ arguments: inout Arguments) throws(CLIError) {
        let assignments = try arguments.options("set")
        do throws(ConfigError) {
            for override in try SettingOverride.assignments(assignments) {
                set(override.key, to: override.text, flag: override.flag)
            }
        } catch {
            throw CLIError.usage(error.message)
        }

        for shortcut in Self.shortcuts {
            guard let value = try arguments.option(shortcut.flag) else { continue }
            set(shortcut.key.rawValue, to: value, flag: "--" + shortcut.flag)
        }
    }

    /// Records one override and the flag it came from.
    mutating func set(_ key: String, to text: String, flag: String) {
        overrides[key] = text
        overrideFlags[key] = flag
    }

    /// The resolver for this environment.
    func resolver(environment: [String: String]? = nil) -> ConfigResolver {
        ConfigResolver(environment: environment ?? self.environment)
    }

    /// The profile store for the selected profiles file.
    func profileStore() -> ProfileStore {
        resolver().profileStore(explicitFile: configFile)
    }

    /// Resolves every setting: defaults < profile < environment < these options. `profile` replaces
    /// the selected profile when given (`profile show NAME`), and `profileNamedBy` says so.
    func resolve(
        profile: String? = nil, profileNamedBy: String = "--profile", environment: [String: String]? = nil
    ) throws(ConfigError) -> ResolvedConfig {
        let overrides = self.overrides.sorted { $0.key < $1.key }.map { key, text in
            SettingOverride(key: key, text: text, flag: overrideFlags[key] ?? "--set")
        }
        return try resolver(environment: environment).resolve(
            profile: profile ?? self.profile, profilesFile: configFile, overrides: overrides,
            profileNamedBy: profile == nil ? "--profile" : profileNamedBy)
    }

    /// The typed settings for the composition root, from the environment given at parse time.
    func loadSettings() throws -> AppSettings {
        try loadSettings(environment: environment)
    }

    /// The typed settings for the composition root, resolved against `environment`.
    func loadSettings(environment: [String: String]) throws -> AppSettings {
        try AppSettings(resolved: resolve(environment: environment))
    }
}
