import COpenSSL

/// SHA-1 through OpenSSL's one-shot `EVP_Digest`, for protocols that require it (the WebSocket
/// handshake's `Sec-WebSocket-Accept`, RFC 6455 §4.2.2). Not for anything that needs collision
/// resistance.
public enum SHA1 {
    /// The digest length in bytes.
    public static let byteCount = 20

    /// The digest of `message`.
    public static func digest(_ message: [UInt8]) throws(OpenSSLError) -> [UInt8] {
        var length: UInt32 = 0
        let digest = message.withUnsafeBytes { message in
            [UInt8](unsafeUninitializedCapacity: Int(EVP_MAX_MD_SIZE)) { buffer, count in
                let status = EVP_Digest(
                    message.baseAddress, message.count, buffer.baseAddress, &length, EVP_sha1(), nil)
                count = status == 1 ? Int(length) : 0
            }
        }
        guard digest.count == byteCount else { throw OpenSSLError.current("EVP_Digest(SHA-1)") }
        return digest
    }
}
