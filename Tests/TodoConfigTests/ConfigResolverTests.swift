import Foundation
import Testing

@testable import TodoConfig

@Suite struct ConfigResolverTests {
    let directory: TemporaryDirectory
    let environment: [String: String]

    init() throws {
        directory = try TemporaryDirectory()
        environment = ["HOME": "\(directory.path)/home", "XDG_CONFIG_HOME": "\(directory.path)/xdg"]
    }

    /// Writes a profiles file with a `dev` profile (current) where the resolver looks for it.
    private func writeDevProfile(_ settings: String, current: Bool = true) throws {
        try FileManager.default.createDirectory(
            atPath: "\(directory.path)/xdg/todo-chatbot", withIntermediateDirectories: true)
        try directory.write(
            (current ? "current_profile: dev\n" : "") + "profiles:\n  - name: dev\n    settings:\n" + settings,
            to: "xdg/todo-chatbot/config.yaml")
    }

    @Test func withNothingConfigured_everySettingIsItsDefault() throws {
        let config = try ConfigResolver(environment: environment).resolve()

        #expect(config.profileName == "local")
        #expect(config.profilesFile == "\(directory.path)/xdg/todo-chatbot/config.yaml")
        #expect(config.settings.map(\.key) == SettingsRegistry.standard.keys)
        #expect(config.settings.allSatisfy { $0.source == .defaultValue })
        #expect(try config.int(.backendPort) == 8000)
        #expect(try config.bool(.databaseAutoMigrate) == true)
        #expect(try config.string(.dataDirectory) == "\(directory.path)/home/.local/share/todo-chatbot")
        #expect(try config.string(.databaseURL) == "sqlite://\(directory.path)/home/.local/share/todo-chatbot/todo.db")
    }

    @Test func profile_overridesDefault() throws {
        try writeDevProfile("      ports.backend: 9100\n")

        let config = try ConfigResolver(environment: environment).resolve()

        #expect(config.profileName == "dev")
        #expect(config[.backendPort]?.value == .int(9100))
        #expect(config[.backendPort]?.source == .profile("dev"))
        #expect(config[.httpHost]?.source == .defaultValue)
    }

    @Test func environment_overridesProfile() throws {
        try writeDevProfile("      ports.backend: 9100\n      auth.jwt_secret: from-profile\n")
        var environment = environment
        environment["TODO_BACKEND_PORT"] = "9200"
        environment["JWT_SECRET"] = "from-environment"

        let config = try ConfigResolver(environment: environment).resolve()

        #expect(config[.backendPort]?.value == .int(9200))
        #expect(config[.backendPort]?.source == .environment("TODO_BACKEND_PORT"))
        #expect(try config.string(.jwtSecret) == "from-environment")
        #expect(config[.jwtSecret]?.source == .environment("JWT_SECRET"))
    }

    @Test func flag_overridesEnvironment_andLastFlagWins() throws {
        try writeDevProfile("      ports.backend: 9100\n")
        var environment = environment
        environment["TODO_BACKEND_PORT"] = "9200"
        let overrides = [
            SettingOverride(key: "ports.backend", text: "9300"),
            SettingOverride(key: "ports.backend", text: "9400", flag: "--port"),
        ]

        let config = try ConfigResolver(environment: environment).resolve(overrides: overrides)

        #expect(config[.backendPort]?.value == .int(9400))
        #expect(config[.backendPort]?.source == .flag("--port"))
    }

    @Test func emptyEnvironmentVariable_countsAsUnset() throws {
        var environment = environment
        environment["TODO_BACKEND_PORT"] = ""

        let config = try ConfigResolver(environment: environment).resolve()

        #expect(config[.backendPort]?.source == .defaultValue)
    }

