import Foundation

extension TaskCursor {
    /// An opaque, URL-safe token: base64url of `sort|order|i:<int>` or `…|t:<text>`, then `|id`.
    public func encoded() -> String {
        let keyText: String
        switch key {
        case .integer(let value): keyText = "i:\(value)"
        case .text(let value): keyText = "t:\(value)"
        }
        let raw = "\(sort.rawValue)|\(order.rawValue)|\(id)|\(keyText)"
        return Data(raw.utf8).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    /// Decodes a token made by ``encoded()``; nil when it is not one.
    public init?(encoded token: String) {
        var base64 = token.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        base64 += String(repeating: "=", count: (4 - base64.count % 4) % 4)
        guard token.count <= 1024, let data = Data(base64Encoded: base64),
            let raw = String(data: data, encoding: .utf8)
        else { return nil }

        let parts = raw.split(separator: "|", maxSplits: 3, omittingEmptySubsequences: false)
        guard parts.count == 4, let sort = TaskQuery.Sort(rawValue: String(parts[0])),
            let order = TaskQuery.Order(rawValue: String(parts[1]))
        else { return nil }

        let keyText = parts[3]
        let key: Key
        if keyText.hasPrefix("i:"), let value = Int64(keyText.dropFirst(2)) {
            key = .integer(value)
        } else if keyText.hasPrefix("t:") {
            key = .text(String(keyText.dropFirst(2)))
        } else {
            return nil
        }
        self.init(sort: sort, order: order, key: key, id: String(parts[2]))
    }
}
