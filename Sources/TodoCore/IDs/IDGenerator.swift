import Foundation
import Synchronization

/// Makes identifiers for new records; injected so that tests can predict them.
public protocol IDGenerator: Sendable {
    func next() -> String
}

/// UUID version 7 (RFC 9562): 48 bits of Unix milliseconds, then random bits, written in the usual
/// lowercase 8-4-4-4-12 form. Identifiers made later sort later, which keeps indexes compact and
/// gives a natural tie-break order.
public final class UUIDv7Generator: IDGenerator {
    private let clock: any TimeSource
    /// The last (milliseconds, counter) pair, so IDs made within one millisecond still increase.
    private let state = Mutex<(Int64, UInt16)>((0, 0))

    public init(clock: any TimeSource = SystemTimeSource()) {
        self.clock = clock
    }

    public func next() -> String {
        var random = SystemRandomNumberGenerator()
        let (millis, counter) = state.withLock { state -> (Int64, UInt16) in
            let now = max(clock.now.millisecondsSince1970, state.0)
            if now == state.0 {
                state.1 &+= 1
            } else {
                state = (now, UInt16.random(in: 0..<0x400, using: &random))
            }
            return state
        }

        var bytes = [UInt8](repeating: 0, count: 16)
        for index in 0..<6 { bytes[index] = UInt8(truncatingIfNeeded: millis >> (40 - 8 * index)) }
        bytes[6] = 0x70 | UInt8((counter >> 8) & 0x0F)
        bytes[7] = UInt8(truncatingIfNeeded: counter)
        let tail = random.next()
        for index in 8..<16 { bytes[index] = UInt8(truncatingIfNeeded: tail >> (8 * (index - 8))) }
        bytes[8] = 0x80 | (bytes[8] & 0x3F)
        return Self.format(bytes)
    }

    static func format(_ bytes: [UInt8]) -> String {
        let hex = Array("0123456789abcdef".utf8)
        var out = [UInt8]()
        out.reserveCapacity(36)
        for (index, byte) in bytes.enumerated() {
            if index == 4 || index == 6 || index == 8 || index == 10 { out.append(UInt8(ascii: "-")) }
            out.append(hex[Int(byte >> 4)])
            out.append(hex[Int(byte & 0x0F)])
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Whether `text` has the shape of a UUID (any version), so that malformed ids in paths are a
    /// plain 404 without touching storage.
    public static func isWellFormed(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard bytes.count == 36 else { return false }
        for (index, byte) in bytes.enumerated() {
            if index == 8 || index == 13 || index == 18 || index == 23 {
                guard byte == UInt8(ascii: "-") else { return false }
            } else {
                let isHex = (byte >= 0x30 && byte <= 0x39) || (byte >= 0x61 && byte <= 0x66)
                guard isHex else { return false }
            }
        }
        return true
    }
}
