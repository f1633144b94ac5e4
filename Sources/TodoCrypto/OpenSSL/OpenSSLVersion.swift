import COpenSSL

/// The OpenSSL the process runs on, for `version`.
public enum OpenSSLVersion {
    /// "3.0.15" from OpenSSL's "OpenSSL 3.0.15 3 Sep 2024".
    public static var current: String {
        let text = String(cString: OpenSSL_version(Int32(OPENSSL_VERSION)))
        let words = text.split(separator: " ")
        return words.count > 1 ? String(words[1]) : text
    }
}
