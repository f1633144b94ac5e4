/// Parsing of the request target shared by every transport: splitting off the query,
/// percent-decoding and query parameters.
enum RequestTarget {
    /// Splits a request target into the raw path and the raw query (without `?`). An absolute
    /// form (`http://host/path`) is reduced to its path; a fragment is dropped.
    static func split(_ target: String) -> (path: String, query: String) {
        var rest = Substring(target)
        if let fragment = rest.utf8.firstIndex(of: UInt8(ascii: "#")) {
            rest = rest[..<fragment]
        }
        if !rest.hasPrefix("/"), let scheme = rest.firstRange(of: "://") {
            let authorityAndPath = rest[scheme.upperBound...]
            rest = authorityAndPath.firstIndex(of: "/").map { authorityAndPath[$0...] } ?? "/"
        }

        guard let mark = rest.utf8.firstIndex(of: UInt8(ascii: "?")) else {
            return (String(rest), "")
        }
        let query = rest[rest.utf8.index(after: mark)...]
        return (String(rest[..<mark]), String(query))
    }

    /// Decodes `%XX` escapes (and `+` as a space when asked). Invalid escapes are kept as they
    /// are; byte sequences that are not UTF-8 become U+FFFD.
    static func percentDecoded<Text: StringProtocol>(_ text: Text, plusAsSpace: Bool) -> String {
        let utf8 = text.utf8
        let needsWork = utf8.contains { $0 == UInt8(ascii: "%") || (plusAsSpace && $0 == UInt8(ascii: "+")) }
        guard needsWork else { return String(text) }

        var bytes: [UInt8] = []
        bytes.reserveCapacity(utf8.count)
        var index = utf8.startIndex
        while index != utf8.endIndex {
            let byte = utf8[index]
            index = utf8.index(after: index)
            if byte == UInt8(ascii: "+") && plusAsSpace {
                bytes.append(UInt8(ascii: " "))
                continue
            }
            guard byte == UInt8(ascii: "%"), index != utf8.endIndex else {
                bytes.append(byte)
                continue
            }
            let second = utf8.index(after: index)
            guard second != utf8.endIndex, let high = hexValue(utf8[index]), let low = hexValue(utf8[second]) else {
                bytes.append(byte)
                continue
            }
            bytes.append(high << 4 | low)
            index = utf8.index(after: second)
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Splits `a=1&b=x+y&flag` into decoded items; empty pieces (`&&`) are skipped.
    static func queryItems(_ query: String) -> [QueryItem] {
        var items: [QueryItem] = []
        for piece in query.utf8.split(separator: UInt8(ascii: "&")) {
            let part = Substring(piece)
            if let equals = part.firstIndex(of: "=") {
                let name = percentDecoded(part[..<equals], plusAsSpace: true)
                let value = percentDecoded(part[part.index(after: equals)...], plusAsSpace: true)
                items.append(QueryItem(name: name, value: value))
            } else {
                items.append(QueryItem(name: percentDecoded(part, plusAsSpace: true), value: ""))
            }
        }
        return items
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
