/// Why a password could not be hashed. Neither case is the user's fault: both are configuration or
/// environment failures and map to an internal error.
public enum PasswordHashError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The hasher was built with parameters outside ``PasswordHasher``'s accepted ranges.
    case parametersOutOfRange(logN: Int, r: Int, p: Int)
    /// OpenSSL's scrypt failed, for example because it could not allocate its memory.
    case derivationFailed(OpenSSLError)

    /// A stable machine code for the case.
    public var code: String {
        switch self {
        case .parametersOutOfRange: "password_hash_parameters_invalid"
        case .derivationFailed: "password_hash_failed"
        }
    }

    public var description: String {
        switch self {
        case .parametersOutOfRange(let logN, let r, let p):
            "\(code): scrypt parameters ln=\(logN), r=\(r), p=\(p) are outside the accepted ranges"
        case .derivationFailed(let error):
            "\(code): \(error)"
        }
    }
}
