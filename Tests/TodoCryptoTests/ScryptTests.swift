import Testing

@testable import TodoCrypto

struct ScryptTests {
    /// RFC 7914 §12, third vector: "password", "NaCl", N = 1024, r = 8, p = 16, dkLen = 64.
    @Test func derivationMatchesRFC7914Vector() throws {
        let key = try Scrypt.derive(
            password: Array("password".utf8), salt: Array("NaCl".utf8), logN: 10, r: 8, p: 16, length: 64)

        #expect(
            hex(key)
                == "fdbabe1c9d3472007856e7190d01e9fe7c6ad7cbc8237830e77376634b373162"
                + "2eaf30d92e22a3886ff109279d9830dac727afb94a83ee6d8360cbdfa2cc0640")
    }

    /// RFC 7914 §12, first vector: empty password and salt, N = 16, r = 1, p = 1, dkLen = 64.
    @Test func derivationAcceptsEmptyPasswordAndSalt() throws {
        let key = try Scrypt.derive(password: [], salt: [], logN: 4, r: 1, p: 1, length: 64)

        #expect(
            hex(key)
                == "77d6576238657b203b19ca42c18a0497f16b4844e3074ae8dfdffa3fede21442"
                + "fcd0069ded0948f8326a753a0fc81f17e8d3e0fb2e0d3628cf35e20c38d18906")
    }

    @Test func derivationRefusesParametersOpenSSLCannotTake() {
        #expect(throws: OpenSSLError.self) {
            try Scrypt.derive(password: [1], salt: [1], logN: 0, r: 8, p: 1, length: 32)
        }
        #expect(throws: OpenSSLError.self) {
            try Scrypt.derive(password: [1], salt: [1], logN: 10, r: 1 << 15, p: 1 << 15, length: 32)
        }
        #expect(throws: OpenSSLError.self) {
            try Scrypt.derive(password: [1], salt: [1], logN: 10, r: 8, p: 1, length: 0)
        }
    }
}
