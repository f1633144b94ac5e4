/// Opaque strings that carry a payload and an HMAC-SHA256 over it: `<payload>.<mac>`, both
/// unpadded base64url. Whoever holds one of the keys can check a value without any shared state,
/// which is what lets a value issued by one replica be accepted by every other.
///
/// The first key signs; every key verifies, so keys rotate as the JWT keys do. The payload is
/// readable by anyone who sees the value: it authenticates, it does not hide.
public struct ValueSigner: Sendable {
    /// The longest value ``verify(_:)`` looks at; anything longer is refused unread.
    public static let maxValueLength = 4096

    private let keys: [[UInt8]]

    /// `keys` must not be empty, and no key may be empty.
    public init(keys: [[UInt8]]) {
        precondition(!keys.isEmpty && keys.allSatisfy { !$0.isEmpty }, "a ValueSigner needs non-empty keys")
        self.keys = keys
    }

    /// `payload` and its MAC under the first key.
    public func sign(_ payload: [UInt8]) throws(OpenSSLError) -> String {
        let encoded = Base64URL.encode(payload)
        let mac = try HMACSHA256.authenticate(key: keys[0], message: Array(encoded.utf8))
        return encoded + "." + Base64URL.encode(mac)
    }

    /// The payload of `value` when its MAC matches one of the keys; nil for anything else.
    public func verify(_ value: String) -> [UInt8]? {
        guard value.utf8.count <= Self.maxValueLength else { return nil }
        let parts = value.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 2, let payload = Base64URL.decode(String(parts[0])),
            let mac = Base64URL.decode(String(parts[1])), mac.count == HMACSHA256.byteCount
        else { return nil }

        let message = Array(parts[0].utf8)
        for key in keys {
            guard let expected = try? HMACSHA256.authenticate(key: key, message: message) else { return nil }
            let matches = expected.withUnsafeBytes { expected in
                mac.withUnsafeBytes { ConstantTime.equals(expected, $0) }
            }
            if matches { return payload }
        }
        return nil
    }
}
