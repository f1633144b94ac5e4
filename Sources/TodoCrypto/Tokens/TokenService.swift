import Foundation

/// Issues and verifies HS256 JWT access tokens (RFC 7519) with HMAC-SHA256 from OpenSSL.
///
/// New tokens are signed with the signing key and carry its id as `kid`. Verification accepts the
/// signing key and every verification key, which is how keys rotate without logging anyone out:
/// add the new key as signing key, keep the old one in `verificationKeys` for one token lifetime,
/// then drop it.
///
/// Times are compared with a leeway (30 s by default) for clock skew between the machines that
/// issue and verify: a token is accepted until `exp + leeway` and refused when `iat` or `nbf` lies
/// more than `leeway` ahead. The service is an immutable value and safe to share across threads.
public struct TokenService: Sendable {
    /// The algorithm this service signs with and the only one it accepts.
    public static let algorithm = "HS256"

    /// The key new tokens are signed with.
    public let signingKey: JWTKey
    /// The `iss` claim written into and required of every token.
    public let issuer: String
    /// Seconds from issue to expiry.
    public let lifetime: Int
    /// Seconds of clock skew tolerated on `exp`, `iat` and `nbf`.
    public let leeway: Int

    /// Every accepted key: the signing key first, then the other verification keys.
    let keys: [JWTKey]
    /// The base64url header segment that ``issue(subject:now:)`` writes.
    let signingHeaderSegment: String
    let makeTokenID: @Sendable () -> String
    /// Shared by every verification: JSONDecoder is Sendable and keeps no per-call state.
    let decoder = JSONDecoder()

    /// Creates a service that signs with `signingKey` and accepts it and `verificationKeys`.
    ///
    /// Throws when a secret is shorter than ``JWTKey/minimumSecretByteCount``, a key id is empty,
    /// longer than 64 characters or uses characters outside `A–Z a–z 0–9 . _ -`, two different
    /// secrets share an id, the issuer is empty, the lifetime is not positive or the leeway is
    /// negative.
    public init(
        signingKey: JWTKey, verificationKeys: [JWTKey] = [], issuer: String, lifetime: Int, leeway: Int = 30
    ) throws(TokenConfigurationError) {
        try self.init(
            signingKey: signingKey, verificationKeys: verificationKeys, issuer: issuer, lifetime: lifetime,
            leeway: leeway, makeTokenID: { SecureRandom.token(byteCount: 16) })
    }

    /// Creates a service with an injected `jti` generator, so a test can pin the whole token.
    init(
        signingKey: JWTKey, verificationKeys: [JWTKey], issuer: String, lifetime: Int, leeway: Int,
        makeTokenID: @escaping @Sendable () -> String
    ) throws(TokenConfigurationError) {
        guard !issuer.isEmpty else { throw TokenConfigurationError("issuer must not be empty") }
        guard lifetime > 0 else { throw TokenConfigurationError("lifetime must be positive") }
        guard leeway >= 0 else { throw TokenConfigurationError("leeway must not be negative") }

        var keys: [JWTKey] = []
        for key in [signingKey] + verificationKeys {
            try Self.validate(key)
            if let existing = keys.first(where: { $0.id == key.id }) {
                guard ConstantTime.equals(existing.secret, key.secret) else {
                    throw TokenConfigurationError("two different keys share the id \(key.id)")
                }
                continue
            }
            keys.append(key)
        }

        self.signingKey = signingKey
        self.issuer = issuer
        self.lifetime = lifetime
        self.leeway = leeway
        self.keys = keys
        self.signingHeaderSegment = Base64URL.encode(
            Array(#"{"alg":"HS256","typ":"JWT","kid":"\#(signingKey.id)"}"#.utf8))
        self.makeTokenID = makeTokenID
    }

    /// Signs a token for `subject`, issued at `now` (truncated to whole seconds) and expiring
    /// ``lifetime`` seconds later, with a random `jti`.
    ///
    /// Throws ``TokenError/claimInvalid(name:)`` for an empty subject and ``OpenSSLError`` if
    /// HMAC fails.
    public func issue(subject: String, now: Date) throws -> IssuedToken {
        guard !subject.isEmpty else { throw TokenError.claimInvalid(name: "sub") }

        let issuedAt = Int(now.timeIntervalSince1970.rounded(.down))
        let expiresAt = issuedAt + lifetime
        let tokenID = makeTokenID()
        var payload = JSONText()
        payload.append(#"{"sub":"#)
        payload.appendQuoted(subject)
        payload.append(#","iss":"#)
        payload.appendQuoted(issuer)
        payload.append(#","iat":\#(issuedAt),"exp":\#(expiresAt),"jti":"#)
        payload.appendQuoted(tokenID)
        payload.append("}")

        let signingInput = signingHeaderSegment + "." + Base64URL.encode(payload.bytes)
        let signature = try HMACSHA256.authenticate(key: signingKey.secret, message: Array(signingInput.utf8))
        return IssuedToken(
            token: signingInput + "." + Base64URL.encode(signature),
            expiresAt: Date(timeIntervalSince1970: TimeInterval(expiresAt)), expiresIn: lifetime, tokenID: tokenID)
    }

    private static func validate(_ key: JWTKey) throws(TokenConfigurationError) {
        let idIsSafe = key.id.utf8.allSatisfy { byte in
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "-"):
                true
            default:
                false
            }
        }
        guard (1...64).contains(key.id.utf8.count), idIsSafe else {
            throw TokenConfigurationError("a key id must be 1 to 64 characters from A-Z a-z 0-9 . _ -")
        }
        guard key.secret.count >= JWTKey.minimumSecretByteCount else {
            throw TokenConfigurationError(
                "the secret of key \(key.id) is shorter than \(JWTKey.minimumSecretByteCount) bytes")
        }
    }
}
