import COpenSSL

/// Unpadded base64url (RFC 4648 §5), as used in JWTs and password hash strings.
///
/// OpenSSL does the encoding (`EVP_EncodeBlock`, `EVP_DecodeBlock`); this type translates between
/// the standard and url-safe alphabets and handles padding, which OpenSSL always writes and
/// always expects. Decoding is strict: only `A–Z a–z 0–9 - _`, no padding, no whitespace, and
/// no unused bits set in the last character, so every byte string has exactly one accepted
/// encoding (a token cannot be altered without changing what it decodes to).
public enum Base64URL {
    /// Encodes `bytes` without padding.
    public static func encode(_ bytes: [UInt8]) -> String {
        bytes.withUnsafeBytes { encode($0) }
    }

    /// Decodes an unpadded base64url string, or returns nil if it is not one.
    public static func decode(_ string: String) -> [UInt8]? {
        var string = string
        return string.withUTF8 { decode($0) }
    }

    /// Encodes the bytes in `input` without padding.
    static func encode(_ input: UnsafeRawBufferPointer) -> String {
        let count = input.count
        guard count > 0, let source = input.baseAddress?.assumingMemoryBound(to: UInt8.self) else { return "" }

        let paddedLength = 4 * ((count + 2) / 3)
        let tail = count % 3
        let unpaddedLength = 4 * (count / 3) + (tail == 0 ? 0 : tail + 1)
        // EVP_EncodeBlock writes the padded text plus a NUL and takes an int length, so large
        // inputs go through in pieces whose size is a multiple of 3 (no padding between them).
        let chunkLimit = 3 * (1 << 28)
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: paddedLength + 1) { standard in
            var inOffset = 0
            var outOffset = 0
            while inOffset < count {
                let chunk = min(count - inOffset, chunkLimit)
                let written = EVP_EncodeBlock(standard.baseAddress! + outOffset, source + inOffset, Int32(chunk))
                inOffset += chunk
                outOffset += Int(written)
            }

            return String(unsafeUninitializedCapacity: unpaddedLength) { output in
                for index in 0..<unpaddedLength {
                    output[index] = toURLAlphabet(standard[index])
                }
                return unpaddedLength
            }
        }
    }

    /// Decodes the unpadded base64url text in `input`, or returns nil if it is not valid.
    static func decode(_ input: UnsafeBufferPointer<UInt8>) -> [UInt8]? {
        let count = input.count
        guard count > 0 else { return [] }
        let remainder = count % 4
        guard remainder != 1, count <= Int(Int32.max) - 3 else { return nil }

        let paddingCount = remainder == 0 ? 0 : 4 - remainder
        let paddedLength = count + paddingCount
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: paddedLength) { standard -> [UInt8]? in
            for index in 0..<count {
                guard let translated = toStandardAlphabet(input[index]) else { return nil }
                standard[index] = translated
            }
            for index in count..<paddedLength {
                standard[index] = UInt8(ascii: "=")
            }
            guard lastCharacterIsCanonical(input[count - 1], remainder: remainder) else { return nil }

            // EVP_DecodeBlock decodes each '=' as zero bits and counts them in its result: three
            // bytes per four characters, whatever the padding. The padding bytes are dropped here.
            let capacity = 3 * paddedLength / 4
            var failed = false
            let decoded = [UInt8](unsafeUninitializedCapacity: capacity) { output, initialized in
                let length = EVP_DecodeBlock(output.baseAddress, standard.baseAddress, Int32(paddedLength))
                guard length == Int32(capacity) else {
                    failed = true
                    initialized = 0
                    return
                }
                initialized = capacity - paddingCount
            }
            return failed ? nil : decoded
        }
    }

    private static func toURLAlphabet(_ byte: UInt8) -> UInt8 {
        switch byte {
        case UInt8(ascii: "+"): UInt8(ascii: "-")
        case UInt8(ascii: "/"): UInt8(ascii: "_")
        default: byte
        }
    }

    /// Maps a base64url character to its standard-alphabet twin, or nil for any other byte.
    private static func toStandardAlphabet(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"):
            byte
        case UInt8(ascii: "-"): UInt8(ascii: "+")
        case UInt8(ascii: "_"): UInt8(ascii: "/")
        default: nil
        }
    }

    /// Whether the bits of the last character that fall past the final byte are zero. With 2
    /// characters in the last group, 4 bits are unused; with 3, 2 bits are.
    private static func lastCharacterIsCanonical(_ byte: UInt8, remainder: Int) -> Bool {
        guard remainder != 0 else { return true }

        let unusedMask: UInt8 = remainder == 2 ? 0x0F : 0x03
        return sextet(byte) & unusedMask == 0
    }

    /// The 6-bit value of a character already known to be in the base64url alphabet.
    private static func sextet(_ byte: UInt8) -> UInt8 {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"): byte - UInt8(ascii: "A")
        case UInt8(ascii: "a")...UInt8(ascii: "z"): byte - UInt8(ascii: "a") + 26
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0") + 52
        case UInt8(ascii: "-"): 62
        default: 63
        }
    }
}
