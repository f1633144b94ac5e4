/// A stored scrypt password hash and its parameters, in the self-describing form
/// `$scrypt$ln=<log2 N>,r=<r>,p=<p>$<salt>$<hash>` with unpadded base64url salt and hash.
///
/// Parsing is strict and bounded: a stored string that names parameters outside the accepted
/// ranges is treated as malformed, so a tampered row cannot make a login burn minutes of CPU or
/// gigabytes of memory.
struct ScryptHash: Equatable {
    static let prefix = "$scrypt$"
    /// Stored strings longer than this are rejected before any parsing.
    static let maximumEncodedLength = 512
    static let saltLengths = 8...64
    static let hashLengths = 16...64

    var logN: Int
    var r: Int
    var p: Int
    var salt: [UInt8]
    var hash: [UInt8]

    init(logN: Int, r: Int, p: Int, salt: [UInt8], hash: [UInt8]) {
        self.logN = logN
        self.r = r
        self.p = p
        self.salt = salt
        self.hash = hash
    }

    /// Parses a stored hash string, or returns nil if it is malformed or out of bounds.
    init?(encoded: String) {
        guard encoded.utf8.count <= Self.maximumEncodedLength, encoded.hasPrefix(Self.prefix) else { return nil }
        let fields = encoded.utf8.dropFirst(Self.prefix.utf8.count)
            .split(separator: UInt8(ascii: "$"), omittingEmptySubsequences: false)
        guard fields.count == 3 else { return nil }

        let parameters = fields[0].split(separator: UInt8(ascii: ","), omittingEmptySubsequences: false)
        guard parameters.count == 3,
            let logN = Self.parameter("ln=", in: parameters[0]), PasswordHasher.logNRange.contains(logN),
            let r = Self.parameter("r=", in: parameters[1]), PasswordHasher.blockSizeRange.contains(r),
            let p = Self.parameter("p=", in: parameters[2]), PasswordHasher.parallelismRange.contains(p)
        else { return nil }

        guard let salt = Base64URL.decode(String(Substring(fields[1]))),
            let hash = Base64URL.decode(String(Substring(fields[2]))),
            Self.saltLengths.contains(salt.count), Self.hashLengths.contains(hash.count)
        else { return nil }

        self.init(logN: logN, r: r, p: p, salt: salt, hash: hash)
    }

    /// The stored form of this hash.
    var encoded: String {
        "\(Self.prefix)ln=\(logN),r=\(r),p=\(p)$\(Base64URL.encode(salt))$\(Base64URL.encode(hash))"
    }

    /// Reads `name` followed by one to four ASCII digits, or returns nil.
    private static func parameter(_ name: String, in field: Substring.UTF8View) -> Int? {
        guard field.starts(with: name.utf8) else { return nil }
        let digits = field.dropFirst(name.utf8.count)
        guard (1...4).contains(digits.count) else { return nil }

        var value = 0
        for digit in digits {
            guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(digit) else { return nil }
            value = value * 10 + Int(digit - UInt8(ascii: "0"))
        }
        return value
    }
}
