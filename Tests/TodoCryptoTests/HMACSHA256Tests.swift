import Testing

@testable import TodoCrypto

struct HMACSHA256Tests {
    @Test func macMatchesAnIndependentlyComputedValue() throws {
        // Python: hmac.new(b"key", b"The quick brown fox jumps over the lazy dog", sha256).
        let mac = try HMACSHA256.authenticate(
            key: Array("key".utf8), message: Array("The quick brown fox jumps over the lazy dog".utf8))

        #expect(hex(mac) == "f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8")
    }

    @Test func emptyMessageHasAMAC() throws {
        // Python: hmac.new(b"key", b"", sha256).
        let mac = try HMACSHA256.authenticate(key: Array("key".utf8), message: [])

        #expect(hex(mac) == "5d5d139563c95b5967b9bd9a8c9b233a9dedb45072794cd232dc1b74832607d0")
    }

    @Test func emptyKeyIsRefused() {
        #expect(throws: OpenSSLError.self) { try HMACSHA256.authenticate(key: [], message: [1]) }
    }

    @Test func constantTimeEqualityComparesContentAndLength() {
        #expect(ConstantTime.equals([1, 2, 3], [1, 2, 3]))
        #expect(!ConstantTime.equals([1, 2, 3], [1, 2, 4]))
        #expect(!ConstantTime.equals([1, 2, 3], [1, 2]))
        #expect(ConstantTime.equals([], []))
    }
}

func hex(_ bytes: [UInt8]) -> String {
    bytes.map { byte in
        let digits = String(byte, radix: 16)
        return digits.count == 1 ? "0" + digits : digits
    }.joined()
}
