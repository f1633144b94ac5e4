extension TokenService {
    /// Keys for another use of the same secrets, one per accepted key with the signing key's first:
    /// HMAC-SHA256 of `purpose` under each secret. What is signed for one purpose cannot pass for
    /// another, and the secrets themselves never leave this type.
    public func derivedKeys(purpose: String) throws(OpenSSLError) -> [[UInt8]] {
        var derived: [[UInt8]] = []
        for key in keys {
            derived.append(try HMACSHA256.authenticate(key: key.secret, message: Array(purpose.utf8)))
        }
        return derived
    }
}
