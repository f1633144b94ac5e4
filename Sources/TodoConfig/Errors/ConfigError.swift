/// A configuration problem, with a stable code and a message that says where it is (file, line,
/// column) and which key it concerns, so that a person can fix it without guessing.
///
/// Configuration never falls back to a default silently: every value that cannot be used is one of
/// these errors. Messages never contain the value of a secret setting.
public struct ConfigError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What went wrong. The raw values are stable and may be shown to users or matched by scripts.
    public enum Code: String, Sendable, Equatable, CaseIterable {
        /// libyaml could not parse the file.
        case yamlSyntax = "yaml_syntax"
        /// The file parses but has the wrong shape (a list where a mapping belongs, an alias).
        case invalidStructure = "invalid_structure"
        /// A key that the file format does not know, at the top level or in a profile.
        case unknownKey = "unknown_key"
        /// The same key twice in one mapping (also after flattening nested settings).
        case duplicateKey = "duplicate_key"
        /// A profile entry without a `name`.
        case missingProfileName = "missing_profile_name"
        /// A profile name that is empty, too long or has characters other than letters, digits, `.-_`.
        case invalidProfileName = "invalid_profile_name"
        /// Two profiles with the same name.
        case duplicateProfile = "duplicate_profile"
        /// A setting key that the registry does not know.
        case unknownSetting = "unknown_setting"
        /// A setting value of the wrong type or out of range.
        case invalidValue = "invalid_value"
        /// A profile name that is neither built in nor in the file.
        case unknownProfile = "unknown_profile"
        /// A `key=value` string (from `--set` or `profile create`) without `=` or without a key.
        case invalidAssignment = "invalid_assignment"
        /// An environment variable whose value does not fit its setting.
        case invalidEnvironment = "invalid_environment"
        /// An attempt to redefine or delete a built-in profile.
        case builtInProfile = "built_in_profile"
        /// The file exists but could not be read.
        case fileRead = "file_read_failed"
        /// The file could not be written (directory, temporary file, rename).
        case fileWrite = "file_write_failed"
        /// libyaml's emitter refused the document.
        case yamlEmit = "yaml_emit_failed"
    }

    public var code: Code
    /// The problem without its location, e.g. `setting 'ports.backend': expected a port ...`.
    public var problem: String
    /// The file the problem is in, if it comes from a file.
    public var file: String?
    /// One-based line in ``file``.
    public var line: Int?
    /// One-based column in ``file``.
    public var column: Int?
    /// The setting key, profile name or file key concerned, if there is one.
    public var key: String?
    /// A close match for an unknown key or profile name, if one exists.
    public var suggestion: String?

    /// Creates an error; `problem` should already name the key, the location is added by ``message``.
    public init(
        _ code: Code, _ problem: String, file: String? = nil, line: Int? = nil, column: Int? = nil,
        key: String? = nil, suggestion: String? = nil
    ) {
        self.code = code
        self.problem = problem
        self.file = file
        self.line = line
        self.column = column
        self.key = key
        self.suggestion = suggestion
    }

    /// The full text for a person: `file:line:column: problem`.
    public var message: String {
        guard let file else { return problem }

        var location = file
        if let line {
            location += ":\(line)"
            if let column { location += ":\(column)" }
        }
        return "\(location): \(problem)"
    }

    public var description: String { "\(code.rawValue): \(message)" }
}
