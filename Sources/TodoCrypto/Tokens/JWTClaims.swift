/// The registered claims of an incoming token. A claim with the wrong type reads as absent, and
/// the verifier reports the claim by name.
struct JWTClaims: Decodable {
    var subject: String?
    var issuer: String?
    var issuedAt: Double?
    var expiresAt: Double?
    var notBefore: Double?
    var notBeforeIsInvalid: Bool
    var tokenID: String?

    private enum CodingKeys: String, CodingKey {
        case sub
        case iss
        case iat
        case exp
        case nbf
        case jti
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        subject = try? container.decodeIfPresent(String.self, forKey: .sub)
        issuer = try? container.decodeIfPresent(String.self, forKey: .iss)
        issuedAt = Self.numericDate(.iat, in: container)
        expiresAt = Self.numericDate(.exp, in: container)
        notBefore = Self.numericDate(.nbf, in: container)
        notBeforeIsInvalid = container.contains(.nbf) && notBefore == nil
        tokenID = try? container.decodeIfPresent(String.self, forKey: .jti)
    }

    /// A NumericDate (RFC 7519 §2): a finite JSON number of seconds since the epoch.
    private static func numericDate(_ key: CodingKeys, in container: KeyedDecodingContainer<CodingKeys>) -> Double? {
        guard let value = try? container.decodeIfPresent(Double.self, forKey: key), value.isFinite else { return nil }
        return value
    }
}
