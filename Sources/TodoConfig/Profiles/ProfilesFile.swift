/// The profiles file: which profile is current, and the user's profiles.
///
/// Load it with ``load(path:registry:)``, change it with the mutating methods or through
/// ``ProfileStore``, and write it back with ``save()``. Every value is validated against the
/// registry when loaded, so a loaded file holds only known keys with well-typed values.
///
/// Rewriting the file keeps its data but not its comments or formatting: libyaml's events carry no
/// comments.
public struct ProfilesFile: Sendable, Equatable {
    /// Where the file is read from and written to.
    public var path: String
    /// The `current_profile` key, if set.
    public var currentProfile: String?
    /// The user's profiles in file order; never includes built-in ones.
    public internal(set) var profiles: [Profile]
    /// The line of `current_profile` in the file, for errors about the name it gives.
    var currentProfileLine: Int?

    /// An empty file at `path` (nothing is written until ``save()``); add profiles with ``add(_:)``.
    public init(path: String, currentProfile: String? = nil) {
        self.path = path
        self.currentProfile = currentProfile
        self.profiles = []
    }

    /// Reads and validates the file; a missing file is an empty one.
    public static func load(path: String, registry: SettingsRegistry = .standard) throws(ConfigError) -> ProfilesFile {
        guard let bytes = try ConfigFileSystem.contents(of: path) else { return ProfilesFile(path: path) }
        return try decode(bytes, path: path, registry: registry)
    }

    /// Writes the file atomically with mode 0600, creating its directory if needed.
    public func save() throws(ConfigError) {
        try ConfigFileSystem.writeAtomically(try encoded(), to: path)
    }

    /// The user profile with this name, if the file has one.
    public func profile(named name: String) -> Profile? {
        profiles.first { $0.name == name }
    }

    /// Adds a profile; refuses built-in names and names already in the file.
    public mutating func add(_ profile: Profile) throws(ConfigError) {
        guard !BuiltInProfiles.isBuiltIn(profile.name) else {
            throw ConfigError(
                .builtInProfile, "profile '\(profile.name)' is built in and cannot be redefined", file: path,
                key: profile.name)
        }
        guard Profile.isValidName(profile.name) else {
            throw Profile.invalidName(profile.name, context: "new profile", file: path)
        }
        guard self.profile(named: profile.name) == nil else {
            throw ConfigError(
                .duplicateProfile, "profile '\(profile.name)' already exists", file: path, key: profile.name)
        }
        var stored = profile
        stored.isBuiltIn = false
        profiles.append(stored)
    }

    /// Removes a user profile; if it was current, `local` becomes current.
    public mutating func remove(named name: String) throws(ConfigError) {
        guard !BuiltInProfiles.isBuiltIn(name) else {
            throw ConfigError(
                .builtInProfile, "profile '\(name)' is built in and cannot be deleted", file: path, key: name)
        }
        guard let index = profiles.firstIndex(where: { $0.name == name }) else {
            throw ConfigError(.unknownProfile, "no profile named '\(name)' in the file", file: path, key: name)
        }
        profiles.remove(at: index)
        if currentProfile == name {
            currentProfile = BuiltInProfiles.localName
            currentProfileLine = nil
        }
    }
}

extension ProfilesFile {
    /// Files are equal when their path, current profile and profiles are; source lines are ignored.
    public static func == (lhs: ProfilesFile, rhs: ProfilesFile) -> Bool {
        lhs.path == rhs.path && lhs.currentProfile == rhs.currentProfile && lhs.profiles == rhs.profiles
    }
}
