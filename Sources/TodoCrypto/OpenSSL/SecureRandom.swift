import COpenSSL

/// Cryptographically secure random bytes from OpenSSL's default DRBG (`RAND_bytes`).
public enum SecureRandom {
    /// Returns `count` random bytes; a count of zero or less returns an empty array.
    ///
    /// `RAND_bytes` fails only when the DRBG cannot be seeded, which no input can cause; handing
    /// out predictable bytes instead would be worse than stopping, so that failure traps with
    /// OpenSSL's reason.
    public static func bytes(_ count: Int) -> [UInt8] {
        guard count > 0 else { return [] }

        return [UInt8](unsafeUninitializedCapacity: count) { buffer, initializedCount in
            var offset = 0
            while offset < count {
                // RAND_bytes takes an int length: fill very large requests in chunks.
                let chunk = min(count - offset, Int(Int32.max))
                guard RAND_bytes(buffer.baseAddress! + offset, Int32(chunk)) == 1 else {
                    fatalError("\(OpenSSLError.current("RAND_bytes"))")
                }
                offset += chunk
            }
            initializedCount = count
        }
    }

    /// Returns `byteCount` random bytes encoded as unpadded base64url, for session ids, token ids
    /// and similar unguessable values. 16 bytes give 128 bits and a 22-character string.
    public static func token(byteCount: Int = 32) -> String {
        Base64URL.encode(bytes(byteCount))
    }
}
