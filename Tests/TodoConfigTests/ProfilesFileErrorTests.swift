import Foundation
import Testing

@testable import TodoConfig

@Suite struct ProfilesFileErrorTests {
    @Test func unknownSetting_namesFileLineKeyAndSuggestion() throws {
        let directory = try TemporaryDirectory()
        let path = try directory.write(
            """
            profiles:
              - name: dev
                settings:
                  http.host: 0.0.0.0
                  ports.backnd: 9000
            """, to: "config.yaml")

        let error = #expect(throws: ConfigError.self) { try ProfilesFile.load(path: path) }

        #expect(error?.code == .unknownSetting)
        #expect(error?.file == path)
        #expect(error?.line == 5)
        #expect(error?.key == "ports.backnd")
        #expect(error?.suggestion == "ports.backend")
        #expect(error?.message.hasPrefix("\(path):5:") == true)
        #expect(error?.message.contains("did you mean 'ports.backend'") == true)
    }

    @Test func unknownTopLevelKey_isRefusedWithItsLine() throws {
        let directory = try TemporaryDirectory()
        let path = try directory.write("profiles: []\ncurent_profile: dev\n", to: "config.yaml")

        let error = #expect(throws: ConfigError.self) { try ProfilesFile.load(path: path) }

        #expect(error?.code == .unknownKey)
        #expect(error?.line == 2)
        #expect(error?.suggestion == "current_profile")
    }

    @Test func badValue_namesTheKeyTheExpectationAndTheLine() throws {
        let directory = try TemporaryDirectory()
        let path = try directory.write(
            """
            profiles:
              - name: dev
                settings:
                  ports.backend: 70000
            """, to: "config.yaml")

        let error = #expect(throws: ConfigError.self) { try ProfilesFile.load(path: path) }

        #expect(error?.code == .invalidValue)
        #expect(error?.line == 4)
        #expect(error?.key == "ports.backend")
        #expect(error?.message.contains("a port number (0...65535)") == true)
        #expect(error?.message.contains("'70000'") == true)
    }

    @Test func badSecretValue_doesNotRepeatTheSecret() throws {
        let directory = try TemporaryDirectory()
        let path = try directory.write(
            """
            profiles:
              - name: dev
                settings:
                  database.url: hunter2-not-a-url
            """, to: "config.yaml")

        let error = #expect(throws: ConfigError.self) { try ProfilesFile.load(path: path) }

        #expect(error?.code == .invalidValue)
        #expect(error?.message.contains("hunter2") == false)
    }

    @Test func syntaxError_namesFileAndLine() throws {
        let directory = try TemporaryDirectory()
        let path = try directory.write("profiles:\n  - name: dev\n    settings: [unclosed\n", to: "config.yaml")

        let error = #expect(throws: ConfigError.self) { try ProfilesFile.load(path: path) }

        #expect(error?.code == .yamlSyntax)
        #expect(error?.file == path)
        #expect((error?.line ?? 0) >= 3)
    }

    @Test func redefiningBuiltInProfile_isRefused() throws {
        let directory = try TemporaryDirectory()
        let path = try directory.write("profiles:\n  - name: local\n", to: "config.yaml")

        let error = #expect(throws: ConfigError.self) { try ProfilesFile.load(path: path) }

        #expect(error?.code == .builtInProfile)
        #expect(error?.line == 2)
    }
}
