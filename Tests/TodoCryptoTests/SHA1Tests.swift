import Testing

@testable import TodoCrypto

struct SHA1Tests {
    @Test func digestsMatchTheFIPS180Examples() throws {
        #expect(hex(try SHA1.digest(Array("abc".utf8))) == "a9993e364706816aba3e25717850c26c9cd0d89d")
        #expect(hex(try SHA1.digest([])) == "da39a3ee5e6b4b0d3255bfef95601890afd80709")
    }
}
