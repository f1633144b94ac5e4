/// A ``TokenService`` configuration that cannot be used safely: a short secret, a bad key id,
/// two different keys with one id, an empty issuer or a lifetime that is not positive.
public struct TokenConfigurationError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The stable code for every configuration problem.
    public static let code = "token_config_invalid"

    /// What is wrong, naming key ids but never secrets.
    public let message: String

    public var code: String { Self.code }

    public var description: String { "\(Self.code): \(message)" }

    public init(_ message: String) {
        self.message = message
    }
}
