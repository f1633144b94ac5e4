/// Where a resolved setting's value came from. Later layers win: default < profile < environment <
/// flag.
public enum SettingSource: Sendable, Hashable, CustomStringConvertible {
    /// The registry's default (fixed, or derived from the environment and the resolved `data_dir`).
    case defaultValue
    /// The named profile, built in or from the profiles file.
    case profile(String)
    /// The named environment variable.
    case environment(String)
    /// The named command-line flag (`--set`, `--host`, ...).
    case flag(String)

    /// The layer's name alone: `default`, `profile`, `env` or `flag`.
    public var kind: String {
        switch self {
        case .defaultValue: "default"
        case .profile: "profile"
        case .environment: "env"
        case .flag: "flag"
        }
    }

    /// The profile, variable or flag, or nil for a default.
    public var name: String? {
        switch self {
        case .defaultValue: nil
        case .profile(let name), .environment(let name), .flag(let name): name
        }
    }

    /// `default`, `profile dev`, `env DATABASE_URL` or `flag --set`.
    public var description: String {
        guard let name else { return kind }
        return "\(kind) \(name)"
    }
}
