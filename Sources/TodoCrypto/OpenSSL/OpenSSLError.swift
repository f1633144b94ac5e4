import COpenSSL

/// A failed libcrypto call: which operation failed and what OpenSSL's error queue said about it.
///
/// Built by ``current(_:)`` immediately after the failing call, because the error queue is
/// per thread and any later OpenSSL call may add to it. The text holds only OpenSSL's own reason
/// strings, never the data (passwords, tokens, keys) that was being processed.
public struct OpenSSLError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The stable code for every libcrypto failure.
    public static let code = "openssl_error"

    /// The operation that failed, such as `"EVP_PBE_scrypt"`.
    public let operation: String
    /// The first packed error code from the queue, or 0 when the queue was empty.
    public let errorCode: UInt
    /// OpenSSL's reason string for ``errorCode``, or a note that the queue was empty.
    public let reason: String

    public var code: String { Self.code }

    public var description: String {
        "\(Self.code): \(operation) failed: \(reason)"
    }

    /// Takes the oldest error off this thread's OpenSSL error queue, clears the rest, and names
    /// the operation that failed.
    public static func current(_ operation: String) -> OpenSSLError {
        let errorCode = ERR_get_error()
        ERR_clear_error()

        guard errorCode != 0 else {
            return OpenSSLError(operation: operation, errorCode: 0, reason: "no error on the OpenSSL queue")
        }
        let reason = withUnsafeTemporaryAllocation(of: CChar.self, capacity: 256) { buffer in
            ERR_error_string_n(errorCode, buffer.baseAddress, buffer.count)
            return String(cString: buffer.baseAddress!)
        }
        return OpenSSLError(operation: operation, errorCode: errorCode, reason: reason)
    }
}
