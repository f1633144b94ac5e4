import COpenSSL

/// HMAC-SHA256 through OpenSSL's one-shot `HMAC()`.
///
/// The one-shot call keeps no state between messages, so it is safe from any thread; no context
/// is shared or cached.
public enum HMACSHA256 {
    /// The digest length in bytes.
    public static let byteCount = 32

    /// Computes the MAC of `message` under `key`. The key must not be empty.
    public static func authenticate(key: [UInt8], message: [UInt8]) throws(OpenSSLError) -> [UInt8] {
        // withUnsafeBytes rethrows untyped errors, so the typed error crosses it inside a Result.
        let result = key.withUnsafeBytes { key in
            message.withUnsafeBytes { message in
                Result { () throws(OpenSSLError) in try authenticate(key: key, message: message) }
            }
        }
        return try result.get()
    }

    /// Computes the MAC of the bytes in `message` under the bytes in `key`.
    static func authenticate(
        key: UnsafeRawBufferPointer, message: UnsafeRawBufferPointer
    ) throws(OpenSSLError) -> [UInt8] {
        guard key.count > 0, key.count <= Int32.max else {
            throw OpenSSLError(operation: "HMAC", errorCode: 0, reason: "key length out of range")
        }

        var length: UInt32 = 0
        let mac = [UInt8](unsafeUninitializedCapacity: Int(EVP_MAX_MD_SIZE)) { buffer, count in
            let result = HMAC(
                EVP_sha256(), key.baseAddress, Int32(key.count),
                message.baseAddress?.assumingMemoryBound(to: UInt8.self), message.count,
                buffer.baseAddress, &length)
            count = result == nil ? 0 : Int(length)
        }
        guard mac.count == byteCount else { throw OpenSSLError.current("HMAC") }
        return mac
    }
}
