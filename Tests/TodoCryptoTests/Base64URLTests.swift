import Testing

@testable import TodoCrypto

struct Base64URLTests {
    /// RFC 4648 §10 test vectors, without padding.
    @Test(arguments: [
        ("", ""), ("f", "Zg"), ("fo", "Zm8"), ("foo", "Zm9v"), ("foob", "Zm9vYg"), ("fooba", "Zm9vYmE"),
        ("foobar", "Zm9vYmFy"),
    ])
    func encodingMatchesRFC4648Vectors(plain: String, encoded: String) {
        #expect(Base64URL.encode(Array(plain.utf8)) == encoded)
        #expect(Base64URL.decode(encoded) == Array(plain.utf8))
    }

    @Test func encodingUsesTheURLAlphabet() {
        // 0xFB 0xFF encodes to "+/8=" in the standard alphabet.
        #expect(Base64URL.encode([0xFB, 0xFF]) == "-_8")
        #expect(Base64URL.decode("-_8") == [0xFB, 0xFF])
    }

    @Test func everyLengthRoundTrips() {
        for length in 0...130 {
            let bytes = SecureRandom.bytes(length)
            let encoded = Base64URL.encode(bytes)

            #expect(!encoded.contains("="))
            #expect(encoded.utf8.count == (length * 4 + 2) / 3)
            #expect(Base64URL.decode(encoded) == bytes, "length \(length)")
        }
    }

    @Test func largeInputRoundTrips() {
        let bytes = SecureRandom.bytes(1 << 20)

        #expect(Base64URL.decode(Base64URL.encode(bytes)) == bytes)
    }

    @Test(arguments: [
        "Zm9v+A", "Zm9v/A", "Zm 9v", "Zm9v\n", "Zg==", "Zm8=", "Zm9v=", "====", "Zm9vYmF$", "Zm9vÿ", "Z\0g",
    ])
    func decodingRejectsCharactersOutsideTheAlphabet(text: String) {
        #expect(Base64URL.decode(text) == nil)
    }

    @Test func decodingRejectsALengthThatNoByteStringHas() {
        #expect(Base64URL.decode("Z") == nil)
        #expect(Base64URL.decode("Zm9vY") == nil)
    }

    @Test func decodingRejectsUnusedBitsInTheLastCharacter() {
        // "Zg" is the canonical encoding of "f"; "Zh" has a set bit past the last byte.
        #expect(Base64URL.decode("Zh") == nil)
        // "Zm8" is the canonical encoding of "fo"; "Zm9" has a set bit past the last byte.
        #expect(Base64URL.decode("Zm9") == nil)
    }

    @Test func decodingDropsTheBytesOpenSSLCountsForPadding() {
        // EVP_DecodeBlock alone would report 3 bytes for "Zg==" and 6 for "Zm9vYg==".
        #expect(Base64URL.decode("Zg")?.count == 1)
        #expect(Base64URL.decode("Zm9vYg")?.count == 4)
        #expect(Base64URL.decode("AAA") == [0, 0])
    }
}
