/// How every SQL event log stores message headers: a JSON array of `[name, value]` pairs, keeping
/// order and repeated names.
public enum HeaderCoding {
    public static func encode(_ headers: [MessageHeader]) -> String {
        let pairs = headers.map { JSONValue.array([.string($0.name), .string($0.value)]) }
        return String(decoding: JSONValue.array(pairs).serialized(), as: UTF8.self)
    }

    public static func decode(_ text: String) -> [MessageHeader] {
        guard let pairs = (try? JSONValue.parse(Array(text.utf8)))?.arrayValue else { return [] }
        return pairs.compactMap { pair in
            guard let items = pair.arrayValue, items.count == 2, let name = items[0].stringValue,
                let value = items[1].stringValue
            else { return nil }
            return MessageHeader(name: name, value: value)
        }
    }
}
