/// The profile operations of the CLI (`profile list|show|use|create|delete`) over one profiles
/// file. Each operation reads the file, and those that change it write it back atomically.
///
/// Two processes changing the file at the same moment may lose one change (the last rename wins);
/// the file is edited by hand or by one CLI at a time, so there is no lock.
public struct ProfileStore: Sendable {
    /// The profiles file.
    public let path: String
    public let registry: SettingsRegistry
    /// `local` and `test`, built for the environment given at creation.
    public let builtIns: [Profile]

    /// A store for the file at `path`; `environment` decides the built-in `test` profile's data
    /// directory.
    public init(path: String, environment: [String: String], registry: SettingsRegistry = .standard) {
        self.path = path
        self.registry = registry
        self.builtIns = BuiltInProfiles.all(environment: environment)
    }

    /// A store for the file the environment points to (see ``ConfigPaths/profilesFile(environment:)``).
    public init(environment: [String: String], registry: SettingsRegistry = .standard) {
        self.init(
            path: ConfigPaths.profilesFile(environment: environment), environment: environment, registry: registry)
    }

    /// Reads the file (a missing file is an empty one).
    public func load() throws(ConfigError) -> ProfilesFile {
        try ProfilesFile.load(path: path, registry: registry)
    }

    /// Built-in profiles first, then the file's in file order, marking the current one.
    public func list() throws(ConfigError) -> [ProfileSummary] {
        let file = try load()
        let current = file.currentProfile ?? BuiltInProfiles.localName
        return (builtIns + file.profiles).map { profile in
            ProfileSummary(
                name: profile.name, description: profile.description, isCurrent: profile.name == current,
                isBuiltIn: profile.isBuiltIn, overrideCount: profile.settings.count)
        }
    }

    /// The built-in or file profile with this name.
    public func profile(named name: String) throws(ConfigError) -> Profile {
        try profile(named: name, in: load())
    }

    /// Makes `name` the current profile; it must exist.
    public func use(_ name: String) throws(ConfigError) {
        var file = try load()
        _ = try profile(named: name, in: file)

        file.currentProfile = name
        try file.save()
    }

    /// Adds a profile from `key=value` pairs, each checked against the registry, and returns it.
    /// Refuses built-in names and names already in the file.
    @discardableResult
    public func create(name: String, description: String? = nil, assignments: [String] = []) throws(ConfigError)
        -> Profile
    {
        let context = "profile create \(name)"
        let raw = try SettingsRegistry.parseAssignments(assignments, context: context)
        let settings = try registry.values(from: raw, context: context)
        var file = try load()

        let profile = Profile(name: name, description: description, settings: settings)
        try file.add(profile)
        try file.save()
        return profile
    }

    /// Deletes a file profile; built-ins are refused. Deleting the current profile makes `local`
    /// current.
    public func delete(_ name: String) throws(ConfigError) {
        var file = try load()
        guard BuiltInProfiles.isBuiltIn(name) || file.profile(named: name) != nil else {
            throw Profile.unknown(name, known: knownNames(in: file), context: "profile delete", file: path)
        }

        try file.remove(named: name)
        try file.save()
    }

    private func profile(named name: String, in file: ProfilesFile) throws(ConfigError) -> Profile {
        if let builtIn = builtIns.first(where: { $0.name == name }) { return builtIn }
        if let profile = file.profile(named: name) { return profile }
        throw Profile.unknown(name, known: knownNames(in: file), context: "profile", file: path)
    }

    private func knownNames(in file: ProfilesFile) -> [String] {
        builtIns.map(\.name) + file.profiles.map(\.name)
    }
}
