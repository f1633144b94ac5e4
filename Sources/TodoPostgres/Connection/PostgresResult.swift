import CPostgres
import TodoCore

/// Owns one successful `PGresult` in text format; `PQclear` runs in `deinit` (or earlier through
/// ``clear()``), so a result never outlives its owner. Rows and columns are 0-based.
final class PostgresResult {
    private var handle: OpaquePointer?
    let rowCount: Int

    init(handle: OpaquePointer) {
        self.handle = handle
        rowCount = Int(PQntuples(handle))
    }

    deinit {
        PQclear(handle)
    }

    func clear() {
        PQclear(handle)
        handle = nil
    }

    /// Rows an INSERT, UPDATE or DELETE changed (`PQcmdTuples`); 0 for other commands.
    var changedRows: Int {
        guard let handle, let text = PQcmdTuples(handle) else { return 0 }
        return Int(String(cString: text)) ?? 0
    }

    // MARK: Values

    func isNull(_ row: Int, _ column: Int) -> Bool {
        PQgetisnull(handle, Int32(row), Int32(column)) == 1
    }

    func text(_ row: Int, _ column: Int) -> String {
        guard let bytes = PQgetvalue(handle, Int32(row), Int32(column)) else { return "" }
        let count = Int(PQgetlength(handle, Int32(row), Int32(column)))
        return bytes.withMemoryRebound(to: UInt8.self, capacity: count) {
            String(decoding: UnsafeBufferPointer(start: $0, count: count), as: UTF8.self)
        }
    }

    func optionalText(_ row: Int, _ column: Int) -> String? {
        isNull(row, column) ? nil : text(row, column)
    }

    /// An `int2`/`int4`/`int8` column; throws `internal` when the text is not a whole number.
    func int64(_ row: Int, _ column: Int) throws -> Int64 {
        guard let number = Int64(text(row, column)) else {
            throw AppError.internal("decode column \(column): not an integer")
        }
        return number
    }

    func optionalInt64(_ row: Int, _ column: Int) throws -> Int64? {
        isNull(row, column) ? nil : try int64(row, column)
    }

    func bool(_ row: Int, _ column: Int) -> Bool {
        text(row, column) == "t"
    }

    /// A `bytea` column in the server's default hex output (`\x` followed by two digits a byte).
    func bytes(_ row: Int, _ column: Int) throws -> [UInt8] {
        let digits = Array(text(row, column).utf8)
        guard digits.count >= 2, digits[0] == UInt8(ascii: "\\"), digits[1] == UInt8(ascii: "x"),
            digits.count % 2 == 0
        else { throw AppError.internal("decode column \(column): bytea is not in hex format") }

        var bytes: [UInt8] = []
        bytes.reserveCapacity(digits.count / 2 - 1)
        var index = 2
        while index < digits.count {
            guard let high = Self.hexValue(digits[index]), let low = Self.hexValue(digits[index + 1]) else {
                throw AppError.internal("decode column \(column): bytea has a non-hex digit")
            }
            bytes.append(high << 4 | low)
            index += 2
        }
        return bytes
    }

    private static func hexValue(_ digit: UInt8) -> UInt8? {
        switch digit {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): digit - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): digit - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): digit - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
