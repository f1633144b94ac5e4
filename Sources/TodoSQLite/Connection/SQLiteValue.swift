/// A value bound to a statement parameter. Only the storage classes this adapter uses.
enum SQLiteValue {
    case null
    case integer(Int64)
    case text(String)
    case blob([UInt8])

    static func integer(_ value: Int64?) -> SQLiteValue {
        value.map { .integer($0) } ?? .null
    }

    static func text(_ value: String?) -> SQLiteValue {
        value.map { .text($0) } ?? .null
    }
}
