import COpenSSL

/// The scrypt key derivation function (RFC 7914) through OpenSSL's `EVP_PBE_scrypt`.
enum Scrypt {
    /// Derives `length` bytes from `password` and `salt` with cost N = 2^`logN`, block size `r`
    /// and parallelism `p`. Callers bound the parameters; this only checks what OpenSSL cannot.
    ///
    /// OpenSSL refuses to use more than `maxmem` bytes and defaults to 32 MiB, too little for
    /// N = 2^15 with r = 8. The limit passed here is what these parameters need
    /// (128·r·(N + 2) for V plus 128·r·p for B, the C rule in `EVP_PBE_scrypt_ex`) plus 1 MiB.
    static func derive(
        password: [UInt8], salt: [UInt8], logN: Int, r: Int, p: Int, length: Int
    ) throws(OpenSSLError) -> [UInt8] {
        // RFC 7914 requires r·p < 2^30; bounding each first keeps the products below from overflowing.
        guard (1...62).contains(logN), (1..<(1 << 30)).contains(r), (1..<(1 << 30)).contains(p),
            r * p < 1 << 30, length > 0
        else {
            throw OpenSSLError(operation: "EVP_PBE_scrypt", errorCode: 0, reason: "parameters out of range")
        }
        let n = UInt64(1) << UInt64(logN)
        let (blockBytes, overflow) = UInt64(128 * r).multipliedReportingOverflow(by: n + 2)
        guard !overflow else {
            throw OpenSSLError(operation: "EVP_PBE_scrypt", errorCode: 0, reason: "memory needed overflows")
        }
        let maxMemory = blockBytes + UInt64(128 * r * p) + (1 << 20)

        var failed = false
        let key = [UInt8](unsafeUninitializedCapacity: length) { output, initialized in
            let status = password.withUnsafeBufferPointer { password in
                salt.withUnsafeBufferPointer { salt in
                    EVP_PBE_scrypt(
                        password.baseAddress.map { UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self) },
                        password.count, salt.baseAddress, salt.count,
                        n, UInt64(r), UInt64(p), maxMemory, output.baseAddress, length)
                }
            }
            failed = status != 1
            initialized = failed ? 0 : length
        }
        guard !failed else { throw OpenSSLError.current("EVP_PBE_scrypt") }
        return key
    }
}
