import Foundation

/// The claims of a token whose signature, issuer and lifetime have been checked.
public struct VerifiedToken: Sendable, Equatable {
    /// The `sub` claim: whom the token speaks for.
    public let subject: String
    /// The `iat` claim.
    public let issuedAt: Date
    /// The `exp` claim.
    public let expiresAt: Date
    /// The id of the key whose signature matched (the header's `kid`, or the key found by trying
    /// each when the header has none).
    public let keyID: String
    /// The `jti` claim, when the token has one.
    public let tokenID: String?
}
