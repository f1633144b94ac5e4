/// A named HMAC-SHA256 key for signing or verifying JWTs. The `id` travels in the token header as
/// `kid`, which is how keys rotate: new tokens are signed with the newest key while older keys stay
/// in the verification list until the tokens they signed have expired.
public struct JWTKey: Sendable, CustomStringConvertible {
    /// The key id written as `kid`: 1 to 64 characters from `A–Z a–z 0–9 . _ -`.
    public let id: String
    /// The secret, at least ``minimumSecretByteCount`` bytes.
    public let secret: [UInt8]

    /// The shortest secret accepted: 32 bytes, the output size of SHA-256 (RFC 7518 §3.2).
    public static let minimumSecretByteCount = 32

    public init(id: String, secret: [UInt8]) {
        self.id = id
        self.secret = secret
    }

    /// Names the key and never shows the secret, so a key that ends up in a log leaks nothing.
    public var description: String {
        "JWTKey(id: \(id), secret: \(secret.count) bytes)"
    }
}
