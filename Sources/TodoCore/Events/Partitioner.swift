/// Chooses a message's partition from its key the way Kafka's default partitioner does:
/// `(murmur2(utf8(key)) & 0x7fffffff) % partitions`, with Kafka's murmur2 (seed `0x9747b28c`).
/// A Kafka adapter therefore places every key exactly where the embedded log does, and all the
/// messages of one key (one user) stay in one partition, in order.
public enum Partitioner {
    /// The partition in `0..<partitions` for `key`; 0 when `partitions` is below 1.
    public static func partition(forKey key: String, partitions: Int) -> Int {
        guard partitions > 1 else { return 0 }
        let positive = murmur2(Array(key.utf8)) & 0x7fff_ffff
        return Int(positive % UInt32(partitions))
    }

    /// Kafka's murmur2 (`org.apache.kafka.common.utils.Utils.murmur2`) as an unsigned 32-bit value;
    /// Java reports the same bits as a signed int.
    public static func murmur2(_ data: [UInt8]) -> UInt32 {
        let multiplier: UInt32 = 0x5bd1_e995
        var hash: UInt32 = 0x9747_b28c ^ UInt32(truncatingIfNeeded: data.count)

        let wholeWords = data.count / 4
        for word in 0..<wholeWords {
            let base = word * 4
            var k =
                UInt32(data[base]) | UInt32(data[base + 1]) << 8 | UInt32(data[base + 2]) << 16
                | UInt32(data[base + 3]) << 24
            k &*= multiplier
            k ^= k >> 24
            k &*= multiplier
            hash &*= multiplier
            hash ^= k
        }

        // The trailing 1–3 bytes, folded in the way Java's fall-through switch does.
        let tail = wholeWords * 4
        let remaining = data.count - tail
        if remaining == 3 { hash ^= UInt32(data[tail + 2]) << 16 }
        if remaining >= 2 { hash ^= UInt32(data[tail + 1]) << 8 }
        if remaining >= 1 {
            hash ^= UInt32(data[tail])
            hash &*= multiplier
        }

        hash ^= hash >> 13
        hash &*= multiplier
        hash ^= hash >> 15
        return hash
    }
}
