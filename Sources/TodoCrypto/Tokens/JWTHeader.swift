/// The JOSE header of an incoming token, decoded leniently so that a wrong `alg` or `kid` is
/// reported as such instead of as a decoding failure.
struct JWTHeader: Decodable {
    /// The `alg` value when it is a string.
    var algorithm: String?
    /// The `kid` value when it is a string.
    var keyID: String?
    /// Whether `kid` is present with a type other than string.
    var keyIDIsInvalid: Bool
    /// Whether the header has `crit`, naming extensions this verifier does not implement and so
    /// must refuse (RFC 7515 §4.1.11).
    var hasCriticalExtensions: Bool

    private enum CodingKeys: String, CodingKey {
        case alg
        case kid
        case crit
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        algorithm = try? container.decodeIfPresent(String.self, forKey: .alg)
        keyID = try? container.decodeIfPresent(String.self, forKey: .kid)
        keyIDIsInvalid = container.contains(.kid) && keyID == nil
        hasCriticalExtensions = container.contains(.crit)
    }
}
