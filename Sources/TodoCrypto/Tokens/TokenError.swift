/// Why a bearer token was rejected. Each case has a stable ``code`` and a ``message`` that is safe
/// to send to a client; neither ever contains the token or any part of it.
public enum TokenError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Not three base64url segments, or a header or payload that is not a JSON object.
    case malformed
    /// The header's `alg` is missing or is anything but exactly `HS256`.
    case algorithmUnsupported
    /// The header names a `kid` that is not among the verification keys.
    case keyUnknown
    /// The signature does not match under any candidate key.
    case signatureInvalid
    /// A required claim (`sub`, `exp`, `iat`) is missing or has the wrong type; `name` is the
    /// claim's name.
    case claimInvalid(name: String)
    /// `exp` has passed, beyond the leeway.
    case expired
    /// `iat` or `nbf` lies in the future, beyond the leeway.
    case notYetValid
    /// `iss` is missing or is not this service's issuer.
    case issuerInvalid
    /// OpenSSL failed while computing the signature: a server fault, not the client's.
    case verificationFailed(OpenSSLError)

    /// A stable machine code for the case.
    public var code: String {
        switch self {
        case .malformed: "token_malformed"
        case .algorithmUnsupported: "token_algorithm_unsupported"
        case .keyUnknown: "token_key_unknown"
        case .signatureInvalid: "token_signature_invalid"
        case .claimInvalid: "token_claim_invalid"
        case .expired: "token_expired"
        case .notYetValid: "token_not_yet_valid"
        case .issuerInvalid: "token_issuer_invalid"
        case .verificationFailed: "token_verification_failed"
        }
    }

    /// A sentence that is safe to show a client.
    public var message: String {
        switch self {
        case .malformed: "The token is malformed"
        case .algorithmUnsupported: "The token's signing algorithm is not supported"
        case .keyUnknown: "The token was signed with an unknown key"
        case .signatureInvalid: "The token's signature is invalid"
        case .claimInvalid(let name): "The token's \(name) claim is missing or invalid"
        case .expired: "The token has expired"
        case .notYetValid: "The token is not valid yet"
        case .issuerInvalid: "The token was issued by someone else"
        case .verificationFailed: "The token could not be verified"
        }
    }

    public var description: String { "\(code): \(message)" }
}
