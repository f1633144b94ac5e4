import Foundation
import Testing
import TodoConfig
import TodoHTTP

@testable import TodoApp

/// `http.trusted_proxies` and the sign-up limit: defaults, the environment, and entries refused
/// with the setting named.
@Suite struct ClientLimitSettingsTests {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("limits-\(UUID().uuidString)")

    private func settings(_ extra: [String: String]) throws -> AppSettings {
        try serveOptions(extra, in: directory).loadSettings()
    }

    @Test func byDefault_noProxyIsTrusted_andTwentySignUpsAnHourPerAddress() throws {
        let settings = try settings([:])

        #expect(settings.trustedProxies.isEmpty)
        #expect(settings.signupMaxPerAddress == 20)
        #expect(settings.signupWindowSeconds == 3600)
    }

    @Test func theEnvironment_namesTheProxies() throws {
        let settings = try settings([
            "TODO_TRUSTED_PROXIES": "10.0.0.0/8, fd00::/8", "TODO_SIGNUP_MAX_PER_ADDRESS": "3",
        ])

        #expect(settings.trustedProxies.clientAddress(peer: "10.1.1.1", forwardedFor: ["203.0.113.7"]) == "203.0.113.7")
        #expect(settings.signupMaxPerAddress == 3)
    }

    @Test func anEntryThatIsNotAnAddressOrARange_isRefusedWithTheSettingNamed() throws {
        let error = try #require(throws: ConfigError.self) {
            try settings(["TODO_TRUSTED_PROXIES": "10.0.0.0/8,ingress-nginx"])
        }
        #expect(error.code == .invalidValue)
        #expect(error.message.contains("http.trusted_proxies") && error.message.contains("'ingress-nginx'"))
    }
}
