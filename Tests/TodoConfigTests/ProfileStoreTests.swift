import Foundation
import Testing

@testable import TodoConfig

@Suite struct ProfileStoreTests {
    let directory: TemporaryDirectory
    let store: ProfileStore

    init() throws {
        directory = try TemporaryDirectory()
        store = ProfileStore(path: "\(directory.path)/config/config.yaml", environment: ["HOME": directory.path])
    }

    @Test func list_withoutFile_showsBuiltInsWithLocalCurrent() throws {
        let summaries = try store.list()

        #expect(summaries.map(\.name) == ["local", "test"])
        #expect(summaries.map(\.isCurrent) == [true, false])
        #expect(summaries.allSatisfy { $0.isBuiltIn })
        #expect(summaries[1].overrideCount == 4)
    }

    @Test func create_writesTheProfile_andUseMakesItCurrent() throws {
        try store.create(name: "dev", description: "mine", assignments: ["ports.backend=9000", "log.level=DEBUG"])
        try store.use("dev")

        let reloaded = try ProfilesFile.load(path: store.path)
        #expect(reloaded.currentProfile == "dev")
        #expect(reloaded.profile(named: "dev")?.settings == [.backendPort: .int(9000), .logLevel: .string("debug")])
        #expect(try store.list().first { $0.isCurrent }?.name == "dev")
        let config = try ConfigResolver(environment: ["HOME": directory.path]).resolve(profilesFile: store.path)
        #expect(config.profileName == "dev")
        #expect(config[.backendPort]?.source == .profile("dev"))
    }

    @Test func create_refusesUnknownKeyBadValueAndBuiltInName() throws {
        let unknown = #expect(throws: ConfigError.self) {
            try store.create(name: "dev", assignments: ["prts.backend=1"])
        }
        let bad = #expect(throws: ConfigError.self) {
            try store.create(name: "dev", assignments: ["ports.backend=70000"])
        }
        let builtIn = #expect(throws: ConfigError.self) { try store.create(name: "test") }
        let malformed = #expect(throws: ConfigError.self) { try store.create(name: "dev", assignments: ["novalue"]) }

        #expect(unknown?.code == .unknownSetting)
        #expect(unknown?.suggestion == "ports.backend")
        #expect(bad?.code == .invalidValue)
        #expect(builtIn?.code == .builtInProfile)
        #expect(malformed?.code == .invalidAssignment)
        #expect(!FileManager.default.fileExists(atPath: store.path))
    }

    @Test func create_twice_isRefused() throws {
        try store.create(name: "dev")

        let error = #expect(throws: ConfigError.self) { try store.create(name: "dev") }

        #expect(error?.code == .duplicateProfile)
    }

    @Test func deletingTheCurrentProfile_makesLocalCurrent() throws {
        try store.create(name: "dev")
        try store.use("dev")

        try store.delete("dev")

        let file = try store.load()
        #expect(file.profiles.isEmpty)
        #expect(file.currentProfile == "local")
    }

    @Test func deletingABuiltInOrUnknownProfile_isRefused() throws {
        let builtIn = #expect(throws: ConfigError.self) { try store.delete("local") }
        let unknown = #expect(throws: ConfigError.self) { try store.delete("nope") }

        #expect(builtIn?.code == .builtInProfile)
        #expect(unknown?.code == .unknownProfile)
    }

    @Test func usingAnUnknownProfile_isRefusedAndLeavesTheFileAlone() throws {
        let error = #expect(throws: ConfigError.self) { try store.use("dve") }

        #expect(error?.code == .unknownProfile)
        #expect(!FileManager.default.fileExists(atPath: store.path))
    }
}
