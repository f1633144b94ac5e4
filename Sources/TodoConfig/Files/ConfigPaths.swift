import Foundation

/// Where the profiles file and the data live, following the XDG base directory rules.
///
/// Everything is computed from the environment passed in, never from the process, so that tests
/// and the CLI decide what the environment is.
public enum ConfigPaths {
    /// The application's directory name under the XDG base directories.
    public static let applicationName = "todo-chatbot"
    /// The environment variable that names the profiles file directly.
    public static let configFileVariable = "TODO_CONFIG"
    /// The environment variable that selects the profile when no flag does.
    public static let profileVariable = "TODO_PROFILE"

    /// `$TODO_CONFIG`, else `$XDG_CONFIG_HOME/todo-chatbot/config.yaml`, else
    /// `~/.config/todo-chatbot/config.yaml`.
    public static func profilesFile(environment: [String: String]) -> String {
        if let explicit = environment[configFileVariable], !explicit.isEmpty {
            return expandingHome(explicit, environment: environment)
        }
        let base = xdgDirectory("XDG_CONFIG_HOME", fallback: ".config", environment: environment)
        return "\(base)/\(applicationName)/config.yaml"
    }

    /// The default data directory: `$XDG_DATA_HOME/todo-chatbot`, else
    /// `~/.local/share/todo-chatbot`.
    public static func defaultDataDirectory(environment: [String: String]) -> String {
        let base = xdgDirectory("XDG_DATA_HOME", fallback: ".local/share", environment: environment)
        return "\(base)/\(applicationName)"
    }

    /// `$HOME`, else the account's home directory.
    public static func homeDirectory(environment: [String: String]) -> String {
        if let home = environment["HOME"], !home.isEmpty { return home }
        return FileManager.default.homeDirectoryForCurrentUser.path
    }

    /// `$TMPDIR` without a trailing slash, else `/tmp`.
    public static func temporaryDirectory(environment: [String: String]) -> String {
        guard var directory = environment["TMPDIR"], !directory.isEmpty else { return "/tmp" }
        while directory.count > 1 && directory.hasSuffix("/") { directory.removeLast() }
        return directory
    }

    /// Replaces a leading `~` or `~/` with the home directory.
    public static func expandingHome(_ path: String, environment: [String: String]) -> String {
        if path == "~" { return homeDirectory(environment: environment) }
        guard path.hasPrefix("~/") else { return path }
        return homeDirectory(environment: environment) + path.dropFirst()
    }

    /// An XDG base directory: the variable if it holds an absolute path (the specification says
    /// relative ones are ignored), else the fallback under the home directory.
    private static func xdgDirectory(_ variable: String, fallback: String, environment: [String: String]) -> String {
        if let value = environment[variable], value.hasPrefix("/") { return value }
        return "\(homeDirectory(environment: environment))/\(fallback)"
    }
}
