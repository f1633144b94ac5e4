import Foundation
import Testing

@testable import TodoConfig

@Suite struct ProfilesFileRoundTripTests {
    @Test func savedFile_loadsBackEqual_includingTrickyStrings() throws {
        let directory = try TemporaryDirectory()
        var file = ProfilesFile(path: "\(directory.path)/nested/config.yaml", currentProfile: "dev")
        try file.add(
            Profile(
                name: "dev", description: "yes: it's mine # not a comment",
                settings: [
                    .httpHost: .string("0.0.0.0"),
                    .backendPort: .int(9000),
                    .databaseAutoMigrate: .bool(false),
                    .jwtIssuer: .string("true"),
                    .jwtSecret: .string("12345"),
                    .httpCORSOrigins: .list(["http://a.test:1", "https://b.test"]),
                    .jwtPreviousSecrets: .list([]),
                ]))
        try file.add(Profile(name: "empty"))

        try file.save()
        let loaded = try ProfilesFile.load(path: file.path)

        #expect(loaded == file)
        #expect(loaded.profile(named: "dev")?.settings[.jwtIssuer] == .string("true"))
        #expect(loaded.profile(named: "dev")?.settings[.jwtSecret] == .string("12345"))
    }

    @Test func savedFile_isUserOnly() throws {
        let directory = try TemporaryDirectory()
        let file = ProfilesFile(path: "\(directory.path)/config.yaml")

        try file.save()

        let attributes = try FileManager.default.attributesOfItem(atPath: file.path)
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
    }

    @Test func handWrittenNestedSettings_areFlattenedToDottedKeys() throws {
        let directory = try TemporaryDirectory()
        let path = try directory.write(
            """
            current_profile: staging
            profiles:
              - name: staging
                settings:
                  database:
                    url: postgres://app:pw@db/todo
                  ports: {backend: 8100}
                  http.cors_origins: [https://x.test]
                  auth.token_ttl_seconds: 15m
            """, to: "config.yaml")

        let file = try ProfilesFile.load(path: path)

        let settings = try #require(file.profile(named: "staging")).settings
        #expect(settings[.databaseURL] == .string("postgres://app:pw@db/todo"))
        #expect(settings[.backendPort] == .int(8100))
        #expect(settings[.httpCORSOrigins] == .list(["https://x.test"]))
        #expect(settings[.tokenTTLSeconds] == .int(900))
    }

    @Test func missingFile_isAnEmptyFile() throws {
        let directory = try TemporaryDirectory()

        let file = try ProfilesFile.load(path: "\(directory.path)/absent.yaml")

        #expect(file.profiles.isEmpty)
        #expect(file.currentProfile == nil)
    }
}
