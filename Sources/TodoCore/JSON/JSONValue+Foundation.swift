import Foundation

extension JSONValue {
    /// Converts what `JSONSerialization` returns; nil for any other kind of object.
    ///
    /// On Linux a JSON boolean arrives as an `NSNumber` whose `objCType` is `c` (char), and every
    /// JSON number as an `NSNumber` of another type, so the type code tells them apart.
    init?(foundation object: Any) {
        switch object {
        case is NSNull:
            self = .null
        case let number as NSNumber:
            if String(cString: number.objCType) == "c" {
                self = .bool(number.boolValue)
            } else {
                self = .number(number.doubleValue)
            }
        case let text as String:
            self = .string(text)
        case let items as [Any]:
            var values: [JSONValue] = []
            values.reserveCapacity(items.count)
            for item in items {
                guard let value = JSONValue(foundation: item) else { return nil }
                values.append(value)
            }
            self = .array(values)
        case let members as [String: Any]:
            var values: [String: JSONValue] = [:]
            values.reserveCapacity(members.count)
            for (key, item) in members {
                guard let value = JSONValue(foundation: item) else { return nil }
                values[key] = value
            }
            self = .object(values)
        default:
            return nil
        }
    }
}
