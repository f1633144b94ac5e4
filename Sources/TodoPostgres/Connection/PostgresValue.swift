import CPostgres

/// A value bound to a statement parameter (`$1`, `$2`, …). Text, integers and booleans travel in
/// libpq's text format, byte strings in binary, so no value is ever spliced into SQL.
enum PostgresValue {
    case null
    case text(String)
    case integer(Int64)
    case boolean(Bool)
    case bytes([UInt8])

    static func text(_ value: String?) -> PostgresValue {
        value.map { .text($0) } ?? .null
    }

    static func integer(_ value: Int64?) -> PostgresValue {
        value.map { .integer($0) } ?? .null
    }

    /// The type the server is told (`pg_type` OIDs); 0 lets it infer the type from the statement.
    var typeOID: Oid {
        switch self {
        case .null, .text: 0
        case .integer: 20  // int8
        case .boolean: 16  // bool
        case .bytes: 17  // bytea
        }
    }

    /// The bytes sent, and whether they are binary; nil for SQL NULL.
    var wireFormat: (bytes: [UInt8], binary: Bool)? {
        switch self {
        case .null: nil
        case .text(let text): (Array(text.utf8), false)
        case .integer(let number): (Array(String(number).utf8), false)
        case .boolean(let flag): (Array((flag ? "t" : "f").utf8), false)
        case .bytes(let bytes): (bytes, true)
        }
    }
}

extension Array where Element == PostgresValue {
    /// Calls `body` with the parallel C arrays `PQexecParams` and `PQexecPrepared` take: types,
    /// values (text ones NUL-terminated), lengths and formats. The buffers live only during `body`.
    func withParameters<T>(
        _ body: (
            _ count: Int32, _ types: [Oid], _ values: [UnsafePointer<CChar>?], _ lengths: [Int32], _ formats: [Int32]
        ) throws -> T
    ) rethrows -> T {
        var buffers: [UnsafeMutablePointer<CChar>?] = []
        buffers.reserveCapacity(count)
        defer { for buffer in buffers { buffer?.deallocate() } }

        var lengths: [Int32] = []
        var formats: [Int32] = []
        for value in self {
            guard let (bytes, binary) = value.wireFormat else {
                buffers.append(nil)
                lengths.append(0)
                formats.append(0)
                continue
            }
            // One byte more than needed: text values must end in NUL, and an empty value still
            // needs a non-null pointer.
            let buffer = UnsafeMutablePointer<CChar>.allocate(capacity: bytes.count + 1)
            bytes.withUnsafeBytes { source in
                if let base = source.baseAddress {
                    UnsafeMutableRawPointer(buffer).copyMemory(from: base, byteCount: source.count)
                }
            }
            buffer[bytes.count] = 0
            buffers.append(buffer)
            lengths.append(Int32(bytes.count))
            formats.append(binary ? 1 : 0)
        }

        return try body(
            Int32(count), map(\.typeOID), buffers.map { $0.map { UnsafePointer($0) } }, lengths, formats)
    }
}
