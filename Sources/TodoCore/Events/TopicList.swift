/// How every SQL event log stores a group member's topics: a JSON array of strings.
public enum TopicList {
    public static func encode(_ topics: [String]) -> String {
        String(decoding: JSONValue.array(topics.map(JSONValue.string)).serialized(), as: UTF8.self)
    }

    public static func decode(_ text: String) -> [String] {
        ((try? JSONValue.parse(Array(text.utf8)))?.arrayValue ?? []).compactMap(\.stringValue)
    }
}