    @Test func aDefaultFromAnotherProgramsVariable_namesItAsTheSource_andLosesToTheProfile() throws {
        var environment = environment
        environment["OPENAI_API_KEY"] = "sk-openai"

        let config = try ConfigResolver(environment: environment).resolve()
        #expect(try config.string(.chatModelAPIKey) == "sk-openai")
        #expect(config[.chatModelAPIKey]?.source == .environment("OPENAI_API_KEY"))

        try writeDevProfile("      chat.model.api_key: sk-profile\n")
        let profiled = try ConfigResolver(environment: environment).resolve()
        #expect(try profiled.string(.chatModelAPIKey) == "sk-profile")
        #expect(profiled[.chatModelAPIKey]?.source == .profile("dev"))

        environment["OPENAI_API_KEY"] = ""
        #expect(
            try ConfigResolver(environment: environment).resolve(profile: "local")[.chatModelAPIKey]?.source
                == .defaultValue)
    }

    @Test func aProfileNamedByProfileShow_saysSo() throws {
        let config = try ConfigResolver(environment: environment).resolve(
            profile: "test", profileNamedBy: "profile show")

        #expect(config.profileOrigin == "selected by profile show")
        #expect(config.profileSelectedBy == "argument")
        #expect(throws: ConfigError.self) {
            try ConfigResolver(environment: environment).resolve(profile: "nope", profileNamedBy: "profile show")
        }
    }

    @Test func dataDirectoryFlag_movesTheDefaultDatabase() throws {
        let config = try ConfigResolver(environment: environment).resolve(
            overrides: [SettingOverride(key: "data_dir", text: "/x", flag: "--data-dir")])

        #expect(try config.string(.databaseURL) == "sqlite:///x/todo.db")
        #expect(config[.databaseURL]?.source == .defaultValue)
    }

    @Test func dataDirectoryFromProfile_withTilde_isExpandedAndMovesTheDatabase() throws {
        try writeDevProfile("      data_dir: ~/todo-data\n")

        let config = try ConfigResolver(environment: environment).resolve()

        let home = "\(directory.path)/home"
        #expect(try config.string(.dataDirectory) == "\(home)/todo-data")
        #expect(try config.string(.databaseURL) == "sqlite://\(home)/todo-data/todo.db")
    }

    @Test func explicitDatabaseURL_isNotReplacedByTheDerivedOne() throws {
        var environment = environment
        environment["DATABASE_URL"] = "sqlite:///elsewhere/app.db"

        let config = try ConfigResolver(environment: environment).resolve(
            overrides: [SettingOverride(key: "data_dir", text: "/x")])

        #expect(try config.string(.databaseURL) == "sqlite:///elsewhere/app.db")
    }

    @Test func profileSelection_flagBeatsEnvironmentBeatsFile() throws {
        try writeDevProfile("      log.level: debug\n")
        var environment = environment
        environment["TODO_PROFILE"] = "test"

        let fromEnvironment = try ConfigResolver(environment: environment).resolve()
        let fromFlag = try ConfigResolver(environment: environment).resolve(profile: "local")

        #expect(fromEnvironment.profileName == "test")
        #expect(fromEnvironment.profileOrigin == "selected by TODO_PROFILE")
        #expect(fromEnvironment.profileSelectedBy == "env")
        #expect(fromFlag.profileName == "local")
        #expect(fromFlag.profileOrigin == "selected by --profile")
        #expect(fromFlag.profileSelectedBy == "flag")
    }

    @Test func builtInTestProfile_isQuietCheapAndUsesTheTemporaryDirectory() throws {
        var environment = environment
        environment["TMPDIR"] = "\(directory.path)/tmp/"

        let config = try ConfigResolver(environment: environment).resolve(profile: "test")

        #expect(try config.string(.logLevel) == "warning")
        #expect(try config.int(.scryptLogN) == 10)
        #expect(try config.string(.dataDirectory) == "\(directory.path)/tmp/todo-chatbot-test")
        #expect(try config.string(.databaseURL) == "sqlite://\(directory.path)/tmp/todo-chatbot-test/todo.db")
        #expect(config[.scryptLogN]?.source == .profile("test"))
    }

    @Test func configFileFlag_beatsTheEnvironmentsFile() throws {
        let path = try directory.write(
            "profiles:\n  - name: other\n    settings:\n      http.threads: 3\n", to: "elsewhere.yaml")
        var environment = environment
        environment["TODO_CONFIG"] = "\(directory.path)/missing.yaml"

        let config = try ConfigResolver(environment: environment).resolve(profile: "other", profilesFile: path)

        #expect(config.profilesFile == path)
        #expect(try config.int(.httpThreads) == 3)
    }

    // MARK: - Errors

    @Test func unknownFlagKey_isRefusedWithSuggestion() throws {
        let error = #expect(throws: ConfigError.self) {
            try ConfigResolver(environment: environment).resolve(
                overrides: [SettingOverride(key: "log.lvel", text: "debug")])
        }

        #expect(error?.code == .unknownSetting)
        #expect(error?.key == "log.lvel")
        #expect(error?.suggestion == "log.level")
        #expect(error?.message == "--set: unknown setting 'log.lvel' (did you mean 'log.level'?)")
    }

    @Test func badFlagValue_isRefused() throws {
        let error = #expect(throws: ConfigError.self) {
            try ConfigResolver(environment: environment).resolve(
                overrides: [SettingOverride(key: "log.level", text: "loud", flag: "--log-level")])
        }

        #expect(error?.code == .invalidValue)
        #expect(error?.message.contains("--log-level") == true)
        #expect(error?.message.contains("one of trace, debug, info, warning, error") == true)
    }

    @Test func badEnvironmentValue_isRefusedEvenWhenAFlagOverridesIt() throws {
        var environment = environment
        environment["TODO_HTTP_THREADS"] = "many"

        let error = #expect(throws: ConfigError.self) {
            try ConfigResolver(environment: environment).resolve(
                overrides: [SettingOverride(key: "http.threads", text: "2")])
        }

        #expect(error?.code == .invalidEnvironment)
        #expect(error?.message.contains("TODO_HTTP_THREADS") == true)
        #expect(error?.key == "http.threads")
    }

    @Test func badSecretInEnvironment_isNotRepeated() throws {
        var environment = environment
        environment["DATABASE_URL"] = "s3cr3t-password"

        let error = #expect(throws: ConfigError.self) { try ConfigResolver(environment: environment).resolve() }

        #expect(error?.code == .invalidEnvironment)
        #expect(error?.message.contains("s3cr3t") == false)
    }

    @Test func unknownCurrentProfile_namesTheFileAndLine() throws {
        try FileManager.default.createDirectory(
            atPath: "\(directory.path)/xdg/todo-chatbot", withIntermediateDirectories: true)
        let path = try directory.write(
            "profiles:\n  - name: dev\ncurrent_profile: deev\n", to: "xdg/todo-chatbot/config.yaml")

        let error = #expect(throws: ConfigError.self) { try ConfigResolver(environment: environment).resolve() }

        #expect(error?.code == .unknownProfile)
        #expect(error?.file == path)
        #expect(error?.line == 3)
        #expect(error?.suggestion == "dev")
    }

    @Test func unknownProfileFlag_listsTheKnownProfiles() throws {
        let error = #expect(throws: ConfigError.self) {
            try ConfigResolver(environment: environment).resolve(profile: "tset")
        }

        #expect(error?.code == .unknownProfile)
        #expect(error?.suggestion == "test")
        #expect(error?.message.contains("known profiles: local, test") == true)
    }

    @Test func unparsableProfilesFile_isAnErrorNotDefaults() throws {
        try FileManager.default.createDirectory(
            atPath: "\(directory.path)/xdg/todo-chatbot", withIntermediateDirectories: true)
        try directory.write("profiles: [\n", to: "xdg/todo-chatbot/config.yaml")

        let error = #expect(throws: ConfigError.self) { try ConfigResolver(environment: environment).resolve() }

        #expect(error?.code == .yamlSyntax)
        #expect(error?.file == "\(directory.path)/xdg/todo-chatbot/config.yaml")
        #expect(error?.line != nil)
    }
}
