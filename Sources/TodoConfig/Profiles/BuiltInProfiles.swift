/// The profiles that exist without being written in the file.
///
/// `local` overrides nothing: it is the defaults. `test` is for automated tests: quiet logs, cheap
/// password hashing, sign-ups all but unlimited (every test signs up from 127.0.0.1) and a data
/// directory under the system temporary directory.
public enum BuiltInProfiles {
    public static let localName = "local"
    public static let testName = "test"
    /// The built-in names, in listing order.
    public static let names = [localName, testName]

    /// Whether `name` is a built-in profile.
    public static func isBuiltIn(_ name: String) -> Bool {
        names.contains(name)
    }

    /// The built-in profiles; `test`'s data directory is `$TMPDIR/todo-chatbot-test` (or under `/tmp`).
    public static func all(environment: [String: String]) -> [Profile] {
        let temporary = ConfigPaths.temporaryDirectory(environment: environment)
        return [
            Profile(name: localName, description: "Defaults only: nothing overridden", isBuiltIn: true),
            Profile(
                name: testName,
                description: "Automated tests: quiet logs, fast hashing, sign-ups unlimited, data in the temp dir",
                settings: [
                    .logLevel: .string("warning"),
                    .scryptLogN: .int(10),
                    .signupMaxPerAddress: .int(1_000_000),
                    .dataDirectory: .string("\(temporary)/\(ConfigPaths.applicationName)-test"),
                ],
                isBuiltIn: true),
        ]
    }
}
