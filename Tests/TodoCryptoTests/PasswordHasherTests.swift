import Foundation
import Testing

@testable import TodoCrypto

struct PasswordHasherTests {
    let hasher = PasswordHasher(logN: 10, r: 8, p: 1)

    @Test func hashedPasswordVerifies() throws {
        let encoded = try hasher.hash("correct horse battery staple")

        #expect(hasher.verify("correct horse battery staple", encoded: encoded))
    }

    @Test func wrongPasswordDoesNotVerify() throws {
        let encoded = try hasher.hash("correct horse battery staple")

        #expect(!hasher.verify("correct horse battery stapler", encoded: encoded))
        #expect(!hasher.verify("", encoded: encoded))
    }

    @Test func encodedFormNamesItsParametersAndHoldsSaltAndKey() throws {
        let encoded = try hasher.hash("pässwörd")
        let fields = encoded.split(separator: "$", omittingEmptySubsequences: false)

        #expect(fields.count == 5)
        #expect(encoded.hasPrefix("$scrypt$ln=10,r=8,p=1$"))
        #expect(Base64URL.decode(String(fields[3]))?.count == 16)
        #expect(Base64URL.decode(String(fields[4]))?.count == 32)
        #expect(hasher.verify("pässwörd", encoded: encoded))
    }

    @Test func samePasswordGetsADifferentSaltEachTime() throws {
        let first = try hasher.hash("same")
        let second = try hasher.hash("same")

        #expect(first != second)
        #expect(hasher.verify("same", encoded: second))
    }

    @Test func hashesStoredWithOtherParametersStillVerify() throws {
        let older = try PasswordHasher(logN: 11, r: 4, p: 2).hash("secret")

        #expect(hasher.verify("secret", encoded: older))
        #expect(hasher.needsRehash(older))
    }

    @Test func freshHashNeedsNoRehash() throws {
        #expect(!hasher.needsRehash(try hasher.hash("secret")))
        #expect(hasher.needsRehash("not a hash"))
    }

    @Test(arguments: [
        "",
        "$scrypt$",
        "scrypt$ln=10,r=8,p=1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
        "$argon2id$ln=10,r=8,p=1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
        "$scrypt$ln=10,r=8$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
        "$scrypt$r=8,ln=10,p=1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
        "$scrypt$ln=+10,r=8,p=1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
        "$scrypt$ln=10,r=8,p=1$AAAAAAAAAAAAAAAAAAAAAA",
        "$scrypt$ln=10,r=8,p=1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA$",
        "$scrypt$ln=10,r=8,p=1$AAAA*AAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
        "$scrypt$ln=10,r=8,p=1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
        "$scrypt$ln=10,r=8,p=1$AAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
        "$scrypt$ln=10,r=8,p=1$AAAAAAAAAAAAAAAAAAAAAA$AAAA",
    ])
    func malformedEncodingDoesNotVerify(encoded: String) {
        #expect(!hasher.verify("anything", encoded: encoded))
        #expect(hasher.needsRehash(encoded))
    }

    @Test(arguments: [
        "ln=9,r=8,p=1", "ln=21,r=8,p=1", "ln=64,r=8,p=1", "ln=10,r=0,p=1", "ln=10,r=33,p=1",
        "ln=10,r=8,p=0", "ln=10,r=8,p=17", "ln=10000,r=8,p=1",
    ])
    func storedParametersOutsideTheSaneRangeDoNotVerify(parameters: String) throws {
        let genuine = try hasher.hash("secret")
        let tampered = genuine.replacingOccurrences(of: "ln=10,r=8,p=1", with: parameters)

        #expect(tampered != genuine)
        #expect(!hasher.verify("secret", encoded: tampered))
    }

    @Test func tamperedKeyDoesNotVerify() throws {
        let genuine = try hasher.hash("secret")
        var fields = genuine.split(separator: "$", omittingEmptySubsequences: false).map(String.init)
        var key = try #require(Base64URL.decode(fields[4]))
        key[0] ^= 0x01
        fields[4] = Base64URL.encode(key)

        #expect(!hasher.verify("secret", encoded: fields.joined(separator: "$")))
    }

    @Test(arguments: [(9, 8, 1), (21, 8, 1), (14, 0, 1), (14, 8, 0), (14, 64, 1), (14, 8, 32)])
    func hashingRefusesParametersOutsideTheSaneRange(logN: Int, r: Int, p: Int) {
        #expect(throws: PasswordHashError.parametersOutOfRange(logN: logN, r: r, p: p)) {
            try PasswordHasher(logN: logN, r: r, p: p).hash("secret")
        }
    }

    @Test func defaultsAreTheDocumentedCost() {
        let defaults = PasswordHasher()

        #expect(defaults.logN == 14 && defaults.r == 8 && defaults.p == 1)
    }
}
