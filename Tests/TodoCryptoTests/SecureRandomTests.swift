import Testing

@testable import TodoCrypto

struct SecureRandomTests {
    @Test func bytesReturnsTheRequestedCount() {
        #expect(SecureRandom.bytes(0).isEmpty)
        #expect(SecureRandom.bytes(-1).isEmpty)
        #expect(SecureRandom.bytes(1).count == 1)
        #expect(SecureRandom.bytes(4096).count == 4096)
    }

    @Test func consecutiveDrawsDiffer() {
        let draws = Set((0..<100).map { _ in SecureRandom.bytes(16) })

        #expect(draws.count == 100)
    }

    @Test func largeDrawsAreNotZeroFilled() {
        let bytes = SecureRandom.bytes(1024)

        // 1024 random bytes hold far more than 200 distinct values except with negligible odds.
        #expect(Set(bytes).count > 200)
    }

    @Test func tokenIsUnpaddedBase64URLOfTheRequestedBytes() throws {
        let token = SecureRandom.token(byteCount: 16)

        #expect(token.utf8.count == 22)
        let decoded = try #require(Base64URL.decode(token))
        #expect(decoded.count == 16)
        #expect(SecureRandom.token(byteCount: 16) != token)
    }
}
