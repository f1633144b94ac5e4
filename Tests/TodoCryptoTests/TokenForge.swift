import Foundation

@testable import TodoCrypto

/// Builds tokens with arbitrary headers and payloads, for the cases TokenService must refuse.
/// Signing uses the library's HMAC; its correctness is pinned separately by known-answer tests.
enum TokenForge {
    static let issuer = "todo-chatbot"
    static let now = Date(timeIntervalSince1970: 1_700_000_000)
    static let currentKey = JWTKey(id: "k2", secret: Array("current-secret-0123456789abcdefghij".utf8))
    static let oldKey = JWTKey(id: "k1", secret: Array("previous-secret-0123456789abcdefghi".utf8))

    static func service(verificationKeys: [JWTKey] = [oldKey], lifetime: Int = 900) throws -> TokenService {
        try TokenService(
            signingKey: currentKey, verificationKeys: verificationKeys, issuer: issuer, lifetime: lifetime)
    }

    /// `header.payload.signature` with the signature made under `key`, or empty when `key` is nil.
    static func token(header: String, payload: String, key: JWTKey?) throws -> String {
        let signingInput = Base64URL.encode(Array(header.utf8)) + "." + Base64URL.encode(Array(payload.utf8))
        guard let key else { return signingInput + "." }

        let signature = try HMACSHA256.authenticate(key: key.secret, message: Array(signingInput.utf8))
        return signingInput + "." + Base64URL.encode(signature)
    }

    /// A payload with valid claims, changed by `edit` (set a value to nil to drop the claim).
    static func payload(_ edit: (inout [String: Any]) -> Void = { _ in }) throws -> String {
        var claims: [String: Any] = [
            "sub": "user-1", "iss": issuer, "iat": 1_700_000_000, "exp": 1_700_000_900, "jti": "id-1",
        ]
        edit(&claims)

        let data = try JSONSerialization.data(withJSONObject: claims, options: [.sortedKeys])
        return String(decoding: data, as: UTF8.self)
    }

    static let header = #"{"alg":"HS256","typ":"JWT","kid":"k2"}"#
}
