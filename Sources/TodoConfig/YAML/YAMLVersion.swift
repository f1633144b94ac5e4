import CYAML

/// The libyaml the process runs on, for `version`.
public enum YAMLVersion {
    public static var current: String { String(cString: yaml_get_version_string()) }
}
