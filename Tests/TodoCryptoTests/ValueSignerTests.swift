import Testing

@testable import TodoCrypto

@Suite struct ValueSignerTests {
    let old = Array(repeating: UInt8(1), count: 32)
    let new = Array(repeating: UInt8(2), count: 32)

    @Test func aSignedValueVerifiesUnderAnyOfTheKeys_andNothingElseDoes() throws {
        let value = try ValueSigner(keys: [old]).sign(Array("hello".utf8))

        #expect(ValueSigner(keys: [old]).verify(value) == Array("hello".utf8))
        #expect(ValueSigner(keys: [new, old]).verify(value) == Array("hello".utf8), "a rotated signer")
        #expect(ValueSigner(keys: [new]).verify(value) == nil)

        let (payload, mac) = (value.prefix { $0 != "." }, value.drop { $0 != "." }.dropFirst())
        let otherPayload = Base64URL.encode(Array("hellp".utf8))
        for altered in [otherPayload + "." + mac, payload + "." + payload, String(payload), value + ".", "." + mac, ""]
        {
            #expect(ValueSigner(keys: [old]).verify(altered) == nil, "\(altered)")
        }
    }

    @Test func derivedKeysDifferByPurpose_andFromTheSecret() throws {
        let service = try TokenService(
            signingKey: JWTKey(id: "a", secret: new), verificationKeys: [JWTKey(id: "b", secret: old)], issuer: "t",
            lifetime: 60)

        let sessions = try service.derivedKeys(purpose: "sessions")
        #expect(sessions.count == 2)
        #expect(sessions[0] == (try HMACSHA256.authenticate(key: new, message: Array("sessions".utf8))))
        #expect(try service.derivedKeys(purpose: "other") != sessions)
        #expect(!sessions.contains(new) && !sessions.contains(old))
    }
}
