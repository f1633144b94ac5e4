import Foundation
import Testing

@testable import TodoConfig

@Suite struct SecretMaskingTests {
    @Test func databaseURL_keepsHostButMasksPassword() {
        #expect(SecretMask.masked("postgres://app:s3cret@db:5432/todo") == "postgres://app:****@db:5432/todo")
        #expect(SecretMask.masked("postgres://app:p@ss@db/todo") == "postgres://app:****@db/todo")
        #expect(
            SecretMask.masked("postgres://db/todo?sslmode=require&password=x")
                == "postgres://db/todo?sslmode=require&password=****")
        #expect(SecretMask.masked("sqlite:///var/lib/todo.db") == "sqlite:///var/lib/todo.db")
    }

    @Test func plainSecrets_areHiddenWhole_butEmptyStaysVisible() {
        #expect(SecretMask.masked(.string("abc")) == "****")
        #expect(SecretMask.masked(.string("")) == "")
        #expect(SecretMask.masked(.list(["a", "b"])) == "****,****")
    }

    @Test func showOutput_masksSecretsFromEveryLayer_andNamesEachSource() throws {
        let directory = try TemporaryDirectory()
        let environment = [
            "HOME": directory.path, "JWT_SECRET": "env-secret-value-0123456789",
            "DATABASE_URL": "postgres://app:db-password@db/todo",
        ]
        let overrides = [SettingOverride(key: "auth.jwt_previous_secrets", text: "old-one,old-two")]

        let config = try ConfigResolver(environment: environment).resolve(overrides: overrides)
        let text = config.rendered()

        #expect(!text.contains("env-secret-value"))
        #expect(!text.contains("db-password"))
        #expect(!text.contains("old-one"))
        #expect(text.contains("postgres://app:****@db/todo"))
        let jwtLine = try #require(text.split(separator: "\n").first { $0.hasPrefix("auth.jwt_secret ") })
        #expect(jwtLine.contains("****"))
        #expect(jwtLine.hasSuffix("env JWT_SECRET"))
        let previousLine = try #require(text.split(separator: "\n").first { $0.hasPrefix("auth.jwt_previous_secrets") })
        #expect(previousLine.hasSuffix("flag --set"))
        let portLine = try #require(text.split(separator: "\n").first { $0.hasPrefix("ports.backend ") })
        #expect(portLine.contains("8000"))
        #expect(portLine.hasSuffix("default"))
        #expect(text.hasPrefix("Profile: local (default)\n"))
    }

    @Test func unmaskedRendering_showsTheValue() throws {
        let directory = try TemporaryDirectory()
        let config = try ConfigResolver(environment: ["HOME": directory.path, "JWT_SECRET": "visible"]).resolve()

        #expect(config.rendered(maskingSecrets: false).contains("visible"))
    }
}
