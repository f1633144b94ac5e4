/// Hashes and verifies passwords with scrypt (RFC 7914) through OpenSSL.
///
/// Each hash gets its own 16-byte random salt and a 32-byte key, stored with its parameters as
/// `$scrypt$ln=14,r=8,p=1$<salt>$<hash>` (unpadded base64url), so the cost can be raised later:
/// ``verify(_:encoded:)`` uses the parameters in the stored string, and ``needsRehash(_:)`` says
/// when a successful login should store a fresh hash at today's cost.
///
/// Passwords are hashed as their UTF-8 bytes without Unicode normalization, so two visually equal
/// passwords typed with different composition do not match. Cost: about 60 ms and 16 MiB per call
/// at the default N = 2^14, r = 8 on this project's hardware; run hashing off the cooperative
/// thread pool.
public struct PasswordHasher: Sendable {
    /// Accepted log2 of the CPU/memory cost N, when hashing and when parsing stored hashes.
    public static let logNRange = 10...20
    /// Accepted scrypt block sizes r.
    public static let blockSizeRange = 1...32
    /// Accepted scrypt parallelism p.
    public static let parallelismRange = 1...16
    /// Length of the random salt of new hashes, in bytes.
    public static let saltByteCount = 16
    /// Length of the derived key of new hashes, in bytes.
    public static let keyByteCount = 32

    /// Log2 of the cost N for new hashes.
    public let logN: Int
    /// Block size r for new hashes.
    public let r: Int
    /// Parallelism p for new hashes.
    public let p: Int

    /// Creates a hasher that makes new hashes with N = 2^`logN`, `r` and `p`. Values outside the
    /// accepted ranges are reported by ``hash(_:)``, which throws
    /// ``PasswordHashError/parametersOutOfRange(logN:r:p:)``.
    public init(logN: Int = 14, r: Int = 8, p: Int = 1) {
        self.logN = logN
        self.r = r
        self.p = p
    }

    /// Hashes `password` with a fresh random salt and returns the self-describing stored form.
    public func hash(_ password: String) throws(PasswordHashError) -> String {
        guard parametersAreValid else { throw .parametersOutOfRange(logN: logN, r: r, p: p) }

        let salt = SecureRandom.bytes(Self.saltByteCount)
        let key = try derive(password, salt: salt, logN: logN, r: r, p: p, length: Self.keyByteCount)
        return ScryptHash(logN: logN, r: r, p: p, salt: salt, hash: key).encoded
    }

    /// Whether `password` matches the stored hash `encoded`, compared in constant time.
    ///
    /// A malformed or out-of-bounds stored string verifies false. So does an OpenSSL failure while
    /// deriving, which can only come from the environment (memory); callers that must tell the two
    /// apart should watch for a burst of failed logins.
    public func verify(_ password: String, encoded: String) -> Bool {
        guard let stored = ScryptHash(encoded: encoded) else { return false }

        let candidate = try? derive(
            password, salt: stored.salt, logN: stored.logN, r: stored.r, p: stored.p, length: stored.hash.count)
        guard let candidate else { return false }
        return ConstantTime.equals(candidate, stored.hash)
    }

    /// Spends the time of one ``verify(_:encoded:)`` at the current parameters and discards the
    /// result, for logins to accounts that do not exist: the response time then does not reveal
    /// which emails are registered.
    public func verifyDummy(_ password: String) {
        let salt = SecureRandom.bytes(Self.saltByteCount)
        _ = try? derive(
            password, salt: salt,
            logN: logN.clamped(to: Self.logNRange), r: r.clamped(to: Self.blockSizeRange),
            p: p.clamped(to: Self.parallelismRange), length: Self.keyByteCount)
    }

    /// Whether `encoded` should be replaced by a fresh hash: true when it is malformed, or when its
    /// parameters, salt length or key length differ from what this hasher makes now.
    public func needsRehash(_ encoded: String) -> Bool {
        guard let stored = ScryptHash(encoded: encoded) else { return true }

        return stored.logN != logN || stored.r != r || stored.p != p
            || stored.salt.count != Self.saltByteCount || stored.hash.count != Self.keyByteCount
    }

    private var parametersAreValid: Bool {
        Self.logNRange.contains(logN) && Self.blockSizeRange.contains(r) && Self.parallelismRange.contains(p)
    }

    private func derive(
        _ password: String, salt: [UInt8], logN: Int, r: Int, p: Int, length: Int
    ) throws(PasswordHashError) -> [UInt8] {
        do {
            return try Scrypt.derive(password: Array(password.utf8), salt: salt, logN: logN, r: r, p: p, length: length)
        } catch {
            throw .derivationFailed(error)
        }
    }
}

extension Comparable {
    fileprivate func clamped(to range: ClosedRange<Self>) -> Self {
        min(max(self, range.lowerBound), range.upperBound)
    }
}
