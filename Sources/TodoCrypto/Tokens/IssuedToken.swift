import Foundation

/// A freshly signed access token and when it stops being accepted.
public struct IssuedToken: Sendable, Equatable {
    /// The compact JWT, `header.payload.signature`.
    public let token: String
    /// The `exp` claim: the token is rejected from this moment on (plus the verifier's leeway).
    public let expiresAt: Date
    /// Seconds from issue to expiry, for an OAuth-style `expires_in` field.
    public let expiresIn: Int
    /// The random `jti` claim, for logs and revocation lists.
    public let tokenID: String
}
